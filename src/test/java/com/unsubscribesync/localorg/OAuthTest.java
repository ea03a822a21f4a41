package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.PartnerConnection;
import com.unsubscribesync.localorg.oauth.ConnectedApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthTest {
    private static final String REDIRECT = "http://localhost:7777/oauth/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-local-org-test";

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private LocalOrg org;

    @BeforeEach
    void start() throws Exception {
        org = start(ConnectedApp.defaults());
    }

    private LocalOrg start(ConnectedApp app) throws Exception {
        return LocalOrg.start(LocalOrgOptions.defaults().withPeople(10), app.withCallbackUrls(List.of(REDIRECT)));
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void authorizationCodeWithPkceGivesASessionForceWscAccepts() throws Exception {
        JsonNode token = exchange(approve(), VERIFIER, 200);
        assertThat(token.path("instance_url").asText()).isEqualTo(org.url());
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("id").asText()).startsWith(org.url() + "/id/" + org.orgId() + "/005");
        assertThat(token.has("issued_at")).isTrue();
        assertThat(token.has("signature")).isTrue();
        PartnerConnection pc = new PartnerConnection(
                Clients.partnerConfig(org, token.path("access_token").asText()));
        assertThat(pc.getUserInfo().getUserName()).isEqualTo(org.username());

        JsonNode refreshed =
                post(withSecret(refreshGrant(token.path("refresh_token").asText()), org.clientSecret()), 200);
        assertThat(refreshed.path("access_token").asText())
                .isNotEqualTo(token.path("access_token").asText());
        assertThat(refreshed.has("refresh_token")).isFalse();
    }

    @Test
    void aWrongCodeVerifierIsRefused() throws Exception {
        JsonNode error = exchange(approve(), VERIFIER + "x", 400);
        assertThat(error.path("error").asText()).isEqualTo("invalid_grant");
        assertThat(error.path("error_description").asText()).isEqualTo("invalid code verifier");
    }

    @Test
    void aCodeWorksOnlyOnce() throws Exception {
        String code = approve();
        exchange(code, VERIFIER, 200);
        assertThat(exchange(code, VERIFIER, 400).path("error").asText()).isEqualTo("invalid_grant");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example.com/cb",
                "http://localhost:7777/oauth/callback/",
                "http://LOCALHOST:7777/oauth/callback",
                "http://127.0.0.1:7777/oauth/callback",
                "http://localhost:7778/oauth/callback",
                "http://localhost:7777/oauth/Callback"
            })
    void aCallbackOtherThanTheRegisteredOneIsRefusedWithRedirectUriMismatchAndNotRedirectedTo(String redirect)
            throws Exception {
        Map<String, String> params = authorizeParams(null);
        params.put("redirect_uri", redirect);
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(org.authorizeUrl() + "?" + form(params)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body())
                .contains("error=redirect_uri_mismatch&amp;error_description=redirect_uri%20must%20"
                        + "match%20configuration");
    }

    @Test
    void aCodeExchangedWithAnUnregisteredRedirectUriIsRefusedWithRedirectUriMismatch() throws Exception {
        JsonNode error = post(
                withSecret(codeGrant(approve(), "http://localhost:7777/other", VERIFIER), org.clientSecret()), 400);
        assertThat(error.path("error").asText()).isEqualTo("redirect_uri_mismatch");
        assertThat(error.path("error_description").asText()).isEqualTo("redirect_uri must match configuration");
    }

    @Test
    void anAuthorizeRequestWithoutAPkceChallengeIsRefused() throws Exception {
        Map<String, String> params = authorizeParams(null);
        params.remove("code_challenge");
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(org.authorizeUrl() + "?" + form(params)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow())
                .startsWith(REDIRECT + "?error=invalid_request");
    }

    @Test
    void withRequireSecretOnTheCodeExchangeAndTheRefreshWithoutTheSecretAreRefusedWithInvalidClient() throws Exception {
        JsonNode noSecret = post(codeGrant(approve(), REDIRECT, VERIFIER), 400);
        assertThat(noSecret.path("error").asText()).isEqualTo("invalid_client");
        assertThat(noSecret.path("error_description").asText()).isEqualTo("invalid client credentials");

        String refreshToken =
                exchange(approve(), VERIFIER, 200).path("refresh_token").asText();
        JsonNode refreshWithout = post(refreshGrant(refreshToken), 400);
        assertThat(refreshWithout.path("error").asText()).isEqualTo("invalid_client");
        assertThat(refreshWithout.path("error_description").asText()).isEqualTo("invalid client credentials");
    }

    @Test
    void withRequireSecretOffNoSecretIsNeededButAWrongOneIsStillRefused() throws Exception {
        org.close();
        org = start(ConnectedApp.defaults().withRequireSecret(false, false));
        JsonNode token = post(codeGrant(approve(), REDIRECT, VERIFIER), 200);
        post(refreshGrant(token.path("refresh_token").asText()), 200);
        JsonNode wrong =
                post(withSecret(refreshGrant(token.path("refresh_token").asText()), "wrong"), 400);
        assertThat(wrong.path("error").asText()).isEqualTo("invalid_client");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:27482/oauth/callback",
                "http://[::1]:27482/oauth/callback",
                "http://10.0.0.5/cb"
            })
    void anHttpCallbackOnAnIpAddressCannotBeRegistered(String callback) {
        assertThatThrownBy(() -> ConnectedApp.defaults().withCallbackUrls(List.of(callback)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot be an HTTP URL");
        assertThat(ConnectedApp.defaults()
                        .withCallbackUrls(List.of("https://127.0.0.1:8443/cb", "http://localhost:1/cb"))
                        .callbackUrls())
                .hasSize(2);
    }

    @Test
    void clientCredentialsAreRefusedOnTheGenericLoginHostWithRequestNotSupportedOnThisDomain() throws Exception {
        org.close();
        org = start(ConnectedApp.defaults().withGenericLoginHost(true));
        String loginHost = org.genericLoginUrl().orElseThrow();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(loginHost + "/services/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(clientCredentials(org.clientSecret()))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(response.body());
        assertThat(error.path("error").asText()).isEqualTo("invalid_grant");
        assertThat(error.path("error_description").asText()).isEqualTo("request not supported on this domain");
        post(clientCredentials(org.clientSecret()), 200);
    }

    @Test
    void denyingSendsAccessDeniedToTheRedirect() throws Exception {
        HttpResponse<String> denied = http.send(
                HttpRequest.newBuilder(URI.create(org.authorizeUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(authorizeParams("deny"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(302);
        assertThat(denied.headers().firstValue("Location").orElseThrow())
                .startsWith(REDIRECT + "?error=access_denied")
                .endsWith("state=xyz");
    }

    @Test
    void clientCredentialsNeedTheSecret() throws Exception {
        JsonNode token = post(clientCredentials(org.clientSecret()), 200);
        PartnerConnection pc = new PartnerConnection(
                Clients.partnerConfig(org, token.path("access_token").asText()));
        assertThat(pc.getServerTimestamp()).isNotNull();
        JsonNode refused = post(clientCredentials("wrong"), 400);
        assertThat(refused.path("error").asText()).isEqualTo("invalid_client");
    }

    /** Loads the approve page like a browser, then submits its form with Allow; returns the code. */
    private String approve() throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(org.authorizeUrl() + "?" + form(authorizeParams(null))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"").contains(org.username());
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .matcher(page.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        fields.put("approve", "allow");
        HttpResponse<String> approved = http.send(
                HttpRequest.newBuilder(URI.create(org.authorizeUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).isEqualTo(302);
        URI location = URI.create(approved.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/oauth/callback");
        Map<String, String> query = java.util.Arrays.stream(
                        location.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(query).containsEntry("state", "xyz");
        return query.get("code");
    }

    private Map<String, String> authorizeParams(String approve) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", org.clientId());
        params.put("redirect_uri", REDIRECT);
        params.put("code_challenge", challenge(VERIFIER));
        params.put("code_challenge_method", "S256");
        params.put("state", "xyz");
        if (approve != null) {
            params.put("approve", approve);
        }
        return params;
    }

    private JsonNode exchange(String code, String verifier, int expectedStatus) throws Exception {
        return post(withSecret(codeGrant(code, REDIRECT, verifier), org.clientSecret()), expectedStatus);
    }

    private Map<String, String> codeGrant(String code, String redirectUri, String verifier) {
        return Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "client_id",
                org.clientId(),
                "redirect_uri",
                redirectUri,
                "code_verifier",
                verifier);
    }

    private Map<String, String> refreshGrant(String refreshToken) {
        return Map.of("grant_type", "refresh_token", "client_id", org.clientId(), "refresh_token", refreshToken);
    }

    private Map<String, String> clientCredentials(String secret) {
        return Map.of("grant_type", "client_credentials", "client_id", org.clientId(), "client_secret", secret);
    }

    private static Map<String, String> withSecret(Map<String, String> grant, String secret) {
        Map<String, String> params = new java.util.HashMap<>(grant);
        params.put("client_secret", secret);
        return params;
    }

    private JsonNode post(Map<String, String> params, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(org.tokenUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
