package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.ListQuery.Shown;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class UnsubscribeListQueryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private Database database;
    private UnsubscribeRepository unsubscribes;

    @BeforeEach
    void openStore(Database database) {
        this.database = database;
        unsubscribes = new UnsubscribeRepository(database, CLOCK);
    }

    @AfterEach
    void closeStore() {
        database.close();
    }

    @OnEachStore
    void searchFindsAnyPartOfTheAddressTheDomainOrTheName() {
        for (String email : List.of(
                "maria.castillo@acme.test",
                "bo@castillo-wines.test",
                "zed@example.com",
                "ann@example.com",
                "50%off@example.com")) {
            unsubscribes.add(manual(email));
        }
        new PeopleRepository(database, CLOCK)
                .save(new Person(
                        Email.parse("zed@example.com"), Optional.of("Zed"), Optional.of("Castillo"), Optional.empty()));

        assertThat(emails(new ListQuery(Shown.ALL, "Castillo")))
                .containsExactly("bo@castillo-wines.test", "maria.castillo@acme.test", "zed@example.com");
        assertThat(unsubscribes.count(new ListQuery(Shown.ALL, "castillo"))).isEqualTo(3);
        assertThat(emails(new ListQuery(Shown.ALL, "acme.test"))).containsExactly("maria.castillo@acme.test");
        assertThat(emails(new ListQuery(Shown.ALL, "0%"))).containsExactly("50%off@example.com");
    }

    @OnEachStore
    void resubscribedPeopleStayListedApartFromThoseUnsubscribedNow() {
        for (String email : List.of("ann@example.com", "bo@example.com", "cy@example.com")) {
            unsubscribes.add(manual(email));
        }
        unsubscribes.resubscribe(Email.parse("bo@example.com"), "admin", "asked by phone", Instant.now());

        assertThat(unsubscribes.page(new ListQuery(Shown.ALL, ""), 50, 0))
                .extracting(row -> row.unsubscribe().email().value() + (row.resubscribed() ? " resubscribed" : ""))
                .containsExactly("ann@example.com", "bo@example.com resubscribed", "cy@example.com");
        assertThat(emails(new ListQuery(Shown.UNSUBSCRIBED, ""))).containsExactly("ann@example.com", "cy@example.com");
        assertThat(emails(new ListQuery(Shown.RESUBSCRIBED, ""))).containsExactly("bo@example.com");
        assertThat(unsubscribes.page(new ListQuery(Shown.RESUBSCRIBED, ""), 50, 0))
                .singleElement()
                .satisfies(row -> assertThat(row.unsubscribe().reason()).contains("asked by phone"));
        assertThat(unsubscribes.count(new ListQuery(Shown.ALL, ""))).isEqualTo(3);

        unsubscribes.add(manual("bo@example.com"));
        assertThat(emails(new ListQuery(Shown.RESUBSCRIBED, ""))).isEmpty();
        assertThat(unsubscribes.count(new ListQuery(Shown.ALL, ""))).isEqualTo(3);
    }

    @OnEachStore
    void pagesFarDownTheMergedListStartFromAMarkAndStayInOrder() {
        unsubscribes.addAll(IntStream.range(0, 25_000)
                .mapToObj(i -> manual(String.format("u%05d@example.com", i)))
                .iterator());
        for (int i = 0; i < 25_000; i += 1_000) {
            unsubscribes.resubscribe(
                    Email.parse(String.format("u%05d@example.com", i)), "admin", "asked", Instant.now());
        }
        ListQuery all = new ListQuery(Shown.ALL, "");
        assertThat(unsubscribes.count(all)).isEqualTo(25_000);
        assertThat(emails(all, 22_000, 3))
                .containsExactly("u22000@example.com", "u22001@example.com", "u22002@example.com");
        assertThat(emails(new ListQuery(Shown.UNSUBSCRIBED, ""), 21_000, 1)).containsExactly("u21022@example.com");
    }

    private List<String> emails(ListQuery query) {
        return emails(query, 0, 50);
    }

    private List<String> emails(ListQuery query, int offset, int limit) {
        return unsubscribes.page(query, limit, offset).stream()
                .map(row -> row.unsubscribe().email().value())
                .toList();
    }

    private static Unsubscribe manual(String email) {
        return new Unsubscribe(
                Email.parse(email),
                Instant.parse("2024-05-01T10:00:00Z"),
                UnsubscribeSource.MANUAL,
                "admin",
                Optional.empty());
    }
}
