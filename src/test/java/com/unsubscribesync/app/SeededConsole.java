package com.unsubscribesync.app;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.TestIds;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.sync.RunProgress;
import com.unsubscribesync.sync.RunRequest;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.shell.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javafx.stage.Stage;

/** The console on a small seeded org, shown in a TestFX stage, with scripted dialogs. */
final class SeededConsole extends ShownConsole<InMemoryOrg> {
    SeededConsole(Stage stage, Path data) {
        super(
                stage,
                seeded(ConsoleFixture.inMemory(data, Clock.systemUTC(), 0)),
                Screen.INTEGRATIONS,
                1280,
                800,
                Console::load);
    }

    private static ConsoleFixture<InMemoryOrg> seeded(ConsoleFixture<InMemoryOrg> fixture) {
        seed(fixture);
        return fixture;
    }

    /** Waits until background reads have landed and the screen has settled. */
    static void settle() {
        CountedBackground.settle();
    }

    /** A small living org: people, unsubscribes from several sources, a run and a few conflicts. */
    static void seed(ConsoleFixture<InMemoryOrg> fixture) {
        fixture.people(120, 12);
        for (int i = 0; i < 120; i += 3) {
            Email email = new Email("person" + String.format("%06d", i) + "@example.com");
            fixture.workspace
                    .people()
                    .save(new Person(
                            email,
                            Optional.of(FIRST[i % FIRST.length]),
                            Optional.of(LAST[i % LAST.length]),
                            i % 9 == 0 ? Optional.empty() : Optional.of(TestIds.of(SObjectType.CONTACT, i))));
        }
        UnsubscribeSource[] sources = {
            UnsubscribeSource.CLICKED_LINK, UnsubscribeSource.MANUAL, UnsubscribeSource.BOUNCE, UnsubscribeSource.IMPORT
        };
        for (int i = 1; i < 120; i += 5) {
            fixture.workspace
                    .unsubscribes()
                    .add(new Unsubscribe(
                            new Email("person" + String.format("%06d", i) + "@example.com"),
                            Instant.parse("2024-05-01T09:00:00Z").plusSeconds(3600L * i),
                            sources[i % sources.length],
                            "admin",
                            i % 2 == 0 ? Optional.of("Asked by phone") : Optional.empty()));
        }
        fixture.workspace.nightlySync().run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, false), RunProgress.SILENT);
        for (int i = 2; i < 120; i += 7) {
            fixture.workspace
                    .unsubscribes()
                    .add(new Unsubscribe(
                            new Email("person" + String.format("%06d", i) + "@example.com"),
                            Instant.now(),
                            UnsubscribeSource.CLICKED_LINK,
                            "intake",
                            Optional.empty()));
        }
        fixture.workspace.nightlySync().run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, false), RunProgress.SILENT);
        Instant now = Instant.now();
        fixture.workspace
                .conflicts()
                .record(
                        new NewConflict(
                                ConflictKind.WRITE_REJECTED,
                                Optional.of(new Email("locked@example.com")),
                                Optional.of(TestIds.of(SObjectType.LEAD, 7)),
                                Optional.of(SObjectType.LEAD),
                                Optional.of("UNABLE_TO_LOCK_ROW"),
                                "Salesforce kept refusing the "
                                        + "opt-out after 10 attempts; last answer: UNABLE_TO_LOCK_ROW: unable to obtain exclusive access "
                                        + "to this record"),
                        now);
        fixture.workspace
                .conflicts()
                .record(
                        new NewConflict(
                                ConflictKind.WRITE_REJECTED,
                                Optional.of(new Email("rule@example.com")),
                                Optional.of(TestIds.of(SObjectType.CONTACT, 9)),
                                Optional.of(SObjectType.CONTACT),
                                Optional.of("FIELD_CUSTOM_VALIDATION_EXCEPTION"),
                                "Salesforce refused "
                                        + "to set the opt-out on Contact: a validation rule requires a phone number"),
                        now);
        fixture.workspace
                .conflicts()
                .record(
                        new NewConflict(
                                ConflictKind.NOT_IN_SALESFORCE,
                                Optional.of(new Email("nobody@example.com")),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                "No Lead or Contact has this address and the person has no Salesforce ID."),
                        now);
    }

    private static final String[] FIRST = {"Ana", "Bruno", "Chloé", "Dev", "Emeka", "Fatima", "Greta"};
    private static final String[] LAST = {"Silva", "Okafor", "Martin", "Patel", "Kowalski", "Haddad", "Lindqvist"};
}
