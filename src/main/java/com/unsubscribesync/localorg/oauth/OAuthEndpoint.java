package com.unsubscribesync.localorg.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.unsubscribesync.localorg.state.Directory;
import com.unsubscribesync.localorg.state.OrgCredentials;
import com.unsubscribesync.localorg.state.RecordIds;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 2.0 at {@code /services/oauth2/authorize} (authorization code with PKCE S256, loopback redirect URIs only,
 * an approve page for the local user) and {@code /services/oauth2/token} (authorization_code, refresh_token,
 * client_credentials). Access tokens are SOAP session ids.
 */
public final class OAuthEndpoint implements HttpHandler {
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final OrgCredentials credentials;
    private final Sessions sessions;
    private final AuthorizationCodes codes;
    private final Clock clock;
    private final String instanceUrl;
    private final ObjectMapper json = new ObjectMapper();

    public OAuthEndpoint(OrgCredentials credentials, Sessions sessions, Clock clock, String instanceUrl) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.codes = new AuthorizationCodes(clock);
        this.clock = clock;
        this.instanceUrl = instanceUrl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/services/oauth2/authorize")) {
                authorize(exchange);
            } else if (path.equals("/services/oauth2/token") && exchange.getRequestMethod().equals("POST")) {
                token(exchange, FormData.parse(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8)));
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found");
            }
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        boolean post = exchange.getRequestMethod().equals("POST");
        Map<String, String> params = post
                ? FormData.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                : FormData.parse(exchange.getRequestURI().getRawQuery());
        if (!credentials.clientId().equals(params.get("client_id"))) {
            send(exchange, 400, "text/html; charset=utf-8", page("error=invalid_client_id",
                    "<p>The client identifier is not known to this org.</p>"));
            return;
        }
        String redirect = params.get("redirect_uri");
        if (!isLoopback(redirect)) {
            send(exchange, 400, "text/html; charset=utf-8", page("error=redirect_uri_mismatch",
                    "<p>The redirect URI must be an http(s) address on 127.0.0.1, localhost or [::1].</p>"));
            return;
        }
        String state = params.get("state");
        if (!"code".equals(params.get("response_type"))) {
            redirect(exchange, redirect, "error=unsupported_response_type&error_description="
                    + FormData.encode("response type not supported"), state);
            return;
        }
        String challenge = params.get("code_challenge");
        if (challenge == null || challenge.isEmpty() || !"S256".equals(params.getOrDefault("code_challenge_method",
                "S256"))) {
            redirect(exchange, redirect, "error=invalid_request&error_description="
                    + FormData.encode("a code_challenge with method S256 is required"), state);
            return;
        }
        if (!post) {
            send(exchange, 200, "text/html; charset=utf-8", approvePage(params));
            return;
        }
        if (!"allow".equals(params.get("approve"))) {
            redirect(exchange, redirect, "error=access_denied&error_description="
                    + FormData.encode("end-user denied authorization"), state);
            return;
        }
        String code = codes.issue(credentials.clientId(), redirect, challenge,
                params.getOrDefault("scope", "api refresh_token"), Directory.LOCAL_USER);
        redirect(exchange, redirect, "code=" + FormData.encode(code), state);
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(form);
        basicAuth(exchange).forEach(params::putIfAbsent);
        String grantType = params.getOrDefault("grant_type", "");
        if (!credentials.clientId().equals(params.get("client_id"))) {
            error(exchange, 400, "invalid_client_id", "client identifier invalid");
            return;
        }
        switch (grantType) {
            case "authorization_code" -> {
                AuthorizationCodes.Grant grant = codes.redeem(params.get("code")).orElse(null);
                if (grant == null || !grant.redirectUri().equals(params.get("redirect_uri"))) {
                    error(exchange, 400, "invalid_grant", "invalid authorization code");
                    return;
                }
                String verifier = params.get("code_verifier");
                if (verifier == null || !MessageDigest.isEqual(grant.challenge().getBytes(StandardCharsets.US_ASCII),
                        AuthorizationCodes.challengeOf(verifier).getBytes(StandardCharsets.US_ASCII))) {
                    error(exchange, 400, "invalid_grant", "invalid code verifier");
                    return;
                }
                issue(exchange, grant.userRow(), sessions.issueRefreshToken(grant.userRow()), grant.scope());
            }
            case "refresh_token" -> {
                Integer user = sessions.redeemRefreshToken(params.get("refresh_token")).orElse(null);
                if (user == null) {
                    error(exchange, 400, "invalid_grant", "expired access/refresh token");
                    return;
                }
                issue(exchange, user, null, "api refresh_token");
            }
            case "client_credentials" -> {
                String secret = params.get("client_secret");
                if (secret == null || !MessageDigest.isEqual(credentials.clientSecret().getBytes(StandardCharsets.UTF_8),
                        secret.getBytes(StandardCharsets.UTF_8))) {
                    error(exchange, 400, "invalid_client", "invalid client credentials");
                    return;
                }
                issue(exchange, Directory.LOCAL_USER, null, "api");
            }
            default -> error(exchange, 400, "unsupported_grant_type", "grant type not supported");
        }
    }

    private void issue(HttpExchange exchange, int userRow, String refreshToken, String scope) throws IOException {
        String accessToken = sessions.issue(userRow);
        String issuedAt = Long.toString(clock.millis());
        String id = instanceUrl + "/id/" + credentials.orgId() + "/" + RecordIds.idOf("005", userRow);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("signature", signature(id + issuedAt));
        body.put("scope", scope);
        body.put("instance_url", instanceUrl);
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        send(exchange, 200, "application/json;charset=UTF-8", json.writeValueAsString(body));
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

    private void error(HttpExchange exchange, int status, String code, String description) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        send(exchange, status, "application/json;charset=UTF-8", json.writeValueAsString(body));
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
        return Map.of("client_id", FormData.parse("a=" + decoded.substring(0, colon)).get("a"),
                "client_secret", FormData.parse("a=" + decoded.substring(colon + 1)).get("a"));
    }

    static boolean isLoopback(String redirect) {
        if (redirect == null) {
            return false;
        }
        try {
            URI uri = new URI(redirect);
            String scheme = uri.getScheme();
            return ("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null
                    && LOOPBACK_HOSTS.contains(uri.getHost()) && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void redirect(HttpExchange exchange, String redirect, String query, String state)
            throws IOException {
        String location = redirect + (redirect.contains("?") ? "&" : "?") + query
                + (state == null ? "" : "&state=" + FormData.encode(state));
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private String approvePage(Map<String, String> params) {
        StringBuilder hidden = new StringBuilder();
        for (String name : new String[] {"response_type", "client_id", "redirect_uri", "code_challenge",
            "code_challenge_method", "state", "scope"}) {
            String value = params.get(name);
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(html(value)).append("\">");
            }
        }
        return page("Allow access?", "<p>An application wants to use this local org as <b>"
                + html(credentials.username()) + "</b>.</p><form method=\"post\" action=\"/services/oauth2/authorize\">"
                + hidden + "<button type=\"submit\" name=\"approve\" value=\"allow\">Allow</button> "
                + "<button type=\"submit\" name=\"approve\" value=\"deny\">Deny</button></form>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + html(title) + "</title></head><body>"
                + "<h1>" + html(title) + "</h1>" + body + "</body></html>";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
