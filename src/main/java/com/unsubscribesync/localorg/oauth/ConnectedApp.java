package com.unsubscribesync.localorg.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * How the local org's connected app is set up, as an admin sets one up in Setup: its callback URLs (matched
 * character for character), the two "Require Secret" switches (on, as Salesforce ships them), and whether the org
 * also plays a shared login host such as {@code login.salesforce.com} on a second port. ADR 0008 gives the sources.
 * With refresh token rotation on (off by default), each refresh answers with a new refresh token and the one used
 * stops working, so every holder of the old one must learn the new one.
 */
public record ConnectedApp(
        List<String> callbackUrls,
        boolean requireSecretForWebServerFlow,
        boolean requireSecretForRefreshTokenFlow,
        boolean genericLoginHost,
        boolean rotateRefreshTokens) {

    /** The app's documented callback (ADR 0016); a test checks it is the app's own. */
    public static final String DOCUMENTED_CALLBACK = "http://localhost:27482/oauth/callback";

    public ConnectedApp {
        if (callbackUrls.isEmpty()) {
            throw new IllegalArgumentException("the connected app needs at least one callback URL");
        }
        callbackUrls.forEach(ConnectedApp::checkCallback);
        callbackUrls = List.copyOf(callbackUrls);
    }

    public static ConnectedApp defaults() {
        return new ConnectedApp(List.of(DOCUMENTED_CALLBACK), true, true, false, false);
    }

    public ConnectedApp withCallbackUrls(List<String> value) {
        return new ConnectedApp(
                value,
                requireSecretForWebServerFlow,
                requireSecretForRefreshTokenFlow,
                genericLoginHost,
                rotateRefreshTokens);
    }

    public ConnectedApp withRequireSecret(boolean webServerFlow, boolean refreshTokenFlow) {
        return new ConnectedApp(callbackUrls, webServerFlow, refreshTokenFlow, genericLoginHost, rotateRefreshTokens);
    }

    public ConnectedApp withGenericLoginHost(boolean value) {
        return new ConnectedApp(
                callbackUrls,
                requireSecretForWebServerFlow,
                requireSecretForRefreshTokenFlow,
                value,
                rotateRefreshTokens);
    }

    public ConnectedApp withRefreshTokenRotation(boolean value) {
        return new ConnectedApp(
                callbackUrls, requireSecretForWebServerFlow, requireSecretForRefreshTokenFlow, genericLoginHost, value);
    }

    /** Whether a redirect URI is registered: the exact text, no normalising of case, port or trailing slash. */
    public boolean registered(String redirectUri) {
        return redirectUri != null && callbackUrls.contains(redirectUri);
    }

    /**
     * Refuses what Salesforce's form refuses: no address, a scheme other than http(s) or a custom one, and a plain
     * http callback on an IP address (Salesforce accepts http only on a host name such as localhost).
     */
    static void checkCallback(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("callback URL '" + url + "' is not a URL");
        }
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("callback URL '" + url + "' has no scheme");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && (uri.getHost() == null || isIpLiteral(uri.getHost()))) {
            throw new IllegalArgumentException("callback URL '" + url + "': Cannot be an HTTP URL on an IP address; "
                    + "use https, or http://localhost:PORT/path");
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.matches("[0-9.]+");
    }
}
