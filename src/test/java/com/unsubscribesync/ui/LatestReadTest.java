package com.unsubscribesync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LatestReadTest {
    /** Holds each job's answer until the test lets it come back, in whatever order the test chooses. */
    private static final class HeldBack implements Background {
        final List<Runnable> answers = new ArrayList<>();

        @Override
        public <T> Running submit(Job<T> job, Consumer<T> done, Consumer<Throwable> failed) {
            answers.add(() -> {
                try {
                    done.accept(job.run(Progress.NONE));
                } catch (Exception e) {
                    failed.accept(e);
                }
            });
            return null;
        }
    }

    @Test
    void anOlderReadThatFinishesLastDoesNotReplaceTheNewerReading() {
        HeldBack background = new HeldBack();
        LatestRead reads = new LatestRead(background);
        List<String> shown = new ArrayList<>();
        reads.read(p -> "before the change", shown::add, e -> {});
        reads.read(p -> "after the change", shown::add, e -> {});

        background.answers.get(1).run();
        background.answers.get(0).run();

        assertThat(shown).containsExactly("after the change");
    }

    @Test
    void readsThatFinishInTheirOrderAreEachShown() {
        HeldBack background = new HeldBack();
        LatestRead reads = new LatestRead(background);
        List<String> shown = new ArrayList<>();
        reads.read(p -> "first", shown::add, e -> {});
        background.answers.get(0).run();
        reads.read(p -> "second", shown::add, e -> {});
        background.answers.get(1).run();

        assertThat(shown).containsExactly("first", "second");
    }
}
