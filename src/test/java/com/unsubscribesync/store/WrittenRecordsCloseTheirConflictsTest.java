package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SalesforceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A push that set records closes, in one go, what their writing settles: a record's refused writes whatever the
 * address, and the "unchecked in Salesforce" conflict of exactly that record, address and object. Nothing else.
 */
class WrittenRecordsCloseTheirConflictsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final SalesforceId WRITTEN = SalesforceId.parse("003000000000001");
    private static final SalesforceId WRITTEN_WITHOUT_ADDRESS = SalesforceId.parse("00Q000000000002");
    private static final SalesforceId NOT_WRITTEN = SalesforceId.parse("003000000000003");
    private static final Optional<Email> ANN = Optional.of(Email.parse("ann@example.com"));
    private static final Optional<Email> BOB = Optional.of(Email.parse("bob@example.com"));

    private Database database;
    private ConflictRepository conflicts;

    @BeforeEach
    void open(Database database) {
        this.database = database;
        this.conflicts = new ConflictRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @OnEachStore
    void aPushClosesItsRecordsRefusedWritesAndTheirOwnUncheckedOptOutsOnly() {
        raise(ConflictKind.WRITE_REJECTED, BOB, WRITTEN, "rejected, another address");
        raise(ConflictKind.WRITE_REJECTED, ANN, NOT_WRITTEN, "rejected, record not written");
        raise(ConflictKind.RESUBSCRIBED_IN_SALESFORCE, ANN, WRITTEN, "unchecked, same address");
        raise(ConflictKind.RESUBSCRIBED_IN_SALESFORCE, BOB, WRITTEN, "unchecked, another address");
        raise(
                ConflictKind.RESUBSCRIBED_IN_SALESFORCE,
                Optional.empty(),
                WRITTEN_WITHOUT_ADDRESS,
                "unchecked, no address");
        raise(ConflictKind.RESUBSCRIBED_IN_SALESFORCE, ANN, NOT_WRITTEN, "unchecked, record not written");
        raise(ConflictKind.RECORD_DELETED, ANN, WRITTEN, "deleted, another kind");
        Map<SalesforceId, Optional<Email>> written = new LinkedHashMap<>();
        written.put(WRITTEN, ANN);
        written.put(WRITTEN_WITHOUT_ADDRESS, Optional.empty());

        int closed = conflicts.resolveWritten(written, "nightly sync", NOW);

        assertThat(closed).isEqualTo(3);
        assertThat(resolutions())
                .containsEntry("rejected, another address", "written by a later run")
                .containsEntry("unchecked, same address", "re-applied")
                .containsEntry("unchecked, no address", "re-applied")
                .containsEntry("rejected, record not written", "open")
                .containsEntry("unchecked, another address", "open")
                .containsEntry("unchecked, record not written", "open")
                .containsEntry("deleted, another kind", "open");
        assertThat(conflicts.resolveWritten(written, "nightly sync", NOW))
                .as("closed once")
                .isZero();
    }

    private void raise(ConflictKind kind, Optional<Email> email, SalesforceId record, String explanation) {
        conflicts.record(
                new ConflictRepository.NewConflict(
                        kind,
                        email,
                        Optional.of(record),
                        Optional.of(record.objectType()),
                        Optional.empty(),
                        explanation),
                NOW);
    }

    private Map<String, String> resolutions() {
        List<Conflict> all = new ArrayList<>(conflicts.open(Optional.empty(), 100));
        all.addAll(conflicts.recentlyResolved(100));
        return all.stream()
                .collect(Collectors.toMap(
                        Conflict::explanation, c -> c.resolution().orElse("open")));
    }
}
