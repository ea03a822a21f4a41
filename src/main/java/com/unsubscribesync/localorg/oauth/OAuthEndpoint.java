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

    public OAuthEndpoint(OrgCredentials credentials, Sessions sessions, Clock clock, String instanceUrl) {
        AuthorizationCodes codes = new AuthorizationCodes(clock);
        this.authorization = new AuthorizationPage(credentials, codes);
        this.tokens = new TokenGrants(credentials, sessions, codes, clock, instanceUrl);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean post = exchange.getRequestMethod().equals("POST");
            if (path.equals("/services/oauth2/authorize")) {
                authorization.handle(exchange, post ? FormData.parse(body(exchange))
                        : FormData.parse(exchange.getRequestURI().getRawQuery()), post);
            } else if (path.equals("/services/oauth2/token") && post) {
                tokens.handle(exchange, FormData.parse(body(exchange)));
            } else {
                HttpReplies.send(exchange, 404, "text/plain; charset=utf-8", "Not found");
            }
        }
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }
}
