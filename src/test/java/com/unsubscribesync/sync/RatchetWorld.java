package com.unsubscribesync.sync;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.OrgAdmin;
import com.unsubscribesync.localorg.PersonView;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the ratchet model drives: a local org reached through force-wsc and the engine, on one test clock, the engine on a file
 * database that a restart closes and opens again.
 */
final class RatchetWorld implements AutoCloseable {
    /** The time of the org and of the engine alike, moved by each step. */
    private final TestClock clock = TestClock.atNow();

    final OptOutField field;
    private final LocalOrg org;
    private final Path dataDirectory;
    private final List<String> records = new ArrayList<>();
    private Database database;
    private EngineHarness engine;
    private RunReport lastRun;

    RatchetWorld(Path dataDirectory, OptOutField field) throws Exception {
        this.dataDirectory = dataDirectory;
        this.field = field;
        this.org = EngineHarness.startOrg(options -> options.withPeople(0).withClock(clock));
        open();
        engine.settings(s -> s.withNightlySync(true).withField(field));
    }

    private void open() {
        database = Database.openFile(dataDirectory);
        engine = new EngineHarness(
                org, database, RealtimePusher.standardRetry(new Random(7)), EngineHarness.options(), clock);
    }

    private OrgAdmin admin() {
        return org.state();
    }

    Optional<RunReport> lastRun() {
        return Optional.ofNullable(lastRun);
    }

    String add(boolean contact, String email) {
        String id = contact ? admin().addContact("Pat", "Doe", email) : admin().addLead("Pat", "Doe", email, "Acme");
        records.add(id);
        return id;
    }

    void apply(RatchetStep step) {
        lastRun = null;
        clock.advance(Duration.ofSeconds(1));
        if (step instanceof RatchetStep.UnsubscribeHere s) {
            engine.unsubscribe(s.email());
        } else if (step instanceof RatchetStep.OptOutInSalesforce s) {
            tick(s.recordId(), s.box(), true);
        } else if (step instanceof RatchetStep.UncheckInSalesforce s) {
            tick(s.recordId(), s.box(), false);
        } else if (step instanceof RatchetStep.LinkPerson s) {
            engine.link(s.email(), s.recordId());
        } else if (step instanceof RatchetStep.AddRecord s) {
            add(s.contact(), s.email());
        } else if (step instanceof RatchetStep.ConvertLead s) {
            String contact = admin().convertLead(s.leadId(), s.contactId().orElse(null));
            if (!records.contains(contact)) {
                records.add(contact);
            }
        } else if (step instanceof RatchetStep.Merge s) {
            admin().merge(s.winnerId(), s.loserId());
        } else if (step instanceof RatchetStep.Delete s) {
            admin().delete(s.recordId());
        } else if (step instanceof RatchetStep.Resubscribe s) {
            engine.resubscriber()
                    .resubscribe(Email.parse(s.email()), "asked to be emailed again", "admin", s.alsoSalesforce());
        } else if (step instanceof RatchetStep.Push) {
            engine.pusher.drain();
        } else if (step instanceof RatchetStep.NightlyRun s) {
            lastRun = engine.nightly.run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, s.full()), RunProgress.SILENT);
        } else if (step instanceof RatchetStep.Restart) {
            restart();
        }
    }

    private void tick(String id, RatchetStep.Box box, boolean value) {
        if (box == RatchetStep.Box.EMAIL_OPT_OUT) {
            admin().setOptedOut(id, value);
        } else {
            admin().setPackageOptedOut(id, value);
        }
    }

    private void restart() {
        engine.close();
        database.close();
        open();
    }

    /** Lets time pass in Salesforce between two steps, so that watermarks and their overlap matter. */
    void pause(Duration duration) {
        clock.advance(duration);
    }

    RatchetSnapshot observe() {
        Map<String, PersonView> seen = new LinkedHashMap<>();
        records.forEach(id -> seen.put(id, admin().read(id)));
        Set<String> unsubscribed = new TreeSet<>();
        Map<String, Set<String>> links = new TreeMap<>();
        Set<String> pending = new TreeSet<>();
        // Read straight from the tables: the engine itself never loads a whole list any more.
        engine.database.read(connection -> {
            try (java.sql.Statement select = connection.createStatement();
                    java.sql.ResultSet rows = select.executeQuery("SELECT email FROM unsubscribes")) {
                while (rows.next()) {
                    unsubscribed.add(rows.getString(1));
                }
            }
            try (java.sql.Statement select = connection.createStatement();
                    java.sql.ResultSet rows = select.executeQuery(
                            "SELECT email, salesforce_id FROM people WHERE salesforce_id IS NOT NULL")) {
                while (rows.next()) {
                    links.computeIfAbsent(rows.getString(1), e -> new TreeSet<>())
                            .add(rows.getString(2).trim());
                }
            }
            // Every push still waiting, due now or in its back-off.
            try (java.sql.Statement select = connection.createStatement();
                    java.sql.ResultSet rows = select.executeQuery("SELECT email FROM outbox")) {
                while (rows.next()) {
                    pending.add(rows.getString(1));
                }
            }
            return null;
        });
        return new RatchetSnapshot(unsubscribed, pending, links, seen);
    }

    @Override
    public void close() {
        engine.close();
        database.close();
        org.close();
    }
}
