package com.unsubscribesync.cli;

import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.layout.IntegrationUserRights;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Salesforce connection of the open data directory, as the commands see it. Refused credentials raise
 * {@link NotConnectedException}; an org that cannot be reached raises {@link OrgUnreachableException}; bad input
 * raises {@code InvalidInputException}.
 */
public interface OrgConnection {

    /** Starts the embedded demo org (state in the data directory) and remembers it as the connected org. */
    ConnectedOrg connectDemo();

    /**
     * Client credentials, the secret read from the environment variable {@code secretVariable}; only on the org's
     * My Domain address (a generic login host is bad input, refused before any call).
     */
    ConnectedOrg connectWithClientSecret(String loginUrl, String clientId, String secretVariable);

    /**
     * Authorization code + PKCE in the system browser, back on {@code http://localhost:PORT/oauth/callback};
     * prints the address when no browser can be opened. The secret, read from its environment variable when
     * given, goes with the code exchange and every refresh.
     *
     * @param callbackPort empty for the documented default port
     */
    ConnectedOrg connectInBrowser(String loginUrl, String clientId, Optional<String> secretVariable,
            OptionalInt callbackPort, PrintWriter out);

    /** The callback URL to register in the connected app for a port (empty: the default port). */
    String callbackUrl(OptionalInt callbackPort);

    /** Forgets the saved tokens and secrets; true when there were some. */
    boolean disconnect();

    /** What the org says now about the connection, the chosen field and API usage. */
    OrgStatus status(SyncSettings settings);

    /** Which org and user a connection reached. */
    record ConnectedOrg(String organizationId, String organizationName, String userName, String instanceUrl,
            boolean demo, Optional<String> warning) {
    }

    /**
     * The chosen field on one object; values are null when unknown (not connected, or {@code onLayouts} before
     * the layouts were checked).
     */
    record FieldStatus(String apiName, Boolean exists, Boolean updateable, Boolean onLayouts, String problem) {
    }

    /**
     * The Salesforce half of {@code status}.
     *
     * @param rights the integration user's rights; empty when not connected or the org could not be reached
     */
    record OrgStatus(boolean connected, Optional<ConnectedOrg> org, Map<String, FieldStatus> fields, Long apiUsed,
            Long apiLimit, Optional<String> problem, Optional<IntegrationUserRights> rights) {

        public OrgStatus(boolean connected, Optional<ConnectedOrg> org, Map<String, FieldStatus> fields, Long apiUsed,
                Long apiLimit, Optional<String> problem) {
            this(connected, org, fields, apiUsed, apiLimit, problem, Optional.empty());
        }

        public static OrgStatus notConnected(String problem) {
            return new OrgStatus(false, Optional.empty(), Map.of(), null, null, Optional.ofNullable(problem));
        }
    }
}
