package com.unsubscribesync.app;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.salesforce.ForceWscOrg;
import com.unsubscribesync.salesforce.LoginUrl;
import com.unsubscribesync.salesforce.OrgSignIn;
import com.unsubscribesync.salesforce.SalesforceException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded demo org: a local org started in-process on a random loopback port, its state kept in the data
 * directory, reached through the same OAuth and SOAP path as a real org. Closing the connection stops it.
 */
final class DemoOrg {
    static final String DIRECTORY = "demo-org";

    private final Path dataDirectory;

    DemoOrg(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    ForceWscOrg open(OrgSignIn signIn) {
        LocalOrg local;
        try {
            local = LocalOrg.start(LocalOrgOptions.defaults().withStateDir(dataDirectory.resolve(DIRECTORY)));
        } catch (IOException | IllegalArgumentException e) {
            throw new SalesforceException(SalesforceException.Kind.UNAVAILABLE, "DEMO_ORG",
                    "The demo org could not start in " + dataDirectory.resolve(DIRECTORY) + " (" + e.getMessage()
                            + "): check that the data directory is writable.", e);
        }
        try {
            return signIn.demo(LoginUrl.parse(local.url()), local.clientId(), local.clientSecret(), local::close);
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }
}
