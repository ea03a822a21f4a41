package com.unsubscribesync.salesforce;

import com.unsubscribesync.localorg.LocalOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Each test on a fresh local org of five people, connected through the app's force-wsc adapters. */
abstract class OnLocalOrg {
    final TestOrgs orgs = new TestOrgs();
    LocalOrg local;
    ForceWscOrg org;

    @BeforeEach
    void start() throws Exception {
        local = TestOrgs.start(5);
        org = orgs.connect(local);
    }

    @AfterEach
    void stop() {
        org.close();
        local.close();
    }
}
