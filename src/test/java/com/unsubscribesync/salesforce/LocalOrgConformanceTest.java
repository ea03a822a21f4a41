package com.unsubscribesync.salesforce;

import com.unsubscribesync.localorg.LocalOrg;

/** The conformance suite against the local org, in every build: proves the checks that a real org must pass. */
class LocalOrgConformanceTest extends OrgConformanceSuite {
    /** More Contacts than one page of 2 000, so that the adapter has to follow the query locator. */
    private static final int PEOPLE = 5_000;

    private final TestOrgs orgs = new TestOrgs();
    private LocalOrg local;

    @Override
    protected ForceWscOrg connect() {
        try {
            local = TestOrgs.start(PEOPLE);
        } catch (Exception e) {
            throw new IllegalStateException("the local org did not start", e);
        }
        return orgs.connect(local);
    }

    @Override
    protected ConnectorConfigs configs() {
        return orgs.configs();
    }

    @Override
    protected boolean writesAllowed() {
        return true;
    }

    @Override
    protected void disconnected() {
        if (local != null) {
            local.close();
        }
    }
}
