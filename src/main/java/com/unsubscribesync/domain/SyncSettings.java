package com.unsubscribesync.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The admin's choices on the Integrations tab.
 *
 * @param nightlySync        whether the nightly bidirectional run is on (default off)
 * @param field              the field the nightly sync writes (default Email Opt Out)
 * @param fieldApiName       the admin's override of the Marketo Sales Opt Out API name, when discovery is not wanted
 * @param resubscribePolicy  what to do when Salesforce unchecked an opt-out of someone unsubscribed here
 * @param matchByEmail       an opt-out applies to every Lead and Contact with the address (default on)
 * @param apiReservePercent  share of the daily API allowance a run leaves untouched (default 20)
 * @param bulkThreshold      from how many records for one object at once the Bulk API is used instead of SOAP
 *                           (default 2 000, Salesforce's own advice)
 * @param callsInFlight      how many calls to Salesforce a run keeps going at once (default 4, measured: ADR 0071)
 * @param bulkQueryFrom      from how many records of one object a full read goes through a Bulk query job instead of
 *                           SOAP pages (default 100 000, ADR 0073); {@link #BULK_QUERY_OFF} never (ADR 0078)
 */
public record SyncSettings(
        boolean nightlySync,
        OptOutField field,
        Optional<String> fieldApiName,
        ResubscribePolicy resubscribePolicy,
        boolean matchByEmail,
        int apiReservePercent,
        int bulkThreshold,
        int callsInFlight,
        int bulkQueryFrom) {

    public static final int DEFAULT_BULK_THRESHOLD = 2_000;
    /** A Bulk API job takes at least five requests, as many as SOAP needs for 1 000 records. */
    public static final int MIN_BULK_THRESHOLD = 1_000;

    public static final int DEFAULT_CALLS_IN_FLIGHT = 4;
    /** Salesforce lets an org run 25 long requests at once; more from one app could only queue or be refused. */
    public static final int MAX_CALLS_IN_FLIGHT = 25;

    public static final int DEFAULT_BULK_QUERY_FROM = 100_000;
    /**
     * A Bulk query job takes at least six calls, as many as SOAP needs for 12 000 records; below 10 000 it could only
     * cost more.
     */
    public static final int MIN_BULK_QUERY_FROM = 10_000;
    /** Full reads always in SOAP pages: for an org whose Bulk API allowance or queue is kept for others. */
    public static final int BULK_QUERY_OFF = 0;

    public SyncSettings {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(fieldApiName, "fieldApiName");
        Objects.requireNonNull(resubscribePolicy, "resubscribePolicy");
        if (apiReservePercent < 0 || apiReservePercent > 90) {
            throw new InvalidInputException("api-reserve-percent must be between 0 and 90, not " + apiReservePercent);
        }
        if (bulkThreshold < MIN_BULK_THRESHOLD) {
            throw new InvalidInputException("bulk-threshold must be at least " + MIN_BULK_THRESHOLD
                    + " (below that a Bulk API job costs more API calls than SOAP), not " + bulkThreshold);
        }
        if (callsInFlight < 1 || callsInFlight > MAX_CALLS_IN_FLIGHT) {
            throw new InvalidInputException("calls-in-flight must be between 1 and " + MAX_CALLS_IN_FLIGHT
                    + " (Salesforce lets an org run 25 long calls at once), not "
                    + callsInFlight);
        }
        if (bulkQueryFrom != BULK_QUERY_OFF) {
            bulkQueryFrom(bulkQueryFrom);
        }
    }

    /**
     * A number of records typed for {@code bulk-query-from}, checked.
     *
     * @throws InvalidInputException below {@link #MIN_BULK_QUERY_FROM}
     */
    public static int bulkQueryFrom(int records) {
        if (records < MIN_BULK_QUERY_FROM) {
            throw new InvalidInputException("bulk-query-from must be off or at least " + MIN_BULK_QUERY_FROM
                    + " (below that a Bulk query job costs more API calls than SOAP pages), not " + records);
        }
        return records;
    }

    public static SyncSettings defaults() {
        return new SyncSettings(
                false,
                OptOutField.EMAIL_OPT_OUT,
                Optional.empty(),
                ResubscribePolicy.REAPPLY,
                true,
                20,
                DEFAULT_BULK_THRESHOLD,
                DEFAULT_CALLS_IN_FLIGHT,
                DEFAULT_BULK_QUERY_FROM);
    }

    /** The field a real-time push writes: the chosen one with the nightly sync on, Email Opt Out with it off. */
    public OptOutField realtimePushField() {
        return nightlySync ? field : OptOutField.EMAIL_OPT_OUT;
    }

    public SyncSettings withNightlySync(boolean on) {
        return with(draft -> draft.nightlySync = on);
    }

    public SyncSettings withField(OptOutField chosen) {
        return with(draft -> draft.field = chosen);
    }

    public SyncSettings withFieldApiName(Optional<String> apiName) {
        return with(draft -> draft.fieldApiName = apiName);
    }

    public SyncSettings withResubscribePolicy(ResubscribePolicy policy) {
        return with(draft -> draft.resubscribePolicy = policy);
    }

    public SyncSettings withMatchByEmail(boolean on) {
        return with(draft -> draft.matchByEmail = on);
    }

    public SyncSettings withBulkThreshold(int records) {
        return with(draft -> draft.bulkThreshold = records);
    }

    public SyncSettings withCallsInFlight(int calls) {
        return with(draft -> draft.callsInFlight = calls);
    }

    public SyncSettings withBulkQueryFrom(int records) {
        return with(draft -> draft.bulkQueryFrom = records);
    }

    public SyncSettings withApiReservePercent(int percent) {
        return with(draft -> draft.apiReservePercent = percent);
    }

    /** A copy with one choice changed, checked as new settings are. */
    private SyncSettings with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return new SyncSettings(
                draft.nightlySync,
                draft.field,
                draft.fieldApiName,
                draft.resubscribePolicy,
                draft.matchByEmail,
                draft.apiReservePercent,
                draft.bulkThreshold,
                draft.callsInFlight,
                draft.bulkQueryFrom);
    }

    private static final class Draft {
        boolean nightlySync;
        OptOutField field;
        Optional<String> fieldApiName;
        ResubscribePolicy resubscribePolicy;
        boolean matchByEmail;
        int apiReservePercent;
        int bulkThreshold;
        int callsInFlight;
        int bulkQueryFrom;

        Draft(SyncSettings settings) {
            nightlySync = settings.nightlySync;
            field = settings.field;
            fieldApiName = settings.fieldApiName;
            resubscribePolicy = settings.resubscribePolicy;
            matchByEmail = settings.matchByEmail;
            apiReservePercent = settings.apiReservePercent;
            bulkThreshold = settings.bulkThreshold;
            callsInFlight = settings.callsInFlight;
            bulkQueryFrom = settings.bulkQueryFrom;
        }
    }
}
