package com.unsubscribesync.salesforce;

import java.util.Optional;

/**
 * How to reach the connected org again, as kept (encrypted) in the data directory. {@link #toString()} never shows
 * a token, secret or password.
 */
public sealed interface SavedConnection {

    /** A short description for the admin, without secrets. */
    String describe();

    /** The embedded demo org in the data directory. */
    record Demo() implements SavedConnection {
        @Override
        public String describe() {
            return "the demo org";
        }
    }

    /**
     * The console's browser sign-in: the refresh token renews sessions, sent with the consumer secret when the
     * connected app requires it.
     */
    record BrowserSignIn(String loginUrl, String clientId, String refreshToken, Optional<String> clientSecret)
            implements SavedConnection {

        public BrowserSignIn(String loginUrl, String clientId, String refreshToken) {
            this(loginUrl, clientId, refreshToken, Optional.empty());
        }

        @Override
        public String describe() {
            return loginUrl + " (signed in through the browser)";
        }

        @Override
        public String toString() {
            return "BrowserSignIn[loginUrl=" + loginUrl + ", clientId=" + clientId + "]";
        }
    }

    /** Headless use with a connected app's client credentials. */
    record ClientCredentials(String loginUrl, String clientId, String clientSecret) implements SavedConnection {
        @Override
        public String describe() {
            return loginUrl + " (client credentials)";
        }

        @Override
        public String toString() {
            return "ClientCredentials[loginUrl=" + loginUrl + ", clientId=" + clientId + "]";
        }
    }

    /** The retiring username/password login, against API 64.0 or older. */
    record PasswordLogin(String loginUrl, String apiVersion, String username, String passwordAndToken)
            implements SavedConnection {
        @Override
        public String describe() {
            return loginUrl + " (username and password, retiring in " + LegacyLogin.RETIREMENT + ")";
        }

        @Override
        public String toString() {
            return "PasswordLogin[loginUrl=" + loginUrl + ", apiVersion=" + apiVersion + ", username=" + username + "]";
        }
    }
}
