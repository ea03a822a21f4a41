package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.testing.TestClock;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.integrations.IntegrationsViewModel;
import com.unsubscribesync.ui.integrations.Requirement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Integrations tab's choices reach the engine at once: the scheduler and the real-time pusher. */
class ConsoleSettingsTakeEffectTest {
    @TempDir
    Path data;

    private ConsoleFixture<InMemoryOrg> fixture;
    private final TestClock clock = TestClock.at("2024-06-03T12:00:00Z");

    private IntegrationsViewModel model(ScriptedDialogs dialogs) {
        fixture = ConsoleFixture.inMemory(data, clock, 0);
        IntegrationsViewModel model = fixture.integrations(Background.immediate(), dialogs);
        model.refresh();
        return model;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theToggleEnablesTheNightlyScheduler() {
        IntegrationsViewModel model = model(new ScriptedDialogs());
        assertThat(fixture.workspace.scheduler().nextRun()).isEmpty();

        model.nightlySyncProperty().set(true);

        assertThat(fixture.workspace.settings().load().nightlySync()).isTrue();
        assertThat(fixture.workspace.scheduler().nextRun()).contains(Instant.parse("2024-06-04T03:00:00Z"));
        assertThat(model.nextRunProperty().get()).isEqualTo("Tue 4 Jun 2024, 05:00");
        assertThat(model.scheduleProperty().get()).startsWith("Daily at 8:00 PM Pacific — 05:00 in your time zone");
        assertThat(model.requirements().get(0).met()).isTrue();

        model.nightlySyncProperty().set(false);
        assertThat(fixture.workspace.scheduler().nextRun()).isEmpty();
        assertThat(model.requirements().get(0).fix()).isEqualTo(Requirement.Fix.ENABLE_NIGHTLY_SYNC);
    }

    @Test
    void theFieldChoiceSwitchesTheFieldRealTimePushesWrite() {
        IntegrationsViewModel model = model(new ScriptedDialogs());
        // Whole microseconds: the store keeps times to the microsecond, rounding half up, and an entry stamped a
        // fraction
        // of a microsecond after the clock would not be due yet.
        clock.set(Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        Email email = fixture.knownContact("ana@example.com", Optional.of("Ana"), 1);

        model.nightlySyncProperty().set(true);
        model.fieldProperty().set(OptOutField.MARKETO_SALES_OPT_OUT);
        assertThat(fixture.workspace.settings().load().realtimePushField())
                .isEqualTo(OptOutField.MARKETO_SALES_OPT_OUT);
        fixture.workspace
                .unsubscribes()
                .add(new Unsubscribe(email, clock.instant(), UnsubscribeSource.MANUAL, "admin", Optional.empty()));
        fixture.pusher().drain();
        assertThat(fixture.org.writtenFields()).containsExactly(InMemoryOrg.PACKAGE_FIELD);

        model.fieldProperty().set(OptOutField.EMAIL_OPT_OUT);
        Email other = fixture.knownContact("bo@example.com", Optional.empty(), 2);
        fixture.workspace
                .unsubscribes()
                .add(new Unsubscribe(other, clock.instant(), UnsubscribeSource.MANUAL, "admin", Optional.empty()));
        // Whole microseconds: the store keeps times to the microsecond, rounding half up, and an entry stamped a
        // fraction
        // of a microsecond after the clock would not be due yet.
        clock.set(Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        fixture.pusher().drain();
        assertThat(fixture.org.writtenFields())
                .containsExactly(InMemoryOrg.PACKAGE_FIELD, OptOutField.EMAIL_OPT_OUT_API_NAME);
    }

    @Test
    void requirementsOfferTheLayoutStepsAndThePeopleWithoutAnId() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        IntegrationsViewModel model = model(dialogs);
        fixture.workspace
                .people()
                .save(new Person(
                        new Email("no-id@example.com"), Optional.of("Nadia"), Optional.empty(), Optional.empty()));
        model.refresh();
        Requirement people = model.requirements().get(2);
        assertThat(people.met()).isFalse();
        assertThat(people.detail()).startsWith("0 of 1 person has");

        model.fix(people);
        model.fix(new Requirement("field", false, "", Requirement.Fix.OPEN_LAYOUT_STEPS));

        assertThat(dialogs.shown)
                .anyMatch(s -> s.startsWith("list: People without a Salesforce ID")
                        && s.contains("no-id@example.com — Nadia"));
        assertThat(dialogs.shown).contains("layout steps: Email Opt Out");
    }

    @Test
    void previewWritesNothingAndRunNowPushes() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        IntegrationsViewModel model = model(dialogs);
        fixture.people(50, 10);

        model.preview();
        assertThat(dialogs.saw("list: Preview of the next run")).isTrue();
        assertThat(model.outcomeProperty().get()).contains("5 to import").contains("Nothing was written");
        assertThat(fixture.workspace.unsubscribes().count()).isZero();

        model.runNow();
        assertThat(fixture.workspace.unsubscribes().count()).isEqualTo(5);
        assertThat(model.lastRunProperty().get()).contains("succeeded: 5 imported");
    }
}
