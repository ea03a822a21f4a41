package com.unsubscribesync.localorg.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.unsubscribesync.localorg.state.Directory;
import com.unsubscribesync.localorg.state.OrgCredentials;
import java.io.IOException;
import java.util.Map;

/**
 * {@code /services/oauth2/authorize}: checks the client and that its redirect URI is one of the connected app's
 * callback URLs character for character, shows the local user an approve page (GET), and on its form's Allow
 * (POST) redirects back with a single-use code bound to the PKCE challenge. An unregistered redirect URI is never
 * redirected to: the browser gets Salesforce's error page.
 */
final class AuthorizationPage {
    static final String REDIRECT_MISMATCH = "redirect_uri must match configuration";
    private static final String[] CARRIED = {
        "response_type", "client_id", "redirect_uri", "code_challenge", "code_challenge_method", "state", "scope"
    };

    private final OrgCredentials credentials;
    private final ConnectedApp app;
    private final AuthorizationCodes codes;

    AuthorizationPage(OrgCredentials credentials, ConnectedApp app, AuthorizationCodes codes) {
        this.credentials = credentials;
        this.app = app;
        this.codes = codes;
    }

    void handle(HttpExchange exchange, Map<String, String> params, boolean submitted) throws IOException {
        if (!credentials.clientId().equals(params.get("client_id"))) {
            HttpReplies.page(
                    exchange, 400, "error=invalid_client_id", "<p>The client identifier is not known to this org.</p>");
            return;
        }
        String redirect = params.get("redirect_uri");
        if (!app.registered(redirect)) {
            HttpReplies.page(
                    exchange,
                    400,
                    "error=redirect_uri_mismatch&error_description="
                            + FormData.encode(REDIRECT_MISMATCH).replace("+", "%20"),
                    "<p>" + REDIRECT_MISMATCH + "</p>");
            return;
        }
        String state = params.get("state");
        if (!"code".equals(params.get("response_type"))) {
            HttpReplies.redirect(
                    exchange,
                    redirect,
                    "error=unsupported_response_type&error_description="
                            + FormData.encode("response type not supported"),
                    state);
            return;
        }
        String challenge = params.get("code_challenge");
        if (challenge == null
                || challenge.isEmpty()
                || !"S256".equals(params.getOrDefault("code_challenge_method", "S256"))) {
            HttpReplies.redirect(
                    exchange,
                    redirect,
                    "error=invalid_request&error_description="
                            + FormData.encode("a code_challenge with method S256 is required"),
                    state);
            return;
        }
        if (!submitted) {
            HttpReplies.page(exchange, 200, "Allow access?", approveForm(params));
        } else if ("allow".equals(params.get("approve"))) {
            String code = codes.issue(
                    credentials.clientId(),
                    redirect,
                    challenge,
                    params.getOrDefault("scope", "api refresh_token"),
                    Directory.LOCAL_USER);
            HttpReplies.redirect(exchange, redirect, "code=" + FormData.encode(code), state);
        } else {
            HttpReplies.redirect(
                    exchange,
                    redirect,
                    "error=access_denied&error_description=" + FormData.encode("end-user denied authorization"),
                    state);
        }
    }

    private String approveForm(Map<String, String> params) {
        StringBuilder hidden = new StringBuilder();
        for (String name : CARRIED) {
            String value = params.get(name);
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"")
                        .append(name)
                        .append("\" value=\"")
                        .append(HttpReplies.html(value))
                        .append("\">");
            }
        }
        return "<p>An application wants to use this local org as <b>" + HttpReplies.html(credentials.username())
                + "</b>.</p><form method=\"post\" action=\"/services/oauth2/authorize\">" + hidden
                + "<button type=\"submit\" name=\"approve\" value=\"allow\">Allow</button> "
                + "<button type=\"submit\" name=\"approve\" value=\"deny\">Deny</button></form>";
    }
}
