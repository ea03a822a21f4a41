package com.unsubscribesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.latency.LatencyProfile;
import com.unsubscribesync.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the real-time pusher finds the records of the addresses it pushes (the decision "the real-time pusher looks
 * records up in the mirror"), counted as the org counts the calls, through force-wsc against the local org.
 */
class PusherLookupTest {
    private final TestClock orgClock = TestClock.atNow();
    private EngineHarness engine;
    private LocalOrg org;

    @BeforeEach
    void start() throws Exception {
        engine = EngineHarness.onNewOrg(options -> options.withPeople(0).withClock(orgClock));
        org = engine.org;
        engine.settings(s -> s.withNightlySync(true));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aBurstOfTenThousandKnownAddressesCostsThreeChangeChecksAndFiftyFullUpdates() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            emails.add("contact" + i + "@burst.test");
            engine.admin().addContact("C", "N" + i, emails.get(emails.size() - 1));
        }
        for (int i = 0; i < 4000; i++) {
            emails.add("lead" + i + "@burst.test");
            engine.admin().addLead("L", "N" + i, emails.get(emails.size() - 1), "Acme");
        }
        // Changed well before the run, as most records are; changes just before it count as changed after it.
        orgClock.advance(Duration.ofMinutes(5));
        engine.run();
        // The budget in TESTING.md is for SOAP updates of 200; from 2 000 records the Bulk path would take over.
        engine.settings(s -> s.withBulkThreshold(20_000));
        unsubscribeAll(emails);
        Map<String, Long> before = org.partnerCallsByOperation();

        PushReport report = engine.pusher.drainOnce();

        assertThat(report.settled()).isEqualTo(10_000);
        assertThat(report.written()).isEqualTo(10_000);
        // 6 000 contact ids need two statements under SOQL's 100 000 characters, 4 000 lead ids one; none changed
        // since the nightly run, so each answers in one page. Then 30 + 20 updates of 200.
        assertThat(callsSince(before)).containsExactlyInAnyOrderEntriesOf(Map.of("queryAll", 3L, "update", 50L));
        assertThat(engine.admin()
                        .read(engine.admin()
                                .idsWithEmail("contact5999@burst.test")
                                .get(0))
                        .optedOut())
                .isTrue();
        assertThat(engine.admin()
                        .read(engine.admin().idsWithEmail("lead0@burst.test").get(0))
                        .optedOut())
                .isTrue();
    }

    @Test
    void aPassChecksItsLeadsAndContactsInSalesforceAtOnce() {
        String contact = engine.admin().addContact("Co", "Nt", "co@side.test");
        String lead = engine.admin().addLead("Le", "Ad", "le@side.test", "Acme");
        orgClock.advance(Duration.ofMinutes(5));
        engine.run();
        // Opted out in Salesforce since the run: the checks find them changed, and there is nothing to write.
        engine.admin().setOptedOut(contact, true);
        engine.admin().setOptedOut(lead, true);
        unsubscribeAll(List.of("co@side.test", "le@side.test", "nobody@side.test"));
        // Long enough for the second check to reach the org while the first is served, on a busy machine too.
        org.latency().use(LatencyProfile.parse("queryAll=600ms,query=600ms,default=0ms"));
        org.latency().atOnce().forget();
        Map<String, Long> before = org.partnerCallsByOperation();

        PushReport report = engine.pusher.drainOnce();

        assertThat(report.settled()).isEqualTo(3);
        assertThat(callsSince(before))
                .as("a change check per object for the known, a search per object for the unknown; nothing to write")
                .containsExactlyInAnyOrderEntriesOf(Map.of("queryAll", 2L, "query", 2L));
        assertThat(org.latency().atOnce().most())
                .as("each step's Lead and Contact reads in the org at once")
                .isEqualTo(2);
    }

    @Test
    void addressesTheMirrorDoesNotKnowAreSearchedByEmailInLongStatements() {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            emails.add("new" + i + "@burst.test");
        }
        engine.run();
        emails.subList(0, 1500).forEach(email -> engine.admin().addContact("N", "Ew", email));
        unsubscribeAll(emails);
        Map<String, Long> before = org.partnerCallsByOperation();

        engine.pusher.drainOnce();

        // 3 000 addresses of about 20 characters fit one statement per object; 1 500 contacts answer in one page.
        assertThat(callsSince(before)).containsExactlyInAnyOrderEntriesOf(Map.of("query", 2L, "update", 8L));
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.NOT_IN_SALESFORCE), 2000))
                .hasSize(1500);
    }

    @Test
    void recordsChangedSinceTheNightlyRunAreTakenAsTheyAreNow() {
        String lead = engine.admin().addLead("Al", "Bo", "al@acme.test", "Acme");
        String moved = engine.admin().addContact("Ce", "Du", "ce@acme.test");
        String deleted = engine.admin().addContact("Ed", "Fo", "ed@acme.test");
        String optedOut = engine.admin().addContact("Gi", "Ha", "gi@acme.test");
        engine.run();
        String contact = engine.admin().convertLead(lead);
        engine.admin().setEmail(moved, "ce.new@acme.test");
        engine.admin().delete(deleted);
        engine.admin().setOptedOut(optedOut, true);
        Instant optedOutAt = engine.admin().read(optedOut).lastModified();

        unsubscribeAll(List.of("al@acme.test", "ce@acme.test", "ed@acme.test", "gi@acme.test"));
        engine.pusher.drain();

        assertThat(engine.admin().read(contact).optedOut())
                .as("the converted lead's new contact")
                .isTrue();
        assertThat(engine.admin().read(moved).optedOut())
                .as("no longer has the address")
                .isFalse();
        assertThat(engine.admin().read(optedOut).lastModified())
                .as("already opted out: not written again")
                .isEqualTo(optedOutAt);
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.WRITE_REJECTED), 10))
                .isEmpty();
        assertThat(engine.conflicts.open(Optional.of(ConflictKind.NOT_IN_SALESFORCE), 10))
                .extracting(c -> c.email().orElseThrow().value())
                .containsExactlyInAnyOrder("ce@acme.test", "ed@acme.test");
    }

    @Test
    void aLeadGivenAKnownAddressAfterTheNightlyRunIsLeftToTheNextRun() {
        String contact = engine.admin().addContact("Io", "Ju", "io@acme.test");
        engine.run();
        String lead = engine.admin().addLead("Io", "Ju", "io@acme.test", "Acme");

        unsubscribeAll(List.of("io@acme.test"));
        engine.pusher.drain();

        assertThat(engine.admin().read(contact).optedOut()).isTrue();
        assertThat(engine.admin().read(lead).optedOut())
                .as("the mirror did not know it yet")
                .isFalse();
        RunReport next = engine.run();
        assertThat(next.pushed()).isEqualTo(1);
        assertThat(engine.admin().read(lead).optedOut()).isTrue();
    }

    @Test
    void withTheNightlySyncOffEveryAddressIsSearchedInSalesforce() {
        engine.settings(s -> s.withNightlySync(false));
        engine.admin().addContact("Ka", "Lu", "ka@acme.test");
        engine.run();
        String lead = engine.admin().addLead("Ka", "Lu", "ka@acme.test", "Acme");

        unsubscribeAll(List.of("ka@acme.test"));
        engine.pusher.drain();

        assertThat(engine.admin().read(lead).optedOut())
                .as("found by email, not from the mirror")
                .isTrue();
    }

    @Test
    void aBurstStillArrivingIsGatheredButNeverLongerThanTheLimit() {
        TestClock clock = TestClock.atNow();
        RealtimePusher pusher = pusherOn(clock);
        assertThat(pusher.untilBurstGathered(false)).as("nothing due").isZero();

        unsubscribeAll(List.of("a1@acme.test"));
        clock.set(Instant.now());
        assertThat(pusher.untilBurstGathered(false))
                .as("one arrived since the last look")
                .isEqualTo(RealtimePusher.QUIET);
        assertThat(pusher.untilBurstGathered(false)).as("none since").isZero();

        unsubscribeAll(List.of("a2@acme.test", "a3@acme.test"));
        clock.set(Instant.now());
        assertThat(pusher.untilBurstGathered(false)).as("still arriving").isPositive();
        unsubscribeAll(List.of("a4@acme.test"));
        clock.advance(RealtimePusher.GATHER_AT_MOST);
        assertThat(pusher.untilBurstGathered(false))
                .as("the oldest has waited long enough")
                .isZero();
    }

    @Test
    void clicksTakenButNotYetCommittedKeepTheGatheringGoingThroughAPause() {
        TestClock clock = TestClock.atNow();
        AtomicInteger notYetCommitted = new AtomicInteger(700);
        RealtimePusher pusher = pusherOn(clock, () -> OptionalInt.of(notYetCommitted.get()));
        unsubscribeAll(List.of("c1@acme.test", "c2@acme.test"));
        clock.set(oldestDue());
        assertThat(pusher.untilBurstGathered(false)).as("arriving").isPositive();
        assertThat(pusher.untilBurstGathered(false))
                .as("none since, but the intake's next commit is still to come: a pass now would be a small one")
                .isPositive();

        notYetCommitted.set(0);
        assertThat(pusher.untilBurstGathered(false))
                .as("none since, and nothing on the way")
                .isZero();

        notYetCommitted.set(700);
        clock.advance(RealtimePusher.GATHER_AT_MOST);
        assertThat(pusher.untilBurstGathered(false))
                .as("the oldest has waited long enough, whatever is still on the way")
                .isZero();
    }

    @Test
    void theEndOfABurstTheIntakeHasCommittedGoesBesideAPassUnderWayAtOnce() {
        TestClock clock = TestClock.atNow();
        AtomicInteger notYetCommitted = new AtomicInteger(300);
        RealtimePusher pusher = pusherOn(clock, () -> OptionalInt.of(notYetCommitted.get()));
        unsubscribeAll(addresses(0, 693));
        clock.set(oldestDue());
        assertThat(pusher.untilBurstGathered(true)).as("arriving").isPositive();
        assertThat(pusher.untilBurstGathered(true))
                .as("none since, a pass under way, more on the way")
                .isPositive();

        notYetCommitted.set(0);
        assertThat(pusher.untilBurstGathered(true))
                .as("none since and none on the way: the burst is over, waiting for the pass would gain nothing")
                .isZero();
    }

    @Test
    void aPassSaysItIsSendingOnlyWhenItHasSomethingToSend() {
        engine.admin().addContact("Se", "Nd", "send@acme.test");
        engine.run();
        AtomicInteger sending = new AtomicInteger();

        engine.pusher.drainOnce(sending::incrementAndGet);
        assertThat(sending.get())
                .as("nothing due: the engine must wait, not start the next pass")
                .isZero();

        unsubscribeAll(List.of("send@acme.test"));
        engine.pusher.drainOnce(sending::incrementAndGet);
        assertThat(sending.get()).as("one address to push").isEqualTo(1);
    }

    @Test
    void whileAPassIsUnderWayAPauseInTheArrivalsDoesNotEndTheGathering() {
        engine.settings.save(engine.settings.load().withBulkThreshold(SyncSettings.MIN_BULK_THRESHOLD));
        TestClock clock = TestClock.atNow();
        RealtimePusher pusher = pusherOn(clock);
        unsubscribeAll(List.of("p1@acme.test", "p2@acme.test"));
        clock.set(Instant.now());
        assertThat(pusher.untilBurstGathered(true)).as("arriving").isPositive();
        assertThat(pusher.untilBurstGathered(true))
                .as("none since, but a pass is under way: small passes of SOAP updates would cost calls")
                .isPositive();
        assertThat(pusher.untilBurstGathered(false))
                .as("none since, and no pass under way")
                .isZero();

        unsubscribeAll(addresses(0, 2 * SyncSettings.MIN_BULK_THRESHOLD));
        clock.set(Instant.now());
        assertThat(pusher.untilBurstGathered(true))
                .as("enough for Bulk jobs goes beside the pass under way")
                .isZero();
        clock.advance(RealtimePusher.GATHER_AT_MOST);
        assertThat(pusher.untilBurstGathered(true))
                .as("the oldest has waited long enough")
                .isZero();
    }

    @Test
    void whileAPassIsUnderWayTheRestOfABurstWaitsForItOnlyAShortWhile() {
        engine.settings.save(engine.settings.load().withBulkThreshold(SyncSettings.MIN_BULK_THRESHOLD));
        TestClock clock = TestClock.atNow();
        RealtimePusher pusher = pusherOn(clock);
        unsubscribeAll(addresses(0, SyncSettings.MIN_BULK_THRESHOLD));
        clock.set(oldestDue());
        assertThat(pusher.untilBurstGathered(true)).as("arriving").isPositive();
        clock.advance(RealtimePusher.GATHER_WHILE_SENDING.minusMillis(1));
        assertThat(pusher.untilBurstGathered(true))
                .as("none since, a pass under way")
                .isPositive();
        clock.advance(Duration.ofMillis(1));
        assertThat(pusher.untilBurstGathered(true))
                .as("the last of a burst, full batches, goes beside the pass under way, not after it")
                .isZero();
    }

    @Test
    void whileAPassIsUnderWayAFewEntriesWaitTheWholeLimitSoAsNotToCostCalls() {
        engine.settings.save(engine.settings.load().withBulkThreshold(SyncSettings.MIN_BULK_THRESHOLD));
        TestClock clock = TestClock.atNow();
        RealtimePusher pusher = pusherOn(clock);
        unsubscribeAll(addresses(0, SyncSettings.MIN_BULK_THRESHOLD - 1));
        clock.set(oldestDue());
        assertThat(pusher.untilBurstGathered(true)).as("arriving").isPositive();
        clock.advance(RealtimePusher.GATHER_WHILE_SENDING);
        assertThat(pusher.untilBurstGathered(true))
                .as("below the Bulk threshold: a small pass beside the one under way would cost calls")
                .isPositive();
        clock.advance(RealtimePusher.GATHER_AT_MOST.minus(RealtimePusher.GATHER_WHILE_SENDING));
        assertThat(pusher.untilBurstGathered(true))
                .as("the oldest has waited long enough")
                .isZero();
    }

    @Test
    void aBurstBigEnoughForBulkJobsGoesWithoutWaitingForTheRestOfIt() {
        engine.settings.save(engine.settings.load().withBulkThreshold(SyncSettings.MIN_BULK_THRESHOLD));
        TestClock clock = TestClock.atNow();
        RealtimePusher pusher = pusherOn(clock);
        unsubscribeAll(addresses(0, 2 * SyncSettings.MIN_BULK_THRESHOLD - 1));
        clock.set(Instant.now());
        assertThat(pusher.untilBurstGathered(false))
                .as("below two Bulk thresholds and still arriving")
                .isPositive();

        unsubscribeAll(addresses(2 * SyncSettings.MIN_BULK_THRESHOLD, 1));
        assertThat(pusher.untilBurstGathered(false))
                .as("two Bulk thresholds due, though the burst still arrives")
                .isZero();
    }

    private RealtimePusher pusherOn(TestClock clock) {
        return pusherOn(clock, UnsubscribesOnTheWay.UNKNOWN);
    }

    private RealtimePusher pusherOn(TestClock clock, UnsubscribesOnTheWay onTheWay) {
        return new RealtimePusher(
                engine.outbox,
                engine.people,
                engine.settings,
                engine.conflicts,
                engine.mirror,
                engine.runs,
                () -> Optional.of(engine.salesforce),
                engine.connected.bulk(),
                engine.fields,
                RealtimePusher.standardRetry(new java.util.Random(1)),
                clock,
                onTheWay);
    }

    private static List<String> addresses(int from, int count) {
        return java.util.stream.IntStream.range(from, from + count)
                .mapToObj(i -> "b" + i + "@acme.test")
                .toList();
    }

    private Instant oldestDue() {
        return engine.outbox.dueSummary(Instant.now()).oldestRecordedAt().orElseThrow();
    }

    private void unsubscribeAll(List<String> emails) {
        Instant now = Instant.now();
        engine.unsubscribes.addAll(emails.stream()
                .map(email -> new Unsubscribe(
                        Email.parse(email), now, UnsubscribeSource.CLICKED_LINK, "tester", Optional.empty()))
                .iterator());
    }

    private Map<String, Long> callsSince(Map<String, Long> before) {
        Map<String, Long> made = new java.util.TreeMap<>();
        org.partnerCallsByOperation().forEach((operation, count) -> {
            long delta = count - before.getOrDefault(operation, 0L);
            if (delta > 0) {
                made.put(operation, delta);
            }
        });
        return made;
    }
}
