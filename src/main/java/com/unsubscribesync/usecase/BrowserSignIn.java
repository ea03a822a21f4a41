package com.unsubscribesync.usecase;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the admin gives to sign in through the browser (authorization code + PKCE). The connected app's secret, when
 * it requires one, is typed into the console or named by the environment variable the command line reads it from.
 *
 * @param callbackPort empty for the documented default port
 */
public record BrowserSignIn(
        String loginUrl,
        String clientId,
        Optional<String> secret,
        Optional<String> secretVariable,
        OptionalInt callbackPort) {

    public static BrowserSignIn typed(String loginUrl, String clientId, Optional<String> secret, int callbackPort) {
        return new BrowserSignIn(loginUrl, clientId, secret, Optional.empty(), OptionalInt.of(callbackPort));
    }

    public static BrowserSignIn secretFrom(
            String loginUrl, String clientId, Optional<String> secretVariable, OptionalInt callbackPort) {
        return new BrowserSignIn(loginUrl, clientId, Optional.empty(), secretVariable, callbackPort);
    }

    @Override
    public String toString() {
        return "BrowserSignIn[loginUrl=" + loginUrl + ", clientId=" + clientId + ", callbackPort=" + callbackPort + "]";
    }
}
