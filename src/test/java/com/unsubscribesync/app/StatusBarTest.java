package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.shell.ShellViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusBarTest {
    @TempDir
    Path data;

    private ConsoleFixture<InMemoryOrg> fixture;

    /** Reads at once, as a background thread would, but holds each answer until the test lets it reach the screen. */
    private static final class AnswersHeldBack implements Background {
        final List<Runnable> answers = new ArrayList<>();

        @Override
        public <T> Running submit(Job<T> job, Consumer<T> done, Consumer<Throwable> failed) {
            try {
                T answer = job.run(Progress.NONE);
                answers.add(() -> done.accept(answer));
            } catch (Exception e) {
                answers.add(() -> failed.accept(e));
            }
            return null;
        }
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aChangeWhileTheStatusIsBeingReadIsShownOnceThatReadEnds() {
        fixture = ConsoleFixture.inMemory(data, Clock.systemUTC(), 0);
        AnswersHeldBack background = new AnswersHeldBack();
        ShellViewModel shell = new ShellViewModel(
                fixture.workspace.connectOrg(),
                fixture.workspace.overview(),
                ZoneOffset.UTC,
                background,
                Screen.UNSUBSCRIBES);

        shell.refreshStatus();
        fixture.workspace
                .unsubscribes()
                .add(new Unsubscribe(
                        Email.parse("ann@example.com"),
                        Instant.now(),
                        UnsubscribeSource.MANUAL,
                        "admin",
                        Optional.empty()));
        shell.refreshStatus();
        background.answers.get(0).run();
        assertThat(shell.outboxProperty().get())
                .as("the look that read before the change")
                .isEqualTo("Outbox empty");

        assertThat(background.answers).as("a second look, for the change").hasSize(2);
        background.answers.get(1).run();
        assertThat(shell.outboxProperty().get()).isEqualTo("1 push waiting");
    }
}
