package com.unsubscribesync.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.store.Change;
import com.unsubscribesync.testing.Eventually;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class ScreensFollowChangesTest {
    private final AtomicInteger unsubscribesRead = new AtomicInteger();
    private final AtomicInteger conflictsRead = new AtomicInteger();
    private final AtomicInteger offTheFxThread = new AtomicInteger();
    private final ScreensFollowChanges screens = new ScreensFollowChanges(
            Map.of(Change.UNSUBSCRIBES, () -> read(unsubscribesRead), Change.CONFLICTS, () -> read(conflictsRead)));

    @Test
    void tenThousandChangesAnnouncedTogetherAreReadAtOnceAndOnceMoreAtMostOnTheFxThread() throws Exception {
        Thread importing = new Thread(() -> {
            for (int batch = 0; batch < 10_000; batch++) {
                screens.changed(Change.UNSUBSCRIBES);
            }
        });
        importing.start();
        importing.join();

        Eventually.within(Duration.ofSeconds(5)).until("the list read again", () -> unsubscribesRead.get() > 0);
        assertThat(unsubscribesRead).as("reads of the list").hasValueBetween(1, 2);
        assertThat(offTheFxThread).hasValue(0);
        assertThat(conflictsRead).as("a screen whose data did not change").hasValue(0);
    }

    @Test
    void aChangeAfterTheReadIsReadAgain() {
        screens.changed(Change.CONFLICTS);
        Eventually.within(Duration.ofSeconds(5)).until("the first read", () -> conflictsRead.get() == 1);
        screens.changed(Change.CONFLICTS);
        Eventually.within(Duration.ofSeconds(5)).until("the second read", () -> conflictsRead.get() == 2);
    }

    @Test
    void aKindNoScreenShowsIsLeftAlone() {
        screens.changed(Change.OUTBOX);
        screens.changed(Change.CONFLICTS);
        Eventually.within(Duration.ofSeconds(5)).until("the conflicts read", () -> conflictsRead.get() == 1);
        assertThat(unsubscribesRead).hasValue(0);
    }

    private void read(AtomicInteger reads) {
        if (!Platform.isFxApplicationThread()) {
            offTheFxThread.incrementAndGet();
        }
        reads.incrementAndGet();
    }
}
