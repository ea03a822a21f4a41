package com.unsubscribesync.salesforce;

import java.util.function.IntSupplier;

/**
 * An {@link OpenOrg} over force-wsc: one session ({@link OrgCalls}) shared by the Partner, Bulk and Metadata
 * adapters, so that every call is counted, renewed, retried and classified the same way, and no more calls go at
 * once than the admin's "calls in flight".
 */
public final class ForceWscOrg implements OpenOrg {
    /** The status code of a refusal by the reserve guard rather than by Salesforce. */
    public static final String RESERVE_REACHED = "API_RESERVE_REACHED";

    private final OrgCalls calls;
    private final ForceWscRecords records;
    private final ForceWscBulk bulk;
    private final ForceWscLayouts layouts;
    private final Runnable afterClose;

    private ForceWscOrg(
            OrgCalls calls, BulkPolling polling, IntSupplier reservePercent, boolean demo, Runnable afterClose) {
        ApiReserve reserve = new ApiReserve(calls, reservePercent);
        this.calls = calls;
        this.records = new ForceWscRecords(calls, reserve, demo, new BulkQuery(calls, polling));
        this.bulk = new ForceWscBulk(calls, reserve, polling);
        this.layouts = new ForceWscLayouts(calls);
        this.afterClose = afterClose;
    }

    /**
     * Opens a session and checks it by asking who the user is.
     *
     * @param reservePercent the share of the daily API allowance to leave untouched, read at each check
     * @param demo           whether this is the embedded demo org
     * @param afterClose     run when the connection is closed (e.g. stopping the demo org)
     */
    public static ForceWscOrg open(
            ConnectorConfigs configs,
            SessionSource sessions,
            IntSupplier reservePercent,
            boolean demo,
            Runnable afterClose) {
        return open(configs, sessions, reservePercent, () -> 1, demo, afterClose);
    }

    /** @param callsInFlight the most calls going at once, read as each call asks (the admin's setting) */
    public static ForceWscOrg open(
            ConnectorConfigs configs,
            SessionSource sessions,
            IntSupplier reservePercent,
            IntSupplier callsInFlight,
            boolean demo,
            Runnable afterClose) {
        ForceWscOrg org = new ForceWscOrg(
                new OrgCalls(configs, sessions, new CallsInFlight(callsInFlight)),
                configs.options().bulkPolling(),
                reservePercent,
                demo,
                afterClose);
        org.records.identity();
        return org;
    }

    /** The session in use (to save its refresh token after a browser sign-in). */
    public OrgSession session() {
        return calls.session();
    }

    @Override
    public SalesforceOrg records() {
        return records;
    }

    @Override
    public SalesforceBulk bulk() {
        return bulk;
    }

    @Override
    public SalesforceLayouts layouts() {
        return layouts;
    }

    @Override
    public void close() {
        afterClose.run();
    }
}
