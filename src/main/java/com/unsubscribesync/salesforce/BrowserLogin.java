package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
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
    private final OAuthCallback callback;
    private final Browser browser;
    private final Duration patience;
    private final SecureRandom random = new SecureRandom();

    /** @param patience how long to wait for the admin to allow access */
    public BrowserLogin(TokenEndpoint tokens, OAuthCallback callback, Browser browser, Duration patience) {
        this.tokens = tokens;
        this.callback = callback;
        this.browser = browser;
        this.patience = patience;
    }

    /** Signs in and returns the first session, which carries the refresh token when the app grants one. */
    public OrgSession signIn() {
        Pkce pkce = Pkce.generate(random);
        try (RedirectListener listener = new RedirectListener(callback)) {
            URI authorize = URI.create(tokens.loginUrl().authorizeEndpoint() + "?response_type=code"
                    + "&client_id=" + TokenEndpoint.encode(tokens.clientId())
                    + "&redirect_uri=" + TokenEndpoint.encode(listener.redirectUri())
                    + "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256"
                    + "&scope=" + TokenEndpoint.encode("api refresh_token")
                    + "&state=" + pkce.state());
            browser.open(authorize);
            RedirectListener.Redirect arrived = listener.await(patience);
            try {
                OrgSession session = redeem(arrived.params(), pkce, listener.redirectUri());
                arrived.answer(SignInPage.signedIn(session.instanceUrl()));
                return session;
            } catch (SalesforceException e) {
                arrived.answer(SignInPage.refused(e.getMessage()));
                throw e;
            } catch (RuntimeException e) {
                arrived.answer(SignInPage.refused("The sign-in failed on this computer ("
                        + e.getClass().getSimpleName() + "); the details are in Unsubscribe Sync's log file."));
                throw e;
            }
        } catch (RedirectListener.PortTakenException e) {
            throw new InvalidInputException(portTaken(callback));
        } catch (IOException e) {
            throw new SalesforceException(
                    SalesforceException.Kind.UNAVAILABLE,
                    "NO_LOOPBACK_PORT",
                    "The sign-in cannot come back to " + callback.url() + " because that port could not be opened ("
                            + e.getMessage() + "): choose another callback port and register its URL in the "
                            + "External Client App.",
                    e);
        } catch (TimeoutException e) {
            throw refused("TIMEOUT", "nobody allowed access within " + patience.toMinutes() + " minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("INTERRUPTED", "the sign-in was stopped");
        }
    }

    /** Checks the redirect belongs to this sign-in and redeems its code with this sign-in's verifier. */
    private OrgSession redeem(Map<String, String> redirect, Pkce pkce, String redirectUri) {
        String state = redirect.getOrDefault("state", "");
        if (!MessageDigest.isEqual(
                state.getBytes(StandardCharsets.UTF_8), pkce.state().getBytes(StandardCharsets.UTF_8))) {
            throw refused("STATE_MISMATCH", "the browser came back from a different sign-in than this one");
        }
        if (redirect.containsKey("error")) {
            throw refused(redirect.get("error"), redirect.getOrDefault("error_description", "access denied"));
        }
        String code = redirect.get("code");
        if (code == null || code.isEmpty()) {
            throw refused("NO_CODE", "the browser came back without an authorization code");
        }
        return tokens.redeemCode(code, pkce.verifier(), redirectUri);
    }

    /** One sentence naming the taken port and how to choose another. */
    public static String portTaken(OAuthCallback callback) {
        return "Port " + callback.port() + " on this computer is taken by another program, so the sign-in cannot "
                + "come back to " + callback.url() + ": close that program, or choose another callback port "
                + "(connect --callback-port N, or Callback port on the Connection screen) and register "
                + "http://localhost:N/oauth/callback in the External Client App.";
    }

    private SalesforceException refused(String code, String why) {
        return new SalesforceException(
                SalesforceException.Kind.AUTHENTICATION,
                code,
                "Signing in to " + tokens.loginUrl() + " did not finish (" + why + "): run connect again.",
                null);
    }
}
