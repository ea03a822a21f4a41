package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.testing.TestClock;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService.ImportDecision;
import com.unsubscribesync.ui.DialogService.NewUnsubscribe;
import com.unsubscribesync.ui.DialogService.ResubscribeAnswer;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.unsubscribes.PagedUnsubscribes;
import com.unsubscribesync.ui.unsubscribes.UnsubscribeRow;
import com.unsubscribesync.ui.unsubscribes.UnsubscribesViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsubscribesViewModelTest {
    @TempDir
    Path data;

    private ConsoleFixture<InMemoryOrg> fixture;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private UnsubscribesViewModel model;

    @BeforeEach
    void open() {
        fixture = ConsoleFixture.inMemory(data, TestClock.at("2024-06-03T12:00:00Z"), 0);
        fixture.workspace
                .unsubscribes()
                .addAll(IntStream.range(0, 5_000)
                        .mapToObj(i -> new Unsubscribe(
                                new Email("u" + String.format("%05d", i) + "@example.com"),
                                Instant.parse("2024-05-01T10:00:00Z"),
                                UnsubscribeSource.CLICKED_LINK,
                                "intake",
                                Optional.empty()))
                        .iterator());
        model = fixture.unsubscribes(Background.immediate(), dialogs);
        model.reload();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theListReadsOnlyThePagesThatAreShown() {
        PagedUnsubscribes rows = model.rows();
        assertThat(rows).hasSize(5_000);
        assertThat(rows.pageReads()).isZero();

        assertThat(rows.get(4_321).emailProperty().get()).isEqualTo("u04321@example.com");
        assertThat(rows.get(4_399).sourceProperty().get()).isEqualTo("Clicked Link");
        assertThat(rows.pageReads()).isEqualTo(1);
        IntStream.range(0, 5_000).forEach(rows::get);
        assertThat(rows.pagesKept()).isLessThanOrEqualTo(40);
        assertThat(model.totalProperty().get()).isEqualTo("5,000 unsubscribes");
    }

    @Test
    void searchNarrowsTheListByEmailPrefix() {
        model.searchProperty().set("U0012");
        assertThat(model.rows()).hasSize(10);
        assertThat(model.totalProperty().get()).isEqualTo("10 matching \"U0012\"");
        assertThat(model.rows().get(0).emailProperty().get()).isEqualTo("u00120@example.com");
    }

    @Test
    void aNewSearchRefillsTheRowsTheTableAlreadyHolds() {
        PagedUnsubscribes rows = model.rows();
        UnsubscribeRow first = rows.get(0);
        model.searchProperty().set("u0012");
        assertThat(model.rows()).isSameAs(rows).hasSize(10);
        assertThat(rows.get(0)).isSameAs(first);
        assertThat(first.emailProperty().get()).isEqualTo("u00120@example.com");
        model.searchProperty().set("");
        assertThat(rows).hasSize(5_000);
        assertThat(first.emailProperty().get()).isEqualTo("u00000@example.com");
    }

    @Test
    void resubscribeNeedsAReasonAndLandsOnTheHistoryCard() {
        model.searchProperty().set("u00007@");
        model.selectedProperty().set(model.rows().get(0));
        dialogs.answer(new ResubscribeAnswer("  ")).answer(new ResubscribeAnswer("Asked to hear from us again"));

        model.resubscribe();
        assertThat(dialogs.saw("error: Resubscribe: A resubscribe needs a reason"))
                .isTrue();
        assertThat(fixture.workspace.unsubscribes().isUnsubscribed(new Email("u00007@example.com")))
                .isTrue();

        model.resubscribe();
        assertThat(fixture.workspace.unsubscribes().isUnsubscribed(new Email("u00007@example.com")))
                .isFalse();
        assertThat(dialogs.saw("Salesforce still has the opt-out checked: use Uncheck in Salesforce… next"))
                .isTrue();
        assertThat(fixture.workspace.unsubscribes().history(new Email("u00007@example.com")))
                .extracting(h -> h.action().label())
                .containsExactly("Unsubscribe", "Resubscribe");
    }

    @Test
    void theHistoryCardShowsTheSelectedPerson() {
        model.selectedProperty().set(model.rows().get(3));
        assertThat(model.historyTitleProperty().get()).isEqualTo("History of u00003@example.com");
        assertThat(model.history()).singleElement().satisfies(line -> {
            assertThat(line.action()).isEqualTo("Unsubscribe");
            assertThat(line.when()).isEqualTo("Wed 1 May 2024, 12:00");
        });
    }

    @Test
    void importShowsTheReportBeforeAnythingIsWritten() throws Exception {
        Path csv = data.resolve("list.csv");
        Files.writeString(csv, "email,reason\nnew1@example.com,fair\nnot-an-email,x\nnew2@example.com,\n");
        dialogs.answer(csv).answer(ImportDecision.CANCEL);

        model.importCsv();
        assertThat(dialogs.lastImportReport.problems())
                .singleElement()
                .asString()
                .startsWith("line 3: ");
        assertThat(fixture.workspace.unsubscribes().count()).isEqualTo(5_000);

        dialogs.answer(csv).answer(ImportDecision.IMPORT_VALID_ROWS);
        model.importCsv();
        assertThat(fixture.workspace.unsubscribes().count()).isEqualTo(5_002);
        assertThat(dialogs.saw("info: Import CSV: 2 unsubscribes were added")).isTrue();
    }

    @Test
    void addRecordsAManualUnsubscribeAndRefusesABadAddressInTheDialog() {
        dialogs.answer(new NewUnsubscribe("no at sign", ""))
                .answer(new NewUnsubscribe(" Zed@Example.com ", "by phone"));
        model.add();
        assertThat(dialogs.saw("refused in dialog: Not added: email 'no at sign' contains a space."))
                .isTrue();
        assertThat(fixture.workspace.unsubscribes().find(new Email("zed@example.com")))
                .hasValueSatisfying(u -> {
                    assertThat(u.source()).isEqualTo(UnsubscribeSource.MANUAL);
                    assertThat(u.reason()).contains("by phone");
                });
        assertThat(fixture.workspace.outbox().pendingCount()).isEqualTo(5_001);
    }

    @Test
    void theAddDialogRefusesWhatTheCommandLineAndAnImportRefuseAndKeepsNothing() {
        dialogs.answer(new NewUnsubscribe("ann@example.com", "r".repeat(1001)))
                .answer(new NewUnsubscribe("ann@example.com", "esc\u001b[2J"))
                .answer(new NewUnsubscribe("ann@example.com", "refund \u202egnp.exe"))
                .answer(new NewUnsubscribe("a\u200bnn@example.com", ""))
                .answer(new NewUnsubscribe("\ufeffann@example.com", ""));

        model.add();

        assertThat(dialogs.saw("refused in dialog: Not added: the reason is 1001 characters long; the most it can "
                        + "have is 1000: shorten it."))
                .isTrue();
        assertThat(dialogs.saw("refused in dialog: Not added: the reason contains a control character (\\u001b)"))
                .isTrue();
        assertThat(dialogs.saw("(U+202E right-to-left override)")).isTrue();
        assertThat(dialogs.saw("contains an invisible character (U+200B zero width space)"))
                .isTrue();
        assertThat(dialogs.saw("contains an invisible character (U+FEFF zero width no-break space)"))
                .isTrue();
        assertThat(fixture.workspace.unsubscribes().count()).isEqualTo(5_000);
        assertThat(fixture.workspace.outbox().pendingCount()).isEqualTo(5_000);
    }

    @Test
    void anAddressTypedInAnotherFormIsTheUnsubscribeAlreadyThere() {
        dialogs.answer(new NewUnsubscribe("U00007@EXAMPLE.COM", ""))
                .answer(new NewUnsubscribe("bob@m\u00fcnchen.de", ""))
                .answer(new NewUnsubscribe("\u0130NFO@example.com", ""));
        model.add();
        assertThat(dialogs.saw("info: Add an unsubscribe: u00007@example.com was already unsubscribed"))
                .isTrue();
        model.add();
        model.add();
        assertThat(fixture.workspace.unsubscribes().isUnsubscribed(new Email("bob@xn--mnchen-3ya.de")))
                .isTrue();
        assertThat(fixture.workspace.unsubscribes().isUnsubscribed(new Email("info@example.com")))
                .isTrue();
        assertThat(fixture.workspace.unsubscribes().count()).isEqualTo(5_002);
    }

    @Test
    void aResubscribeReasonIsCheckedBeforeAnythingChanges() {
        model.searchProperty().set("u00007@");
        model.selectedProperty().set(model.rows().get(0));
        dialogs.answer(new ResubscribeAnswer("r".repeat(1001))).answer(new ResubscribeAnswer("a\u001bb"));

        model.resubscribe();
        model.resubscribe();

        assertThat(dialogs.saw("error: Resubscribe: Nothing was changed: the reason is 1001 characters long"))
                .isTrue();
        assertThat(dialogs.saw("error: Resubscribe: Nothing was changed: the reason contains a control character"))
                .isTrue();
        assertThat(fixture.workspace.unsubscribes().isUnsubscribed(new Email("u00007@example.com")))
                .isTrue();
    }
}
