package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.PartnerConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTest {
    private static final String REDIRECT = "http://127.0.0.1:7777/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-local-org-test";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private LocalOrg org;

    @BeforeEach
    void start() throws Exception {
        org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(10));
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
        PartnerConnection pc = new PartnerConnection(Clients.partnerConfig(org, token.path("access_token").asText()));
        assertThat(pc.getUserInfo().getUserName()).isEqualTo(org.username());

        JsonNode refreshed = post(Map.of("grant_type", "refresh_token", "client_id", org.clientId(),
                "refresh_token", token.path("refresh_token").asText()), 200);
        assertThat(refreshed.path("access_token").asText()).isNotEqualTo(token.path("access_token").asText());
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

    @Test
    void onlyLoopbackRedirectsAreAccepted() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(org.authorizeUrl() + "?"
                + form(Map.of("response_type", "code", "client_id", org.clientId(), "redirect_uri",
                        "https://evil.example.com/cb", "code_challenge", challenge(VERIFIER),
                        "code_challenge_method", "S256")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("redirect_uri_mismatch");
    }

    @Test
    void denyingSendsAccessDeniedToTheRedirect() throws Exception {
        HttpResponse<String> denied = http.send(HttpRequest.newBuilder(URI.create(org.authorizeUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(authorizeParams("deny")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(302);
        assertThat(denied.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT + "?error=access_denied")
                .endsWith("state=xyz");
    }

    @Test
    void clientCredentialsNeedTheSecret() throws Exception {
        JsonNode token = post(Map.of("grant_type", "client_credentials", "client_id", org.clientId(),
                "client_secret", org.clientSecret()), 200);
        PartnerConnection pc = new PartnerConnection(Clients.partnerConfig(org, token.path("access_token").asText()));
        assertThat(pc.getServerTimestamp()).isNotNull();
        JsonNode refused = post(Map.of("grant_type", "client_credentials", "client_id", org.clientId(),
                "client_secret", "wrong"), 400);
        assertThat(refused.path("error").asText()).isEqualTo("invalid_client");
    }

    /** Loads the approve page like a browser, then submits its form with Allow; returns the code. */
    private String approve() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(org.authorizeUrl() + "?"
                + form(authorizeParams(null)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"").contains(org.username());
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .matcher(page.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        fields.put("approve", "allow");
        HttpResponse<String> approved = http.send(HttpRequest.newBuilder(URI.create(org.authorizeUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).isEqualTo(302);
        URI location = URI.create(approved.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/callback");
        Map<String, String> query = java.util.Arrays.stream(location.getRawQuery().split("&"))
                .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0],
                        p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
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
        return post(Map.of("grant_type", "authorization_code", "code", code, "client_id", org.clientId(),
                "redirect_uri", REDIRECT, "code_verifier", verifier), expectedStatus);
    }

    private JsonNode post(Map<String, String> params, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(org.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
