package com.unsubscribesync.salesforce;

import java.net.ProxySelector;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The ways into a real org, each giving a live {@link ForceWscOrg} and what to save to get back in later: the
 * browser sign-in (authorization code + PKCE), client credentials, and the retiring username/password login.
 */
public final class OrgSignIn {
    private final ConnectorConfigs configs;
    private final ProxySelector proxies;
    private final IntSupplier reservePercent;
    private final IntSupplier callsInFlight;

    /** Connections that send one call at a time. */
    public OrgSignIn(ConnectorConfigs configs, ProxySelector proxies, IntSupplier reservePercent) {
        this(configs, proxies, reservePercent, () -> 1);
    }

    /**
     * @param reservePercent the share of the daily API allowance to leave untouched, read at each check
     * @param callsInFlight  the most calls a connection keeps going at once, read as each call asks
     */
    public OrgSignIn(
            ConnectorConfigs configs, ProxySelector proxies, IntSupplier reservePercent, IntSupplier callsInFlight) {
        this.configs = configs;
        this.proxies = proxies;
        this.reservePercent = reservePercent;
        this.callsInFlight = callsInFlight;
    }

    /** A connected org and the connection to save for it. */
    public record SignedIn(ForceWscOrg org, SavedConnection saved) {}

    /**
     * @param clientSecret the consumer secret when the connected app requires it for the code exchange and the
     *     refresh; it is then saved (encrypted) with the refresh token
     */
    public SignedIn inBrowser(
            LoginUrl loginUrl,
            String clientId,
            Optional<String> clientSecret,
            OAuthCallback callback,
            Browser browser,
            Duration patience) {
        TokenEndpoint tokens = tokens(loginUrl, clientId, clientSecret);
        OrgSession first = new BrowserLogin(tokens, callback, browser, patience).signIn();
        String refreshToken = first.refreshToken()
                .orElseThrow(() -> new SalesforceException(
                        SalesforceException.Kind.AUTHENTICATION,
                        "NO_REFRESH_TOKEN",
                        "The org at " + loginUrl
                                + " gave no refresh token, so the app could not reconnect later: add the 'refresh_token' "
                                + "scope to the External Client App and connect again.",
                        null));
        ForceWscOrg org = ForceWscOrg.open(
                configs,
                SessionSource.startingWith(first, SessionSource.refreshToken(tokens, refreshToken)),
                reservePercent,
                callsInFlight,
                false,
                () -> {});
        return new SignedIn(
                org, new SavedConnection.BrowserSignIn(loginUrl.toString(), clientId, refreshToken, clientSecret));
    }

    public SignedIn withClientSecret(LoginUrl loginUrl, String clientId, String clientSecret) {
        ForceWscOrg org = ForceWscOrg.open(
                configs,
                SessionSource.clientCredentials(tokens(loginUrl, clientId), clientSecret),
                reservePercent,
                callsInFlight,
                false,
                () -> {});
        return new SignedIn(org, new SavedConnection.ClientCredentials(loginUrl.toString(), clientId, clientSecret));
    }

    /** The retiring SOAP login; see {@link LegacyLogin#retirementWarning()}. */
    public SignedIn withPassword(LoginUrl loginUrl, String apiVersion, String username, String passwordAndToken) {
        ForceWscOrg org = ForceWscOrg.open(
                configs,
                new LegacyLogin(configs, loginUrl, apiVersion, username, passwordAndToken),
                reservePercent,
                callsInFlight,
                false,
                () -> {});
        return new SignedIn(
                org, new SavedConnection.PasswordLogin(loginUrl.toString(), apiVersion, username, passwordAndToken));
    }

    /** Reconnects with what was saved; the demo org is the composition root's to start. */
    public ForceWscOrg reopen(SavedConnection saved) {
        return reopen(saved, renewed -> {});
    }

    /**
     * @param renewed given the connection to keep instead when the org replaced the refresh token on a refresh
     */
    public ForceWscOrg reopen(SavedConnection saved, Consumer<SavedConnection> renewed) {
        if (saved instanceof SavedConnection.BrowserSignIn browser) {
            return ForceWscOrg.open(
                    configs,
                    SessionSource.refreshToken(
                            tokens(LoginUrl.parse(browser.loginUrl()), browser.clientId(), browser.clientSecret()),
                            browser.refreshToken(),
                            fresh -> renewed.accept(new SavedConnection.BrowserSignIn(
                                    browser.loginUrl(), browser.clientId(), fresh, browser.clientSecret()))),
                    reservePercent,
                    callsInFlight,
                    false,
                    () -> {});
        }
        if (saved instanceof SavedConnection.ClientCredentials client) {
            return withClientSecret(LoginUrl.parse(client.loginUrl()), client.clientId(), client.clientSecret())
                    .org();
        }
        if (saved instanceof SavedConnection.PasswordLogin password) {
            return withPassword(
                            LoginUrl.parse(password.loginUrl()),
                            password.apiVersion(),
                            password.username(),
                            password.passwordAndToken())
                    .org();
        }
        throw new IllegalArgumentException("the demo org is opened by the composition root");
    }

    /** Connects to an org whose client credentials are known in-process, e.g. the embedded demo org. */
    public ForceWscOrg demo(LoginUrl loginUrl, String clientId, String clientSecret, Runnable afterClose) {
        return ForceWscOrg.open(
                configs,
                SessionSource.clientCredentials(tokens(loginUrl, clientId), clientSecret),
                reservePercent,
                callsInFlight,
                true,
                afterClose);
    }

    private TokenEndpoint tokens(LoginUrl loginUrl, String clientId) {
        return tokens(loginUrl, clientId, Optional.empty());
    }

    private TokenEndpoint tokens(LoginUrl loginUrl, String clientId, Optional<String> clientSecret) {
        return new TokenEndpoint(loginUrl, clientId, clientSecret, configs.options(), proxies);
    }
}
