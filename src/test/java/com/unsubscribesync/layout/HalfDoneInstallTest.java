package com.unsubscribesync.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.salesforce.PageLayout;
import com.unsubscribesync.salesforce.SalesforceOrg;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing on several layouts when names are awkward or the org fails part-way (issue 15, point 6). */
class HalfDoneInstallTest {
    private static final String CONTACT_LAYOUT = "Contact-Contact Layout";
    private static final String PACKAGED = "Contact-mkto_si__MSI Contact Layout";
    /** 60 characters, over 500 bytes once URL-encoded: more than any file system allows in one name. */
    private static final String LONG_NAME = "営業部門向けの取引先責任者ページレイアウト（東日本地域の大口顧客・医療機関・薬局チェーン担当者用）"
            + "Ärzte & Zahnärzte";
    private static final Map<String, String> NAME_FORBIDDEN_ON_WINDOWS = Map.of("reserved", "CON", "characters",
            "a<b>c:d\"e/f\\g|h?i*j");

    @TempDir
    Path dataDirectory;
    private LayoutHarness harness;
    private PageLayouts layouts;

    @BeforeEach
    void start() throws Exception {
        harness = new LayoutHarness(dataDirectory, options -> options);
        layouts = harness.layouts;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aLayoutWithALongNonAsciiNameIsInstalledAndUndoneWithAShortPortableBackupName() throws IOException {
        String fullName = "Contact-" + LONG_NAME;
        assertThat(URLEncoder.encode(fullName, StandardCharsets.UTF_8).length()).isGreaterThan(255);
        harness.org.state().saveLayoutAs(CONTACT_LAYOUT, fullName);
        PageLayout before = harness.read(fullName);

        InstallReport report = layouts.install(SObjectType.CONTACT, Optional.of(LONG_NAME), false);

        assertThat(report.layouts()).singleElement().satisfies(change -> {
            assertThat(change.fullName()).isEqualTo(fullName);
            assertThat(change.outcome()).isEqualTo(LayoutChange.Outcome.ADDED);
        });
        assertThat(harness.read(fullName).itemFor("HasOptedOutOfEmail")).isPresent();
        Path backup = backups().get(0);
        String name = backup.getFileName().toString();
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThan(128);
        assertThat(name).matches("Contact-_Arzte_Zahnarzte-[0-9a-f]{12}-[0-9]{8}T[0-9]{6}\\.[0-9]{3}Z\\.json");
        assertThat(layouts.undoable(SObjectType.CONTACT)).extracting(LayoutBackup::fullName).containsExactly(fullName);

        assertThat(layouts.undo(SObjectType.CONTACT, LONG_NAME, false).identical()).isTrue();
        assertThat(harness.read(fullName).document()).isEqualTo(before.document());
    }

    @Test
    void backupNamesStayPortableWhateverTheLayoutIsCalled() {
        for (String layout : NAME_FORBIDDEN_ON_WINDOWS.values()) {
            String stem = LayoutBackups.fileStem("Contact-" + layout);
            assertThat(stem).matches("Contact-[A-Za-z0-9_-]*-[0-9a-f]{12}");
        }
        assertThat(LayoutBackups.fileStem("Contact-a<b")).isNotEqualTo(LayoutBackups.fileStem("Contact-a>b"));
        assertThat(LayoutBackups.fileStem("日本語")).matches("layout-[0-9a-f]{12}");
        assertThat(LayoutBackups.fileStem("Contact-" + "x".repeat(300)).length())
                .isLessThanOrEqualTo(LayoutBackups.PREFIX_LENGTH + 13);
    }

    @Test
    void aFailureAtTheThirdOfFiveLayoutsReportsTwoChangedOneFailedTwoNotTriedAndBothChangedUndo() {
        for (String copy : List.of("A", "B", "C")) {
            harness.org.state().saveLayoutAs(CONTACT_LAYOUT, CONTACT_LAYOUT + " " + copy);
        }
        Map<String, String> before = Stream.of(CONTACT_LAYOUT, CONTACT_LAYOUT + " A", CONTACT_LAYOUT + " B",
                CONTACT_LAYOUT + " C", PACKAGED).collect(Collectors.toMap(Function.identity(),
                        n -> harness.read(n).document()));
        harness.org.faults().metadataOutageAfterSaves(2);

        InstallReport report = layouts.install(SObjectType.CONTACT, Optional.empty(), false);

        assertThat(report.anyFailed()).isTrue();
        assertThat(report.labels(LayoutChange.Outcome.ADDED)).containsExactly("Contact Layout", "Contact Layout A");
        assertThat(report.labels(LayoutChange.Outcome.FAILED)).containsExactly("Contact Layout B");
        assertThat(report.labels(LayoutChange.Outcome.NOT_TRIED))
                .containsExactly("Contact Layout C", "MSI Contact Layout (mkto_si)");
        assertThat(report.stoppedBecause()).hasValueSatisfying(why -> assertThat(why)
                .contains("stopped at layout Contact Layout B").doesNotContain("\n"));
        assertThat(report.layouts()).filteredOn(c -> c.outcome() == LayoutChange.Outcome.FAILED).singleElement()
                .satisfies(c -> assertThat(c.problem()).hasValueSatisfying(p -> assertThat(p)
                        .contains("may have been saved").contains("layout undo")));

        harness.org.faults().clear();
        assertThat(harness.read(CONTACT_LAYOUT + " C").document()).isEqualTo(before.get(CONTACT_LAYOUT + " C"));
        assertThat(harness.read(PACKAGED).document()).isEqualTo(before.get(PACKAGED));
        assertThat(layouts.undoable(SObjectType.CONTACT)).extracting(LayoutBackup::fullName)
                .containsExactlyInAnyOrder(CONTACT_LAYOUT, CONTACT_LAYOUT + " A", CONTACT_LAYOUT + " B");
        for (String changed : List.of(CONTACT_LAYOUT, CONTACT_LAYOUT + " A")) {
            assertThat(harness.read(changed).itemFor("HasOptedOutOfEmail")).isPresent();
            assertThat(layouts.undo(SObjectType.CONTACT, changed, false).identical()).isTrue();
            assertThat(harness.read(changed).document()).isEqualTo(before.get(changed));
        }
    }

    @Test
    void everyOriginalIsKeptBeforeTheFirstLayoutIsSaved() {
        AtomicInteger keptAtFirstSave = new AtomicInteger(-1);
        SalesforceOrg watched = watchingSaves(harness.salesforce, () -> {
            if (keptAtFirstSave.get() < 0) {
                keptAtFirstSave.set(backupsQuietly().size());
            }
        });
        PageLayouts withWatched = new PageLayouts(() -> Optional.of(watched), harness.settings,
                new LayoutBackups(dataDirectory.resolve(LayoutBackups.DIRECTORY)), Clock.systemUTC());

        InstallReport report = withWatched.install(SObjectType.LEAD, Optional.empty(), false);

        assertThat(report.labels(LayoutChange.Outcome.ADDED)).hasSize(2);
        assertThat(keptAtFirstSave.get()).isEqualTo(2);
    }

    @Test
    void anOriginalThatCannotBeKeptChangesNoLayout() throws IOException {
        Files.writeString(dataDirectory.resolve(LayoutBackups.DIRECTORY), "not a folder");
        PageLayout before = harness.read(CONTACT_LAYOUT);

        assertThatThrownBy(() -> layouts.install(SObjectType.CONTACT, Optional.empty(), false))
                .isInstanceOfSatisfying(LayoutException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LayoutException.Reason.BACKUP_FAILED);
                    assertThat(e.getMessage()).contains("no layout was changed").doesNotContain("\n");
                });
        assertThat(harness.read(CONTACT_LAYOUT).document()).isEqualTo(before.document());
        assertThat(harness.read(PACKAGED).itemFor("HasOptedOutOfEmail")).isEmpty();
    }

    @Test
    void aBackupNamedTheOldWayIsStillFoundForUndo() throws IOException {
        PageLayout before = harness.read(PACKAGED);
        layouts.install(SObjectType.CONTACT, Optional.of("MSI Contact Layout"), false);
        Path kept = backups().get(0);
        Files.move(kept, kept.resolveSibling(URLEncoder.encode(PACKAGED, StandardCharsets.UTF_8)
                + "-20261101T101010.000Z.json"));

        assertThat(layouts.undoable(SObjectType.CONTACT)).extracting(LayoutBackup::fullName).containsExactly(PACKAGED);
        assertThat(layouts.undo(SObjectType.CONTACT, "MSI Contact Layout", false).identical()).isTrue();
        assertThat(harness.read(PACKAGED).document()).isEqualTo(before.document());
    }

    private List<Path> backups() throws IOException {
        try (Stream<Path> files = Files.list(dataDirectory.resolve(LayoutBackups.DIRECTORY))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private List<Path> backupsQuietly() {
        try {
            return backups();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The connected org, running {@code beforeSave} before each layout is saved. */
    private static SalesforceOrg watchingSaves(SalesforceOrg real, Runnable beforeSave) {
        return (SalesforceOrg) java.lang.reflect.Proxy.newProxyInstance(SalesforceOrg.class.getClassLoader(),
                new Class<?>[] {SalesforceOrg.class}, (proxy, method, args) -> {
                    if (method.getName().equals("addField")) {
                        beforeSave.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
