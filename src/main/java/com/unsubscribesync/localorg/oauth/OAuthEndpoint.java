package com.unsubscribesync.localorg.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.unsubscribesync.localorg.state.OrgCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * OAuth 2.0 at {@code /services/oauth2/authorize} and {@code /services/oauth2/token}. The access tokens it issues
 * are SOAP session ids of the same org.
 */
public final class OAuthEndpoint implements HttpHandler {
    private final AuthorizationPage authorization;
    private final TokenGrants tokens;

    private final OrgCredentials credentials;
    private final ConnectedApp app;
    private final Sessions sessions;
    private final AuthorizationCodes codes;
    private final Clock clock;
    private final String instanceUrl;

    public OAuthEndpoint(
            OrgCredentials credentials, ConnectedApp app, Sessions sessions, Clock clock, String instanceUrl) {
        this(credentials, app, sessions, new AuthorizationCodes(clock), clock, instanceUrl, false);
    }

    private OAuthEndpoint(
            OrgCredentials credentials,
            ConnectedApp app,
            Sessions sessions,
            AuthorizationCodes codes,
            Clock clock,
            String instanceUrl,
            boolean genericLoginHost) {
        this.credentials = credentials;
        this.app = app;
        this.sessions = sessions;
        this.codes = codes;
        this.clock = clock;
        this.instanceUrl = instanceUrl;
        this.authorization = new AuthorizationPage(credentials, app, codes);
        this.tokens = new TokenGrants(credentials, app, genericLoginHost, sessions, codes, clock, instanceUrl);
    }

    /**
     * The same org's OAuth as a shared login host ({@code login.salesforce.com}) answers it: sign-ins and refreshes
     * work and come back with the org's own instance URL, client credentials are refused.
     */
    public OAuthEndpoint asGenericLoginHost() {
        return new OAuthEndpoint(credentials, app, sessions, codes, clock, instanceUrl, true);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            boolean post = exchange.getRequestMethod().equals("POST");
            if (path.equals("/services/oauth2/authorize")) {
                authorization.handle(
                        exchange,
                        post
                                ? FormData.parse(body(exchange))
                                : FormData.parse(exchange.getRequestURI().getRawQuery()),
                        post);
            } else if (path.equals("/services/oauth2/token") && post) {
                tokens.handle(exchange, FormData.parse(body(exchange)));
            } else {
                HttpReplies.send(exchange, 404, "text/plain; charset=utf-8", "Not found");
            }
        } catch (com.unsubscribesync.localorg.http.HttpBodies.TooLarge e) {
            HttpReplies.send(exchange, 413, "text/plain; charset=utf-8", "Request Entity Too Large");
        }
    }

    /** A form of the sign-in pages or the token endpoint is a few kilobytes; more is refused unread (ADR 0008). */
    static final int MAX_FORM_BYTES = 64 * 1024;

    private static String body(HttpExchange exchange) throws IOException {
        return new String(
                com.unsubscribesync.localorg.http.HttpBodies.read(exchange, MAX_FORM_BYTES), StandardCharsets.UTF_8);
    }
}
