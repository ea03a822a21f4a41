package com.unsubscribesync.salesforce;

import java.net.URI;

/** Shows the org's sign-in page to the admin. */
@FunctionalInterface
public interface Browser {
    void open(URI address);
}
