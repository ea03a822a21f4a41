package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.Setting;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.salesforce.OptOutFieldRequest;
import com.unsubscribesync.testing.TestClock;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.integrations.IntegrationsViewModel;
import com.unsubscribesync.ui.integrations.Requirement;
import com.unsubscribesync.ui.settings.SettingsForm;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is saved on the settings card is what the very next run uses, in the same console, with no restart. */
class SettingsFormTakesEffectTest {
    @TempDir
    Path data;

    private ConsoleFixture<InMemoryOrg> fixture;
    private final TestClock clock = TestClock.at("2024-06-03T12:00:00Z");

    @AfterEach
    void close() {
        fixture.close();
    }

    private IntegrationsViewModel model(ScriptedDialogs dialogs) {
        fixture = ConsoleFixture.inMemory(data, clock, 0);
        IntegrationsViewModel model = fixture.integrations(Background.immediate(), dialogs);
        model.refresh();
        return model;
    }

    private static void save(SettingsForm form, Setting setting, String typed) {
        form.value(setting).set(typed);
        form.save();
        assertThat(form.changedProperty().get())
                .as("%s=%s saved", setting.key(), typed)
                .isFalse();
    }

    @Test
    void anApiReserveSavedInTheWindowStopsOrFreesTheNextRun() {
        IntegrationsViewModel model = model(new ScriptedDialogs());
        for (int i = 0; i < 1_600; i++) {
            fixture.org.checkField(new OptOutFieldRequest(OptOutField.EMAIL_OPT_OUT, Optional.empty()));
        }
        Email email = fixture.knownContact("ana@example.com", Optional.of("Ana"), 1);
        fixture.workspace
                .unsubscribes()
                .add(new Unsubscribe(email, clock.instant(), UnsubscribeSource.MANUAL, "admin", Optional.empty()));

        save(model.settingsForm(), Setting.API_RESERVE_PERCENT, "90");
        model.runNow();
        assertThat(model.outcomeProperty().get()).contains("0 pushed").contains("Stopped before using the last 90 %");

        save(model.settingsForm(), Setting.API_RESERVE_PERCENT, "20");
        model.runNow();
        assertThat(model.outcomeProperty().get()).contains("1 pushed").doesNotContain("Stopped before");
    }

    @Test
    void aBulkThresholdSavedInTheWindowSendsTheNextRunsPushesThroughTheBulkApi() {
        IntegrationsViewModel model = model(new ScriptedDialogs());
        int people = 1_500;
        fixture.people(people, 0);
        for (int i = 0; i < people; i++) {
            fixture.workspace
                    .unsubscribes()
                    .add(new Unsubscribe(
                            new Email("person" + String.format("%06d", i) + "@example.com"),
                            clock.instant(),
                            UnsubscribeSource.MANUAL,
                            "admin",
                            Optional.empty()));
        }

        save(model.settingsForm(), Setting.BULK_THRESHOLD, "1000");
        model.runNow();

        assertThat(model.outcomeProperty().get()).contains(people + " pushed");
        assertThat(fixture.org.writtenFields())
                .as("one Bulk API job, not 8 SOAP updates of 200")
                .hasSize(1);
    }

    @Test
    void thePeopleWithoutAnIdActionIsOneMethodTheChecklistCalls() {
        ScriptedDialogs dialogs = new ScriptedDialogs();
        IntegrationsViewModel model = model(dialogs);
        fixture.workspace
                .people()
                .save(new Person(new Email("no-id@example.com"), Optional.empty(), Optional.empty(), Optional.empty()));
        model.refresh();

        model.fix(model.requirements().get(2));
        model.showPeopleWithoutId();

        assertThat(model.requirements().get(2).fixes()).containsExactly(Requirement.Fix.SHOW_PEOPLE_WITHOUT_ID);
        assertThat(dialogs.shown.stream().filter(s -> s.startsWith("list: People without a Salesforce ID")))
                .hasSize(2);
    }
}
