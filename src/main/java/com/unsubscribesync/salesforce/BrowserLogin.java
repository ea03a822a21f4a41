package com.unsubscribesync.salesforce;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The console's sign-in: OAuth authorization code with PKCE in the admin's browser, the redirect received by a
 * one-shot loopback listener. The redirect must carry the state this sign-in sent, and the code is only redeemed
 * with this sign-in's verifier.
 */
public final class BrowserLogin {
    private final TokenEndpoint tokens;
    private final Browser browser;
    private final Duration patience;
    private final SecureRandom random = new SecureRandom();

    /** @param patience how long to wait for the admin to allow access */
    public BrowserLogin(TokenEndpoint tokens, Browser browser, Duration patience) {
        this.tokens = tokens;
        this.browser = browser;
        this.patience = patience;
    }

    /** Signs in and returns the first session, which carries the refresh token when the app grants one. */
    public OrgSession signIn() {
        Pkce pkce = Pkce.generate(random);
        try (RedirectListener listener = new RedirectListener()) {
            URI authorize = URI.create(tokens.loginUrl().authorizeEndpoint() + "?response_type=code"
                    + "&client_id=" + TokenEndpoint.encode(tokens.clientId())
                    + "&redirect_uri=" + TokenEndpoint.encode(listener.redirectUri())
                    + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256"
                    + "&scope=" + TokenEndpoint.encode("api refresh_token")
                    + "&state=" + pkce.state());
            browser.open(authorize);
            Map<String, String> redirect = listener.await(patience);
            String state = redirect.getOrDefault("state", "");
            if (!MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                    pkce.state().getBytes(StandardCharsets.UTF_8))) {
                throw refused("STATE_MISMATCH", "the browser came back from a different sign-in than this one");
            }
            if (redirect.containsKey("error")) {
                throw refused(redirect.get("error"), redirect.getOrDefault("error_description", "access denied"));
            }
            String code = redirect.get("code");
            if (code == null || code.isEmpty()) {
                throw refused("NO_CODE", "the browser came back without an authorization code");
            }
            return tokens.redeemCode(code, pkce.verifier(), listener.redirectUri());
        } catch (IOException e) {
            throw new SalesforceException(SalesforceException.Kind.UNAVAILABLE, "NO_LOOPBACK_PORT",
                    "No port on 127.0.0.1 could be opened to receive the sign-in (" + e.getMessage()
                            + "): free a port or use --client-secret-env.", e);
        } catch (TimeoutException e) {
            throw refused("TIMEOUT", "nobody allowed access within " + patience.toMinutes() + " minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("INTERRUPTED", "the sign-in was stopped");
        }
    }

    private SalesforceException refused(String code, String why) {
        return new SalesforceException(SalesforceException.Kind.AUTHENTICATION, code,
                "Signing in to " + tokens.loginUrl() + " did not finish (" + why + "): run connect again.", null);
    }
}
