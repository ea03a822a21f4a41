package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The intake's API keys (V11) and the one-transaction write of a request's unsubscribes, on H2 and PostgreSQL. */
class ApiKeyRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final String HASH = "a".repeat(64);
    private Database database;
    private ApiKeyRepository keys;

    @BeforeEach
    void open(Database database) {
        this.database = database;
        this.keys = new ApiKeyRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @OnEachStore
    void aKeyIsFoundByItsIdAndANameIsTakenOnce() {
        assertThat(keys.add(StoredApiKey.fresh("crm", "0123456789abcdef", HASH, NOW)))
                .isTrue();

        assertThat(keys.add(StoredApiKey.fresh("crm", "fedcba9876543210", HASH, NOW)))
                .isFalse();
        assertThat(keys.byKeyId("0123456789abcdef")).hasValueSatisfying(key -> {
            assertThat(key.name()).isEqualTo("crm");
            assertThat(key.secretSha256()).isEqualTo(HASH);
            assertThat(key.created()).isEqualTo(NOW);
            assertThat(key.uses()).isZero();
            assertThat(key.lastUsed()).isEmpty();
        });
        assertThat(keys.byKeyId("fedcba9876543210")).isEmpty();
    }

    @OnEachStore
    void usesAddUpAndARevokedKeyStaysListed() {
        keys.add(StoredApiKey.fresh("crm", "0123456789abcdef", HASH, NOW));
        keys.recordUse("0123456789abcdef", NOW.plusSeconds(60));
        keys.recordUse("0123456789abcdef", NOW.plusSeconds(120));

        assertThat(keys.revoke("crm", NOW.plusSeconds(180))).isTrue();
        assertThat(keys.revoke("crm", NOW.plusSeconds(240))).as("twice").isFalse();
        assertThat(keys.revoke("nobody", NOW)).isFalse();
        assertThat(keys.list())
                .containsExactly(new StoredApiKey(
                        "crm",
                        "0123456789abcdef",
                        HASH,
                        NOW,
                        Optional.of(NOW.plusSeconds(180)),
                        Optional.of(NOW.plusSeconds(120)),
                        2));
    }

    @OnEachStore
    void aRequestsUnsubscribesAreWrittenTogetherOrNotAtAll() {
        UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, Clock.fixed(NOW, ZoneOffset.UTC));
        Unsubscribe ann = new Unsubscribe(
                new Email("ann@example.com"), NOW, UnsubscribeSource.MANUAL, "api:crm", Optional.empty());
        Unsubscribe tooLong = new Unsubscribe(
                new Email("bob@example.com"), NOW, UnsubscribeSource.MANUAL, "x".repeat(201), Optional.empty());

        assertThatThrownBy(() -> unsubscribes.addTogether(List.of(ann, tooLong)))
                .as("the second does not fit the actor column")
                .isInstanceOf(StoreException.class);

        assertThat(unsubscribes.find(ann.email())).isEmpty();
        assertThat(unsubscribes.addTogether(List.of(ann, ann)))
                .as("one new, one twice")
                .containsExactly(true, false);
        assertThat(unsubscribes.find(ann.email())).isPresent();
    }
}
