package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.InvalidInputException;

/**
 * Where the browser brings the sign-in back: {@code http://localhost:PORT/oauth/callback}. The admin registers this
 * exact address in the connected app, because Salesforce compares it character for character; {@code localhost}
 * and not {@code 127.0.0.1}, because Salesforce refuses a plain-http callback on an IP address. ADR 0016 says why
 * the default port is {@value #DEFAULT_PORT}.
 */
public record OAuthCallback(int port) {
    public static final int DEFAULT_PORT = 27482;
    public static final String PATH = "/oauth/callback";

    public OAuthCallback {
        if (port < 1024 || port > 65535) {
            throw new InvalidInputException("callback port " + port + " cannot be used: give a port from 1024 to "
                    + "65535, e.g. the default " + DEFAULT_PORT);
        }
    }

    public static OAuthCallback defaultPort() {
        return new OAuthCallback(DEFAULT_PORT);
    }

    /** The exact callback URL to register in the connected app. */
    public String url() {
        return "http://localhost:" + port + PATH;
    }

    @Override
    public String toString() {
        return url();
    }
}
