package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.HistoryEntry;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.OutboxRepository;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.store.SyncRunRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.testing.TestSeed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code serve} and {@code sync run} processes are killed with SIGKILL at random moments while unsubscribes
 * keep being recorded. When the dust settles every unsubscribe is opted out in the org, nothing was set back to
 * false, every history line is there and the database opens cleanly.
 */
@Tag("slow")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@ExtendWith(TestSeed.Given.class)
class CrashSafetyTest {
    private static final int ADDRESSES = 150;
    private static final int KILLS = Integer.getInteger("crash.kills", 21);

    @TempDir
    Path data;

    @Test
    void everyRecordedUnsubscribeReachesSalesforceThroughRepeatedKills(TestSeed seed) throws Exception {
        Random random = seed.random();
        List<Email> emails = new ArrayList<>();
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(20))) {
            List<String> records = new ArrayList<>();
            for (int i = 0; i < ADDRESSES; i++) {
                Email email = new Email("crash" + i + "@example.com");
                emails.add(email);
                records.add(org.state().addContact("Crash", "Person " + i, email.value()));
                if (i % 3 == 0) {
                    records.add(org.state().addLead("Crash", "Lead " + i, email.value(), "Acme"));
                }
            }
            Map<String, String> env = Map.of("CRASH_SECRET", org.clientSecret());
            assertThat(cli(env, CliRun.connectTo(org, "CRASH_SECRET"))).isZero();

            // The recorder opens the database for each unsubscribe, as `unsubscribe add` does, so the processes
            // being killed are sometimes the ones serving the database file to the others.
            AtomicInteger recorded = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            Thread recorder = new Thread(
                    () -> {
                        for (Email email : emails) {
                            while (!record(email)) {
                                refused.incrementAndGet();
                                sleep(100);
                            }
                            recorded.incrementAndGet();
                            sleep(60);
                        }
                    },
                    "recorder");
            recorder.start();
            int kills = 0;
            int killedRuns = 0;
            while (kills < KILLS || recorder.isAlive()) {
                boolean nightly = kills % 3 == 2;
                Process process = start(nightly ? new String[] {"sync", "run"} : new String[] {"serve"});
                // The process lives a random while before it is killed: that moment is the scenario.
                Thread.sleep(300 + random.nextInt(2_200));
                killedRuns += nightly && process.isAlive() ? 1 : 0;
                process.destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                kills++;
            }
            recorder.join();
            System.out.printf(
                    "crash test: %d unsubscribes recorded (%d tries refused while a process died), "
                            + "%d kills (%d during a nightly run)%n",
                    recorded.get(), refused.get(), kills, killedRuns);
            try (Database database = Database.openFile(data)) {
                UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, Clock.systemUTC());
                Process serve = start("serve");
                OutboxRepository outbox = new OutboxRepository(database);
                Eventually.within(Duration.ofSeconds(90))
                        .until("the last serve to empty the outbox", outbox::pendingCount, pending -> pending == 0);
                assertThat(AppProcess.stops(serve)).as("serve stops on SIGTERM").isTrue();
                assertThat(outbox.pendingCount())
                        .as("outbox after the last serve")
                        .isZero();

                // A run killed a moment ago still holds its lease for up to a minute.
                Eventually.within(Duration.ofSeconds(120)).until("a last nightly run to finish with exit 0", () -> {
                    Process run = start("sync", "run");
                    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
                    return run.exitValue() == 0;
                });

                for (Email email : emails) {
                    assertThat(unsubscribes.isUnsubscribed(email))
                            .as("%s unsubscribed here", email)
                            .isTrue();
                    assertThat(unsubscribes.history(email))
                            .as("history of %s", email)
                            .extracting(HistoryEntry::action)
                            .containsExactly(HistoryEntry.Action.UNSUBSCRIBE);
                }
                assertThat(new SyncRunRepository(database).recent(1_000, false))
                        .as("no run is left looking as if it were still running")
                        .noneMatch(run -> run.outcome() == SyncRun.Outcome.RUNNING);
            }
            for (String id : records) {
                assertThat(org.state().read(id).optedOut())
                        .as("record %s opted out", id)
                        .isTrue();
            }
            assertThat(org.state().optOutsClearedByApi())
                    .as("API writes that set an opt-out to false")
                    .isZero();
        }
        try (Database reopened = Database.openFile(data)) {
            UnsubscribeRepository afterwards = new UnsubscribeRepository(reopened, Clock.systemUTC());
            assertThat(emails)
                    .allSatisfy(email ->
                            assertThat(afterwards.isUnsubscribed(email)).isTrue());
            assertThat(new OutboxRepository(reopened).pendingCount()).isZero();
        }
    }

    /**
     * Issue 15, point 2 under SIGKILLs, with the Contact opt-out field read-only: addresses of converted leads, of
     * contacts, of plain leads, and of a lead and a contact both. Whatever is killed when, no address leaves the
     * outbox without every record it names written or a conflict saying why: the plain leads are written, every
     * address naming a Contact waits with one open Field unavailable conflict on Contact (none per record), and the
     * converted leads themselves are never written.
     */
    @Test
    void noAcknowledgedOptOutIsSettledWithoutAWriteOrAConflictWhenTheContactFieldIsReadOnly(TestSeed seed)
            throws Exception {
        Random random = seed.random();
        Map<Email, List<String>> named = new LinkedHashMap<>();
        List<String> convertedLeads = new ArrayList<>();
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(0))) {
            org.state().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.READONLY);
            for (int i = 0; i < 48; i++) {
                String email = "readonly" + i + "@example.com";
                List<String> records = new ArrayList<>();
                switch (i % 4) {
                    case 0 -> {
                        String lead = org.state().addLead("Conv", "Erted " + i, email, "Acme");
                        convertedLeads.add(lead);
                        records.add(org.state().convertLead(lead));
                    }
                    case 1 -> records.add(org.state().addContact("Read", "Only " + i, email));
                    case 2 -> records.add(org.state().addLead("Plain", "Lead " + i, email, "Acme"));
                    default -> {
                        records.add(org.state().addLead("Lead", "And Contact " + i, email, "Acme"));
                        records.add(org.state().addContact("Lead", "And Contact " + i, email));
                    }
                }
                named.put(new Email(email), records);
            }
            Predicate<Email> written = email -> named.get(email).stream()
                    .allMatch(id -> org.state().read(id).optedOut());
            Predicate<Email> namesAContact = email -> named.get(email).stream().anyMatch(id -> id.startsWith("003"));
            assertThat(cli(Map.of("CRASH_SECRET", org.clientSecret()), CliRun.connectTo(org, "CRASH_SECRET")))
                    .isZero();

            Thread recorder = new Thread(
                    () -> named.keySet().forEach(email -> {
                        while (!record(email)) {
                            sleep(100);
                        }
                        sleep(60);
                    }),
                    "recorder");
            recorder.start();
            int kills = 0;
            while (kills < 9 || recorder.isAlive()) {
                Process process = start(kills % 3 == 2 ? new String[] {"sync", "run"} : new String[] {"serve"});
                // The process lives a random while before it is killed: that moment is the scenario.
                Thread.sleep(300 + random.nextInt(2_200));
                process.destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                kills++;
            }
            recorder.join();

            // A last serve, left to push what it can: every plain lead, while the rest waits for the field.
            Process serve = start("serve");
            Eventually.within(Duration.ofSeconds(90))
                    .until(
                            "the last serve to write every plain lead and explain the Contact field in a conflict",
                            () -> named.keySet().stream().allMatch(namesAContact.or(written))
                                    && contactFieldExplained());
            assertThat(AppProcess.stops(serve)).as("serve stops on SIGTERM").isTrue();

            try (Database database = Database.openFile(data)) {
                UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, Clock.systemUTC());
                Set<Email> waiting = new HashSet<>();
                new OutboxRepository(database)
                        .due(Instant.parse("2999-01-01T00:00:00Z"), 10_000)
                        .forEach(entry -> waiting.add(entry.email()));
                List<Conflict> open = new ConflictRepository(database).open(Optional.empty(), 1_000);
                boolean contactFieldExplained = open.stream()
                        .anyMatch(c -> c.kind() == ConflictKind.FIELD_UNAVAILABLE
                                && c.objectType().equals(Optional.of(SObjectType.CONTACT)));
                List<Email> unsettledWithoutReason = new ArrayList<>();
                for (Email email : named.keySet()) {
                    assertThat(unsubscribes.isUnsubscribed(email))
                            .as("%s acknowledged", email)
                            .isTrue();
                    boolean ownConflict = open.stream().anyMatch(c -> c.email().equals(Optional.of(email)));
                    boolean waitsForTheField = waiting.contains(email) && contactFieldExplained;
                    if (!written.test(email) && !ownConflict && !waitsForTheField) {
                        unsettledWithoutReason.add(email);
                    }
                }
                assertThat(unsettledWithoutReason)
                        .as("acknowledged opt-outs unsettled without a write or a conflict")
                        .isEmpty();
                assertThat(named.keySet().stream().filter(namesAContact))
                        .as("every address naming a Contact waits")
                        .allSatisfy(email -> assertThat(waiting).contains(email));
                assertThat(named.keySet().stream().filter(namesAContact.negate()))
                        .as("plain leads are written")
                        .allSatisfy(email ->
                                assertThat(written.test(email)).as("%s", email).isTrue());
                assertThat(contactFieldExplained)
                        .as("one open Field unavailable conflict on Contact")
                        .isTrue();
                assertThat(open).as("no conflict per record").noneMatch(c -> c.kind() == ConflictKind.WRITE_REJECTED);
            }
            assertThat(convertedLeads)
                    .allSatisfy(id -> assertThat(org.state().read(id).optedOut())
                            .as("converted lead %s is never written", id)
                            .isFalse());
            assertThat(org.state().optOutsClearedByApi())
                    .as("API writes that set an opt-out to false")
                    .isZero();
        }
    }

    private boolean contactFieldExplained() {
        try (Database database = Database.openFile(data)) {
            return new ConflictRepository(database)
                    .open(Optional.empty(), 1_000).stream()
                            .anyMatch(c -> c.kind() == ConflictKind.FIELD_UNAVAILABLE
                                    && c.objectType().equals(Optional.of(SObjectType.CONTACT)));
        }
    }

    private boolean record(Email email) {
        try (Database database = Database.openFile(data)) {
            new UnsubscribeRepository(database, Clock.systemUTC())
                    .add(new Unsubscribe(
                            email, Instant.now(), UnsubscribeSource.CLICKED_LINK, "crash-test", Optional.empty()));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Process start(String... command) throws IOException {
        return AppProcess.startAppendingTo(data.resolve("processes.txt"), data, command);
    }

    private int cli(Map<String, String> env, String... args) {
        return CliRun.on(data).env(env).run(args).exit();
    }

    /** The recorder's pause between tries and unsubscribes: the pace of the scenario, not a wait for anything. */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
