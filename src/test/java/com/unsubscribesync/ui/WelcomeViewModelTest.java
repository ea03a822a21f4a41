package com.unsubscribesync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.ui.welcome.WelcomeMemory;
import com.unsubscribesync.ui.welcome.WelcomeViewModel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeViewModelTest {
    @TempDir
    Path data;

    private final AtomicInteger connectionOpened = new AtomicInteger();

    private WelcomeViewModel model() {
        return model(FixedConnection.demo());
    }

    private WelcomeViewModel model(com.unsubscribesync.usecase.OrgState org) {
        return new WelcomeViewModel(
                new WelcomeMemory(data),
                new FixedConnection(org).connectOrg(),
                Background.immediate(),
                connectionOpened::incrementAndGet);
    }

    @Test
    void theWelcomeComesOncePerDataDirectoryEvenWhenNotDismissed() {
        WelcomeViewModel first = model();
        first.showIfFirstRun();
        assertThat(first.showingProperty().get()).isTrue();

        WelcomeViewModel second = model();
        second.showIfFirstRun();
        assertThat(second.showingProperty().get()).isFalse();
    }

    @Test
    void connectingARealOrgLeavesForTheConnectionScreen() {
        WelcomeViewModel model = model();
        model.showIfFirstRun();
        assertThat(model.showingProperty().get()).isTrue();
        model.connectRealOrg();
        assertThat(model.showingProperty().get()).isFalse();
        assertThat(connectionOpened).hasValue(1);
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenStillShowsTheWelcome() {
        WelcomeViewModel model = new WelcomeViewModel(
                new WelcomeMemory(data.resolve("missing")),
                new FixedConnection(FixedConnection.demo()).connectOrg(),
                Background.immediate(),
                () -> {});
        model.showIfFirstRun();
        assertThat(model.showingProperty().get()).isTrue();
    }

    @Test
    void onlyTheDemoOrgIsCalledTheDemo() {
        WelcomeViewModel demo = model();
        demo.showIfFirstRun();
        assertThat(demo.whereProperty().get()).startsWith("You are looking at the demo org");
        assertThat(demo.onDemoProperty().get()).isTrue();
    }

    @Test
    void anotherOrgIsNamedAndNotCalledTheDemo() {
        WelcomeViewModel model = model(FixedConnection.realOrg("Acme Corp", "ops@acme.example"));
        model.showIfFirstRun();
        assertThat(model.whereProperty().get())
                .contains("connected to Acme Corp as ops@acme.example")
                .doesNotContain("demo");
        assertThat(model.onDemoProperty().get()).isFalse();
    }

    @Test
    void noOrgIsSaidPlainly() {
        WelcomeViewModel model = model(FixedConnection.none());
        model.showIfFirstRun();
        assertThat(model.whereProperty().get()).startsWith("This data directory is not connected to an org yet");
        assertThat(model.onDemoProperty().get()).isFalse();
    }
}
