package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Addresses stored before an address had one canonical form are given it when the store is next opened. */
class CanonicalAddressesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private static final String DOTTED = "i\u0307nfo@example.com";
    private static final String UNICODE = "bob@m\u00fcnchen.de";
    private static final String ASCII = "bob@xn--mnchen-3ya.de";
    private static final String INVISIBLE = "zero\u200bwidth@example.com";
    private static final SalesforceId CONTACT = SalesforceId.parse("003000000000001AAA");

    private final String name = "canonical-" + UUID.randomUUID();

    @Test
    void storedFormsOfOneAddressBecomeOneKeepingTheEarlierUnsubscribeAndBothHistories() {
        try (Database earlier = Database.openInMemory(name)) {
            UnsubscribeRepository unsubscribes = new UnsubscribeRepository(earlier, CLOCK);
            unsubscribes.add(stored(DOTTED, "2024-01-02T10:00:00Z", "dotted capital"));
            unsubscribes.add(stored(UNICODE, "2024-03-01T10:00:00Z", "later, unicode"));
            unsubscribes.add(stored(ASCII, "2024-02-01T10:00:00Z", "earlier, xn--"));
            unsubscribes.add(stored(INVISIBLE, "2024-01-05T10:00:00Z", "kept as it was"));
            unsubscribes.add(stored("plain@example.com", "2024-01-06T10:00:00Z", null));
            PeopleRepository people = new PeopleRepository(earlier, CLOCK);
            people.save(new Person(new Email(UNICODE), Optional.empty(), Optional.empty(), Optional.of(CONTACT)));
            people.save(new Person(new Email(ASCII), Optional.of("Bob"), Optional.empty(), Optional.empty()));
            new MirrorRepository(earlier)
                    .save(List.of(new MirrorRepository.Pulled(
                            new MirrorRecord(
                                    CONTACT,
                                    Optional.of(new Email(DOTTED)),
                                    true,
                                    false,
                                    false,
                                    Optional.empty(),
                                    false,
                                    Optional.empty()),
                            Instant.parse("2024-01-02T10:00:00Z"))));
            forgetTheMigration(earlier);
        }

        try (Database now = Database.openInMemory(name)) {
            UnsubscribeRepository unsubscribes = new UnsubscribeRepository(now, CLOCK);
            assertThat(unsubscribes.list(null, 100, 0))
                    .extracting(row -> row.unsubscribe().email().value())
                    .containsExactly(ASCII, "info@example.com", "plain@example.com", INVISIBLE);
            assertThat(unsubscribes.find(new Email(ASCII))).hasValueSatisfying(u -> {
                assertThat(u.at()).isEqualTo(Instant.parse("2024-02-01T10:00:00Z"));
                assertThat(u.reason()).contains("earlier, xn--");
            });
            assertThat(unsubscribes.history(new Email(ASCII)))
                    .extracting(h -> h.reason().orElse(""))
                    .containsExactlyInAnyOrder("later, unicode", "earlier, xn--");
            assertThat(unsubscribes.history(new Email("info@example.com"))).hasSize(1);
            assertThat(new PeopleRepository(now, CLOCK).find(new Email(ASCII))).hasValueSatisfying(p -> {
                assertThat(p.firstName()).contains("Bob");
                assertThat(p.salesforceId()).contains(CONTACT);
            });
            assertThat(new PeopleRepository(now, CLOCK).count()).isEqualTo(1);
            assertThat(new OutboxRepository(now).due(CLOCK.instant(), 100))
                    .extracting(entry -> entry.email().value())
                    .doesNotContain(DOTTED, UNICODE)
                    .contains("info@example.com", ASCII, INVISIBLE);
            assertThat(new MirrorRepository(now).liveByEmail(List.of(new Email("info@example.com"))))
                    .containsKey(new Email("info@example.com"));
        }
    }

    private static Unsubscribe stored(String email, String at, String reason) {
        return new Unsubscribe(
                new Email(email),
                Instant.parse(at),
                UnsubscribeSource.MANUAL,
                "earlier version",
                Optional.ofNullable(reason));
    }

    /** As a store written by the version before this migration: the step has not run yet. */
    private static void forgetTheMigration(Database database) {
        database.inTransaction(connection -> {
            // The step and every migration after it (each written to run again on a store that has it).
            try (var delete = connection.prepareStatement("DELETE FROM schema_version WHERE version >= "
                    + "(SELECT version FROM schema_version WHERE script = ?)")) {
                delete.setString(1, CanonicalAddresses.STEP);
                return delete.executeUpdate();
            }
        });
    }
}
