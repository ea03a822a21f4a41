package com.unsubscribesync.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unsubscribesync.domain.InvalidInputException;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The org's OAuth token endpoint ({@code /services/oauth2/token}): redeems an authorization code with its PKCE
 * verifier, a refresh token, or the client credentials for a session. Refusals become
 * {@link SalesforceException.Kind#AUTHENTICATION}; secrets never appear in messages.
 */
public final class TokenEndpoint {
    private final LoginUrl loginUrl;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final HttpClient http;
    private final ConnectionOptions options;
    private final ObjectMapper json = new ObjectMapper();

    public TokenEndpoint(LoginUrl loginUrl, String clientId, ConnectionOptions options, ProxySelector proxies) {
        this(loginUrl, clientId, Optional.empty(), options, proxies);
    }

    /**
     * @param clientSecret the consumer secret, sent with the code exchange and every refresh when given (the
     *     connected app's "Require Secret for Web Server Flow" and "Require Secret for Refresh Token Flow")
     */
    public TokenEndpoint(
            LoginUrl loginUrl,
            String clientId,
            Optional<String> clientSecret,
            ConnectionOptions options,
            ProxySelector proxies) {
        this.loginUrl = loginUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.options = options;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (proxies != null) {
            builder.proxy(proxies);
        }
        this.http = builder.build();
    }

    public LoginUrl loginUrl() {
        return loginUrl;
    }

    public String clientId() {
        return clientId;
    }

    /** The authorization-code grant with PKCE; the redirect URI must be the one the browser was sent to. */
    public OrgSession redeemCode(String code, String verifier, String redirectUri) {
        return post(
                "signing in through the browser",
                "connect again and allow access in the browser" + secretHint(),
                withSecret(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "code_verifier",
                        verifier,
                        "redirect_uri",
                        redirectUri,
                        "client_id",
                        clientId));
    }

    /** A new access token for a refresh token; the refresh token itself stays the same. */
    public OrgSession refresh(String refreshToken) {
        OrgSession fresh = post(
                "renewing the session",
                "connect again with 'connect'" + secretHint(),
                withSecret("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
        return fresh.refreshToken().isPresent()
                ? fresh
                : new OrgSession(
                        fresh.sessionId(),
                        fresh.instanceUrl(),
                        fresh.organizationId(),
                        fresh.userId(),
                        fresh.partnerEndpoint(),
                        fresh.metadataEndpoint(),
                        Optional.of(refreshToken));
    }

    /** The client-credentials grant of a connected app with a "run as" user, for headless use. */
    public OrgSession clientCredentials(String clientSecret) {
        if (loginUrl.isGenericLoginHost()) {
            throw new InvalidInputException(myDomainNeeded(loginUrl));
        }
        return post(
                "signing in with the client secret",
                "check the External Client App's Consumer Key (client id) and the secret in the environment variable",
                form("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret));
    }

    /**
     * Salesforce grants client credentials only on the org's own My Domain host; on a shared login host it answers
     * {@code invalid_grant} "request not supported on this domain".
     */
    public static String myDomainNeeded(LoginUrl loginUrl) {
        return "Client credentials work only on your org's My Domain address, not on " + loginUrl + ": give "
                + "--login-url with the My Domain URL (e.g. https://yourcompany.my.salesforce.com; Setup › My Domain "
                + "shows it).";
    }

    private String secretHint() {
        return clientSecret.isPresent() ? "" : "; if the External Client App requires the consumer secret, give it too";
    }

    private String withSecret(String... pairs) {
        String body = form(pairs);
        return clientSecret
                .map(secret -> body + "&" + form("client_secret", secret))
                .orElse(body);
    }

    private OrgSession post(String what, String hint, String body) {
        HttpRequest request = HttpRequest.newBuilder(loginUrl.tokenEndpoint())
                .timeout(options.readTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header(ConnectorConfigs.CLIENT_HEADER, "client=" + options.clientName())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SalesforceException(
                    SalesforceException.Kind.UNAVAILABLE,
                    "CONNECTION_FAILED",
                    "Salesforce at " + loginUrl + " could not be reached while " + what + " ("
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                            + "): check the login URL and the network.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(
                    SalesforceException.Kind.UNAVAILABLE, "INTERRUPTED", "Stopped while " + what + ".", e);
        }
        JsonNode answer = parse(response.body());
        int status = response.statusCode();
        if (status >= 500) {
            throw new SalesforceException(
                    SalesforceException.Kind.UNAVAILABLE,
                    "HTTP_" + status,
                    "Salesforce at " + loginUrl + " answered " + status + " while " + what + ": try again later.",
                    null);
        }
        if (status != 200 || answer == null || !answer.hasNonNull("access_token")) {
            String error =
                    answer == null ? "HTTP_" + status : answer.path("error").asText("HTTP_" + status);
            String description = answer == null
                    ? "an unreadable answer"
                    : answer.path("error_description").asText(error);
            if ("invalid_grant".equals(error) && description.equalsIgnoreCase("request not supported on this domain")) {
                throw new InvalidInputException(myDomainNeeded(loginUrl));
            }
            throw new SalesforceException(
                    SalesforceException.Kind.AUTHENTICATION,
                    error,
                    "Salesforce at " + loginUrl + " refused " + what + " (" + error + ": " + description + "): " + hint
                            + ".",
                    null);
        }
        return OrgSession.fromOAuth(
                answer.path("access_token").asText(),
                answer.path("instance_url").asText(),
                answer.path("id").asText(),
                Optional.ofNullable(answer.path("refresh_token").textValue()));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String form(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
