package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.SyncSettings;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Connecting, checking and disconnecting the Salesforce org. After a connect or disconnect the engine opens the new
 * connection on its next use; the org's last answer is kept, so the status bar can look often without API calls.
 */
public final class ConnectOrg {
    private final OrgConnection connection;
    private final Supplier<SyncSettings> settings;
    private final Runnable changed;
    private final BooleanSupplier opens;
    private volatile OrgState last;

    /**
     * @param changed tells the engine that the connection changed
     * @param opens   whether the engine can open the connected org now
     */
    public ConnectOrg(
            OrgConnection connection, Supplier<SyncSettings> settings, Runnable changed, BooleanSupplier opens) {
        this.connection = connection;
        this.settings = settings;
        this.changed = changed;
        this.opens = opens;
    }

    public ConnectedOrg demo() {
        return changed(connection.connectDemo());
    }

    public ConnectedOrg withClientSecret(String loginUrl, String clientId, String secretVariable) {
        return changed(connection.connectWithClientSecret(loginUrl, clientId, secretVariable));
    }

    public ConnectedOrg inBrowser(BrowserSignIn signIn, PrintWriter out) {
        return changed(connection.connectInBrowser(signIn, out));
    }

    /** @param said each line the sign-in has for the admin, e.g. the address when no browser could be opened */
    public ConnectedOrg inBrowser(BrowserSignIn signIn, Consumer<String> said) {
        return inBrowser(signIn, new PrintWriter(new Lines(said), true));
    }

    private ConnectedOrg changed(ConnectedOrg org) {
        changed.run();
        return org;
    }

    /** Forgets the saved connection; true when there was one. */
    public boolean disconnect() {
        boolean forgot = connection.disconnect();
        changed.run();
        last = OrgState.notConnected(java.util.Optional.empty());
        return forgot;
    }

    /** Asks the org now, with the settings as saved. */
    public OrgState check() {
        last = connection.status(settings.get());
        return last;
    }

    /** The org's last answer while the saved connection is the same; asks again otherwise. */
    public OrgState summary() {
        OrgState known = last;
        if (known == null || known.connected() != connected()) {
            return check();
        }
        return known;
    }

    /** Whether an org is connected, from what is saved locally (no network). */
    public boolean connected() {
        return connection.saved();
    }

    /** Whether the engine can open the connected org now. */
    public boolean opens() {
        return opens.getAsBoolean();
    }

    /** Where the connection is kept; a disconnect there is the whole team's when it is the team's store. */
    public ConnectionPlace place() {
        return connection.place();
    }

    public int defaultCallbackPort() {
        return connection.defaultCallbackPort();
    }

    public String callbackUrl(OptionalInt port) {
        return connection.callbackUrl(port);
    }

    /** Hands each finished line to the console instead of a terminal. */
    private static final class Lines extends Writer {
        private final Consumer<String> said;
        private final StringBuilder line = new StringBuilder();

        Lines(Consumer<String> said) {
            this.said = said;
        }

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (chars[i] == '\n') {
                    said.accept(line.toString().strip());
                    line.setLength(0);
                } else {
                    line.append(chars[i]);
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
