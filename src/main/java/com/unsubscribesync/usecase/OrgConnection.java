package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.SyncSettings;
import java.io.PrintWriter;
import java.util.OptionalInt;

/**
 * The Salesforce connection of the open data directory: the port the composition root implements over the
 * Salesforce adapter. Calls may block (network). Refused credentials, an unreachable org and bad input raise the
 * exceptions the front ends know how to word.
 */
public interface OrgConnection {

    /** Starts the embedded demo org (state in the data directory) and remembers it as the connected org. */
    ConnectedOrg connectDemo();

    /**
     * Client credentials, the secret read from the environment variable {@code secretVariable}; only on the org's
     * My Domain address (a generic login host is bad input, refused before any call).
     */
    ConnectedOrg connectWithClientSecret(String loginUrl, String clientId, String secretVariable);

    /** Signs in through the system browser; prints the address to {@code out} when no browser can be opened. */
    ConnectedOrg connectInBrowser(BrowserSignIn signIn, PrintWriter out);

    /** The callback URL to register in the connected app for a port (empty: the default port). */
    String callbackUrl(OptionalInt callbackPort);

    int defaultCallbackPort();

    /** Forgets the saved tokens and secrets; true when there were some. */
    boolean disconnect();

    /** What the org says now about the connection, the chosen field, API usage and the user's rights. */
    OrgState status(SyncSettings settings);

    /** Whether a readable connection is saved, without calling the org. */
    boolean saved();

    /** Where the connection is kept: this computer, or the team's shared store. */
    default ConnectionPlace place() {
        return ConnectionPlace.THIS_COMPUTER;
    }
}
