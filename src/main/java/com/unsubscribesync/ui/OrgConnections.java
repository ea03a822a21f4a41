package com.unsubscribesync.ui;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.layout.IntegrationUserRights;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Salesforce connection as the console sees it. The composition root adapts the Salesforce adapter to it;
 * calls may block (network), so the console makes them in the background.
 */
public interface OrgConnections {

    /** Whether an org is connected, from what is saved locally (no network). */
    boolean connected();

    /** What is known of the connection without calling the org (for the status bar, which looks often). */
    OrgState summary();

    /** Connects the embedded demo org. */
    OrgState connectDemo();

    /**
     * Signs in through the system browser (OAuth); returns once the admin finished or gave up.
     *
     * @param said each line the sign-in has for the admin, e.g. the sign-in address when no browser could be opened
     */
    OrgState logIn(SignInRequest request, Consumer<String> said);

    /** The callback port used unless the admin chooses another. */
    int defaultCallbackPort();

    /** The exact callback URL to register in the connected app for a port. */
    String callbackUrl(int port);

    /** What the admin gives to sign in through the browser; the secret only when the connected app requires it. */
    record SignInRequest(String loginUrl, String clientId, Optional<String> clientSecret, int callbackPort) {
        @Override
        public String toString() {
            return "SignInRequest[loginUrl=" + loginUrl + ", clientId=" + clientId + ", callbackPort=" + callbackPort
                    + "]";
        }
    }

    void disconnect();

    /** What the org says now about the connection, the chosen field and API usage. */
    OrgState state(SyncSettings settings);

    /**
     * Which org is connected, with the chosen field per object, the API allowance and the integration user's rights
     * (empty when not known: not connected, or only the saved summary).
     */
    record OrgState(boolean connected, boolean demo, String organizationName, String userName, String instanceUrl,
            Map<SObjectType, FieldState> fields, Optional<Long> apiUsed, Optional<Long> apiLimit,
            Optional<String> problem, Optional<IntegrationUserRights> rights) {

        public OrgState(boolean connected, boolean demo, String organizationName, String userName, String instanceUrl,
                Map<SObjectType, FieldState> fields, Optional<Long> apiUsed, Optional<Long> apiLimit,
                Optional<String> problem) {
            this(connected, demo, organizationName, userName, instanceUrl, fields, apiUsed, apiLimit, problem,
                    Optional.empty());
        }

        public static OrgState notConnected(String why) {
            return new OrgState(false, false, "", "", "", Map.of(), Optional.empty(), Optional.empty(),
                    Optional.ofNullable(why));
        }
    }

    /**
     * The chosen field on one object; empty values are unknown (e.g. layouts before they were checked).
     */
    record FieldState(Optional<String> apiName, boolean exists, boolean updateable, Optional<Boolean> onLayouts,
            Optional<String> problem) {
        public boolean usable() {
            return exists && updateable && onLayouts.orElse(true);
        }
    }
}
