package com.unsubscribesync.salesforce;

import java.util.function.IntSupplier;

/** Refuses work that would dip into the share of the daily API allowance the admin keeps for other integrations. */
final class ApiReserve {
    private final OrgCalls calls;
    private final IntSupplier percent;

    /** @param percent the share of the daily API allowance to leave untouched, read at each check */
    ApiReserve(OrgCalls calls, IntSupplier percent) {
        this.calls = calls;
        this.percent = percent;
    }

    /**
     * The check made as each call of parallel work is about to go: it and the calls already going must all fit
     * above the reserve, since the org has not counted those yet in what it last reported.
     */
    CallsInFlight.Admission eachCall(String what) {
        return othersGoing -> require(1L + othersGoing, what);
    }

    /** Refuses work of {@code plannedCalls} calls that would dip into the reserve; says so in one sentence. */
    void require(long plannedCalls, String what) {
        int reserve = percent.getAsInt();
        calls.usage()
                .filter(usage -> usage.wouldCutIntoReserve(plannedCalls, reserve))
                .ifPresent(usage -> {
                    throw new SalesforceException(
                            SalesforceException.Kind.API_LIMIT_EXCEEDED,
                            ForceWscOrg.RESERVE_REACHED,
                            "Stopped before " + what + ": the org has used " + usage.used() + " of its " + usage.limit()
                                    + " API calls today and " + reserve
                                    + "% is kept in reserve; the rest continues on the "
                                    + "next run, or lower 'api-reserve-percent'.",
                            null);
                });
    }
}
