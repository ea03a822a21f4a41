package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.ConflictRepository.NewConflict;
import com.unsubscribesync.testing.TestClock;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.conflicts.ConflictsViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A conflict decided in the console takes a reason only as the command line and an import do. */
class ConflictReasonTest {
    private static final Email ANN = new Email("ann@example.com");

    @TempDir
    Path data;

    private ConsoleFixture<InMemoryOrg> fixture;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private ConflictsViewModel model;

    @BeforeEach
    void aResubscribedInSalesforceConflict() {
        fixture = ConsoleFixture.inMemory(data, TestClock.at("2024-06-03T12:00:00Z"), 0);
        fixture.workspace
                .unsubscribes()
                .add(new Unsubscribe(
                        ANN,
                        Instant.parse("2024-05-01T10:00:00Z"),
                        UnsubscribeSource.MANUAL,
                        "admin",
                        Optional.empty()));
        fixture.workspace
                .conflicts()
                .record(
                        new NewConflict(
                                ConflictKind.RESUBSCRIBED_IN_SALESFORCE,
                                Optional.of(ANN),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                "unchecked in Salesforce"),
                        Instant.parse("2024-06-01T10:00:00Z"));
        model = fixture.conflicts(Background.immediate(), dialogs);
        model.refresh();
        model.selection().setAll(model.open());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aResubscribeReasonOverAThousandCharactersOrWithAControlCharacterChangesNothing() {
        ConflictsViewModel.Action resubscribe = new ConflictsViewModel.Action("resubscribe", "Resubscribe");
        dialogs.answer("r".repeat(1001)).answer("x\u001b[2Jy").answer("asked to hear from us again");

        model.act(resubscribe);
        model.act(resubscribe);

        assertThat(dialogs.saw("error: Resubscribe: Nothing was changed: the reason is 1001 characters long"))
                .isTrue();
        assertThat(dialogs.saw("error: Resubscribe: Nothing was changed: the reason contains a control character "
                        + "(\\u001b)"))
                .isTrue();
        assertThat(fixture.workspace.unsubscribes().isUnsubscribed(ANN)).isTrue();
        assertThat(fixture.workspace.conflicts().open(Optional.empty(), 10)).hasSize(1);

        model.act(resubscribe);

        assertThat(fixture.workspace.unsubscribes().isUnsubscribed(ANN)).isFalse();
        assertThat(fixture.workspace.conflicts().open(Optional.empty(), 10)).isEmpty();
    }
}
