package com.unsubscribesync.localorg.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.unsubscribesync.localorg.state.Directory;
import com.unsubscribesync.localorg.state.OrgCredentials;
import com.unsubscribesync.localorg.state.RecordIds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code /services/oauth2/token}: authorization_code (with the PKCE verifier and the registered redirect URI
 * checked), refresh_token and client_credentials. The consumer secret is required for the first two when the
 * connected app's switches say so, and checked whenever it is sent. Client credentials are granted only on the
 * org's own (My Domain) address, not when it plays a shared login host. Answers in Salesforce's token JSON; errors
 * are JSON with status 400.
 */
final class TokenGrants {
    private final OrgCredentials credentials;
    private final ConnectedApp app;
    private final boolean genericLoginHost;
    private final Sessions sessions;
    private final AuthorizationCodes codes;
    private final Clock clock;
    private final String instanceUrl;

    TokenGrants(
            OrgCredentials credentials,
            ConnectedApp app,
            boolean genericLoginHost,
            Sessions sessions,
            AuthorizationCodes codes,
            Clock clock,
            String instanceUrl) {
        this.credentials = credentials;
        this.app = app;
        this.genericLoginHost = genericLoginHost;
        this.sessions = sessions;
        this.codes = codes;
        this.clock = clock;
        this.instanceUrl = instanceUrl;
    }

    void handle(HttpExchange exchange, Map<String, String> form) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(form);
        basicAuth(exchange).forEach(params::putIfAbsent);
        if (!credentials.clientId().equals(params.get("client_id"))) {
            HttpReplies.error(exchange, 400, "invalid_client_id", "client identifier invalid");
            return;
        }
        switch (params.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                if (secretRefused(exchange, params, app.requireSecretForWebServerFlow())) {
                    return;
                }
                authorizationCode(exchange, params);
            }
            case "refresh_token" -> {
                if (secretRefused(exchange, params, app.requireSecretForRefreshTokenFlow())) {
                    return;
                }
                Integer user =
                        sessions.redeemRefreshToken(params.get("refresh_token")).orElse(null);
                if (user == null) {
                    HttpReplies.error(exchange, 400, "invalid_grant", "expired access/refresh token");
                } else if (app.rotateRefreshTokens()) {
                    sessions.revokeRefreshToken(params.get("refresh_token"));
                    issue(exchange, user, sessions.issueRefreshToken(user), "api refresh_token");
                } else {
                    issue(exchange, user, null, "api refresh_token");
                }
            }
            case "client_credentials" -> {
                if (genericLoginHost) {
                    HttpReplies.error(exchange, 400, "invalid_grant", "request not supported on this domain");
                } else if (!same(credentials.clientSecret(), params.get("client_secret"))) {
                    HttpReplies.error(exchange, 400, "invalid_client", "invalid client credentials");
                } else {
                    issue(exchange, Directory.LOCAL_USER, null, "api");
                }
            }
            default -> HttpReplies.error(exchange, 400, "unsupported_grant_type", "grant type not supported");
        }
    }

    /** A missing secret where the app requires one, or a wrong one wherever it is sent, is refused. */
    private boolean secretRefused(HttpExchange exchange, Map<String, String> params, boolean required)
            throws IOException {
        String secret = params.get("client_secret");
        if ((secret == null && required) || (secret != null && !same(credentials.clientSecret(), secret))) {
            HttpReplies.error(exchange, 400, "invalid_client", "invalid client credentials");
            return true;
        }
        return false;
    }

    private void authorizationCode(HttpExchange exchange, Map<String, String> params) throws IOException {
        if (!app.registered(params.get("redirect_uri"))) {
            HttpReplies.error(exchange, 400, "redirect_uri_mismatch", AuthorizationPage.REDIRECT_MISMATCH);
            return;
        }
        AuthorizationCodes.Grant grant = codes.redeem(params.get("code")).orElse(null);
        if (grant == null || !grant.redirectUri().equals(params.get("redirect_uri"))) {
            HttpReplies.error(exchange, 400, "invalid_grant", "invalid authorization code");
            return;
        }
        String verifier = params.get("code_verifier");
        if (verifier == null || !same(grant.challenge(), AuthorizationCodes.challengeOf(verifier))) {
            HttpReplies.error(exchange, 400, "invalid_grant", "invalid code verifier");
            return;
        }
        issue(exchange, grant.userRow(), sessions.issueRefreshToken(grant.userRow()), grant.scope());
    }

    private void issue(HttpExchange exchange, int userRow, String refreshToken, String scope) throws IOException {
        String issuedAt = Long.toString(clock.millis());
        String id = instanceUrl + "/id/" + credentials.orgId() + "/" + RecordIds.idOf("005", userRow);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", sessions.issue(userRow));
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("signature", signature(id + issuedAt));
        body.put("scope", scope);
        body.put("instance_url", instanceUrl);
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        HttpReplies.json(exchange, 200, body);
    }

    private String signature(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(credentials.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static boolean same(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> basicAuth(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return Map.of();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Map.of();
        }
        return Map.of("client_id", decoded.substring(0, colon), "client_secret", decoded.substring(colon + 1));
    }
}
