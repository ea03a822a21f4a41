package com.unsubscribesync.sync;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.OptOutFieldRequest;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Knows, per object, the API name of the field to write and whether it can be written. Describe calls cost API
 * requests, so the answer is kept for a few minutes.
 */
public final class OptOutFields {
    private static final Duration KEEP = Duration.ofMinutes(10);

    private final Clock clock;
    private Cached cached;

    public OptOutFields(Clock clock) {
        this.clock = clock;
    }

    private record Cached(OptOutFieldRequest request, SalesforceOrg org, FieldCheck check, Instant at) {}

    public synchronized FieldCheck check(SalesforceOrg org, OptOutField field, SyncSettings settings) {
        Optional<String> override =
                field == OptOutField.MARKETO_SALES_OPT_OUT ? settings.fieldApiName() : Optional.empty();
        OptOutFieldRequest request = new OptOutFieldRequest(field, override);
        Instant now = clock.instant();
        if (cached == null
                || !cached.request.equals(request)
                || cached.org != org
                || cached.at.plus(KEEP).isBefore(now)) {
            cached = new Cached(request, org, org.checkField(request), now);
        }
        return cached.check;
    }

    /** Forget the answer, e.g. after the admin fixed a layout or field-level security. */
    public synchronized void refresh() {
        cached = null;
    }

    static Optional<String> usableApiName(FieldCheck check, SObjectType type) {
        FieldCheck.ObjectField field = check.objects().get(type);
        return field != null && field.usable() ? field.apiName() : Optional.empty();
    }

    /**
     * The one conflict saying that an object's opt-outs wait for its field, however many records that concerns;
     * the push and the nightly run raise it alike.
     */
    static NewConflict unavailable(FieldCheck check, SObjectType type) {
        FieldCheck.ObjectField field = check.objects().get(type);
        String problem = field == null
                ? "The opt-out field was not found on " + type.apiName() + "."
                : field.problem().orElse("The opt-out field cannot be written on " + type.apiName() + ".");
        return new NewConflict(
                ConflictKind.FIELD_UNAVAILABLE,
                Optional.empty(),
                Optional.empty(),
                Optional.of(type),
                Optional.empty(),
                problem + " Opt-outs for " + type.apiName() + " wait until it is fixed.");
    }
}
