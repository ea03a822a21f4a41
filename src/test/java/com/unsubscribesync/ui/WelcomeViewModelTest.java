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
        return new WelcomeViewModel(new WelcomeMemory(data), Background.immediate(), connectionOpened::incrementAndGet);
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
    void reopeningShowsItAgainAndConnectingLeavesForTheConnectionScreen() {
        WelcomeViewModel model = model();
        model.showIfFirstRun();
        model.dismiss();
        assertThat(model.showingProperty().get()).isFalse();

        model.reopen();
        assertThat(model.showingProperty().get()).isTrue();
        model.connectRealOrg();
        assertThat(model.showingProperty().get()).isFalse();
        assertThat(connectionOpened).hasValue(1);
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenStillShowsTheWelcome() {
        WelcomeViewModel model = new WelcomeViewModel(new WelcomeMemory(data.resolve("missing")),
                Background.immediate(), () -> { });
        model.showIfFirstRun();
        assertThat(model.showingProperty().get()).isTrue();
    }
}
