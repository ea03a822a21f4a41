package com.unsubscribesync.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.Permission;
import com.unsubscribesync.salesforce.FieldPlacement;
import com.unsubscribesync.salesforce.ListedLayout;
import com.unsubscribesync.salesforce.PageLayout;
import com.unsubscribesync.salesforce.SalesforceLayouts;
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

/** Inspecting, installing and undoing the opt-out field on page layouts, against the local org. */
class PageLayoutsTest {
    private static final String CONTACT_LAYOUT = "Contact-Contact Layout";
    private static final String PACKAGED_CONTACT_LAYOUT = "Contact-mkto_si__MSI Contact Layout";

    /** 60 characters, over 500 bytes once URL-encoded: more than any file system allows in one name. */
    private static final String LONG_NAME = "営業部門向けの取引先責任者ページレイアウト（東日本地域の大口顧客・医療機関・薬局チェーン担当者用）" + "Ärzte & Zahnärzte";

    private static final Map<String, String> NAME_FORBIDDEN_ON_WINDOWS =
            Map.of("reserved", "CON", "characters", "a<b>c:d\"e/f\\g|h?i*j");

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
    void theInspectionShowsEveryLayoutOfBothObjectsWithWhetherTheFieldIsOnItAndHow() {
        Inspection inspection = layouts.inspect();
        assertThat(inspection.rights().canModifyLayouts()).isTrue();
        ObjectLayouts contact = inspection.of(SObjectType.CONTACT).orElseThrow();
        assertThat(contact.fieldApiName()).contains("HasOptedOutOfEmail");
        assertThat(contact.visibility()).isEqualTo(FieldVisibility.EDITABLE);
        assertThat(contact.layouts())
                .extracting(LayoutState::fullName, LayoutState::present)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CONTACT_LAYOUT, false),
                        org.assertj.core.groups.Tuple.tuple("Contact-Marketing Contact Layout", true),
                        org.assertj.core.groups.Tuple.tuple(PACKAGED_CONTACT_LAYOUT, false));
        assertThat(contact.layouts().get(1).behavior()).contains("Edit");
        assertThat(contact.layouts()).allMatch(LayoutState::readable);
        assertThat(contact.onEveryLayout()).contains(false);
        assertThat(contact.problem())
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("2 of 3")
                        .contains("Contact Layout")
                        .contains("MSI Contact Layout (mkto_si)"));

        ObjectLayouts lead = inspection.of(SObjectType.LEAD).orElseThrow();
        assertThat(lead.layouts())
                .extracting(LayoutState::fullName)
                .containsExactlyInAnyOrder(
                        "Lead-Lead Layout",
                        "Lead-Sales Lead Layout",
                        "Lead-Lead %28Marketing%29 Layout",
                        "Lead-mkto_si__MSI Lead Layout");
        assertThat(lead.missing())
                .extracting(LayoutState::label)
                .containsExactly("Sales Lead Layout", "MSI Lead Layout (mkto_si)");
        assertThat(lead.layouts())
                .allSatisfy(l -> assertThat(l.setupUrl())
                        .startsWith(harness.org.url())
                        .contains("/lightning/setup/ObjectManager/Lead/PageLayouts/00h"));
    }

    @Test
    void addingTheFieldToAContactLayoutPutsItBelowEmailAndUndoRestoresTheLayoutAsTheOrgReturnedIt() throws IOException {
        PageLayout before = harness.read(CONTACT_LAYOUT);

        InstallReport report = layouts.install(SObjectType.CONTACT, Optional.of("Contact Layout"), false);
        assertThat(report.layouts()).singleElement().satisfies(change -> {
            assertThat(change.outcome()).isEqualTo(LayoutChange.Outcome.ADDED);
            SectionPreview preview = change.preview().orElseThrow();
            assertThat(preview.sectionLabel()).isEqualTo("Contact Information");
            assertThat(preview.column()).isEqualTo(2);
            assertThat(preview.afterField()).contains("Email");
            assertThat(preview.columns().get(1)).containsExactly("Email", "HasOptedOutOfEmail", "Phone");
        });
        assertThat(layouts.inspectNow().of(SObjectType.CONTACT).orElseThrow().layouts())
                .filteredOn(l -> l.fullName().equals(CONTACT_LAYOUT))
                .singleElement()
                .satisfies(l -> assertThat(l.behavior()).contains("Edit"));

        Path backupFile = onlyBackup();
        JsonNode backup = new ObjectMapper().readTree(backupFile.toFile());
        assertThat(backup.get("original").asText()).isEqualTo(before.document());
        assertThat(Files.readString(backupFile))
                .doesNotContain(harness.org.clientSecret())
                .doesNotContain("sessionId");
        assertThat(layouts.undoable(SObjectType.CONTACT))
                .extracting(LayoutBackup::fullName)
                .containsExactly(CONTACT_LAYOUT);

        UndoReport undone = layouts.undo(SObjectType.CONTACT, CONTACT_LAYOUT, false);
        assertThat(undone.identical()).isTrue();
        assertThat(harness.read(CONTACT_LAYOUT).document())
                .isEqualTo(backup.get("original").asText());
        assertThat(layouts.inspectNow().of(SObjectType.CONTACT).orElseThrow().missing())
                .extracting(LayoutState::fullName)
                .containsExactly(CONTACT_LAYOUT, PACKAGED_CONTACT_LAYOUT);
        assertThatThrownBy(() -> layouts.undo(SObjectType.CONTACT, CONTACT_LAYOUT, false))
                .isInstanceOfSatisfying(
                        LayoutException.class, e -> assertThat(e.reason()).isEqualTo(LayoutException.Reason.NO_BACKUP));
    }

    @Test
    void aDryRunShowsWhereTheFieldWouldGoAndWritesNothing() {
        PageLayout before = harness.read(CONTACT_LAYOUT);
        InstallReport preview = layouts.preview(SObjectType.CONTACT, Optional.empty());
        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.layouts())
                .extracting(LayoutChange::fullName, LayoutChange::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CONTACT_LAYOUT, LayoutChange.Outcome.WOULD_ADD),
                        org.assertj.core.groups.Tuple.tuple(
                                "Contact-Marketing Contact Layout", LayoutChange.Outcome.ALREADY_THERE),
                        org.assertj.core.groups.Tuple.tuple(PACKAGED_CONTACT_LAYOUT, LayoutChange.Outcome.WOULD_ADD));
        assertThat(preview.layouts().get(0).preview()).isPresent();
        assertThat(harness.read(CONTACT_LAYOUT).document()).isEqualTo(before.document());
        assertThat(dataDirectory.resolve(LayoutBackups.DIRECTORY)).doesNotExist();
    }

    @Test
    void installingOnEveryLeadLayoutPutsTheFieldOnAllOfThem() {
        InstallReport report = layouts.install(SObjectType.LEAD, Optional.empty(), false);
        assertThat(report.layouts())
                .filteredOn(c -> c.outcome() == LayoutChange.Outcome.ADDED)
                .extracting(LayoutChange::label)
                .containsExactly("Sales Lead Layout", "MSI Lead Layout (mkto_si)");
        assertThat(layouts.inspect().of(SObjectType.LEAD).orElseThrow().onEveryLayout())
                .contains(true);
    }

    @Test
    void aUserWithoutModifyAllDataOrModifyMetadataIsRefusedAndGetsTheRequestForTheirAdmin() {
        PageLayout before = harness.read(CONTACT_LAYOUT);
        harness.org.state().setPermission(Permission.MODIFY_ALL_DATA, false);
        harness.org.state().setPermission(Permission.MODIFY_METADATA, false);

        assertThatThrownBy(() -> layouts.install(SObjectType.CONTACT, Optional.empty(), false))
                .isInstanceOfSatisfying(LayoutException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LayoutException.Reason.NO_PERMISSION);
                    assertThat(e.getMessage())
                            .contains("Modify Metadata Through Metadata API Functions")
                            .doesNotContain("\n");
                    assertThat(e.adminRequest())
                            .hasValueSatisfying(text -> assertThat(text)
                                    .contains("\"Email Opt Out\" (HasOptedOutOfEmail)")
                                    .contains("Setup > Object Manager > Contact > Page Layouts")
                                    .contains("/lightning/setup/ObjectManager/Contact/PageLayouts/view")
                                    .contains("Modify Metadata Through Metadata API Functions"));
                });
        Inspection inspection = layouts.inspectNow();
        assertThat(inspection.rights().canModifyLayouts()).isFalse();
        ObjectLayouts contact = inspection.of(SObjectType.CONTACT).orElseThrow();
        assertThat(contact.layoutsReadable()).isFalse();
        assertThat(contact.onEveryLayout()).isEmpty();
        assertThat(contact.problem()).hasValueSatisfying(p -> assertThat(p).contains("ask a Salesforce admin"));
        assertThat(layouts.askYourAdmin(SObjectType.LEAD)).contains("every Lead page layout");
        harness.org.state().setPermission(Permission.MODIFY_METADATA, true);
        assertThat(harness.read(CONTACT_LAYOUT).document()).isEqualTo(before.document());
    }

    @Test
    void aUserWithModifyMetadataButWithoutCustomizeApplicationSeesTheLayoutsButIsRefusedTheChange() {
        PageLayout before = harness.read(CONTACT_LAYOUT);
        harness.org.state().setPermission(Permission.CUSTOMIZE_APPLICATION, false);

        Inspection inspection = layouts.inspectNow();
        assertThat(inspection.rights().canModifyLayouts()).isFalse();
        assertThat(inspection.of(SObjectType.CONTACT).orElseThrow().layoutsReadable())
                .isTrue();
        assertThatThrownBy(() -> layouts.install(SObjectType.CONTACT, Optional.empty(), false))
                .isInstanceOfSatisfying(LayoutException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LayoutException.Reason.NO_PERMISSION);
                    assertThat(e.getMessage())
                            .contains("Customize Application")
                            .doesNotContain("Modify Metadata Through");
                    assertThat(e.adminRequest())
                            .hasValueSatisfying(
                                    text -> assertThat(text).contains("the permission Customize Application"));
                });
        assertThat(harness.read(CONTACT_LAYOUT).document()).isEqualTo(before.document());
    }

    @Test
    void aFieldHiddenOrReadOnlyByFieldLevelSecurityIsReportedAsSuch() {
        harness.org.state().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.HIDDEN);
        harness.org.state().setFieldAccess("Lead", "HasOptedOutOfEmail", FieldAccess.READONLY);
        Inspection inspection = layouts.inspectNow();
        ObjectLayouts contact = inspection.of(SObjectType.CONTACT).orElseThrow();
        assertThat(contact.visibility()).isEqualTo(FieldVisibility.HIDDEN);
        assertThat(contact.problem())
                .hasValueSatisfying(p -> assertThat(p).contains("hidden").contains("field-level security"));
        assertThat(contact.layouts()).filteredOn(LayoutState::present).hasSize(1);
        assertThat(inspection.of(SObjectType.LEAD).orElseThrow().visibility()).isEqualTo(FieldVisibility.READ_ONLY);

        InstallReport report = layouts.install(SObjectType.CONTACT, Optional.empty(), false);
        assertThat(report.fieldNote())
                .hasValueSatisfying(note -> assertThat(note).contains("field-level security"));
        assertThat(layouts.askYourAdmin(SObjectType.CONTACT)).contains("Visible and Edit access");
    }

    @Test
    void thePackageFieldGoesBelowEmailOptOutWhereTheLayoutHasIt() {
        harness.settings(s -> s.withField(com.unsubscribesync.domain.OptOutField.MARKETO_SALES_OPT_OUT));
        InstallReport preview = layouts.preview(SObjectType.LEAD, Optional.of("Lead Layout"));
        assertThat(preview.fieldApiName()).isEqualTo("mkto_si__Marketo_Sales_Opt_Out__c");
        SectionPreview section = preview.layouts().get(0).preview().orElseThrow();
        assertThat(section.sectionLabel()).isEqualTo("Email Preferences");
        assertThat(section.afterField()).contains("HasOptedOutOfEmail");
    }

    @Test
    void anUnknownLayoutNameIsRefusedWithTheNamesTheOrgHas() {
        assertThatThrownBy(() -> layouts.install(SObjectType.LEAD, Optional.of("Partner Layout"), true))
                .isInstanceOfSatisfying(LayoutException.class, e -> {
                    assertThat(e.reason()).isEqualTo(LayoutException.Reason.UNKNOWN_LAYOUT);
                    assertThat(e.getMessage()).contains("'Lead (Marketing) Layout'");
                });
        assertThat(layouts.preview(SObjectType.LEAD, Optional.of("Lead (Marketing) Layout"))
                        .layouts())
                .extracting(LayoutChange::fullName)
                .containsExactly("Lead-Lead %28Marketing%29 Layout");
    }

    @Test
    void undoRefusesToThrowAwayALaterChangeUnlessForced() {
        layouts.install(SObjectType.CONTACT, Optional.of(CONTACT_LAYOUT), false);
        PageLayout installed = harness.read(CONTACT_LAYOUT);
        harness.salesforce.layouts().addField(installed, new FieldPlacement("FirstName", 0, 0, 1));

        assertThatThrownBy(() -> layouts.undo(SObjectType.CONTACT, "Contact Layout", false))
                .isInstanceOfSatisfying(
                        LayoutException.class,
                        e -> assertThat(e.reason()).isEqualTo(LayoutException.Reason.CHANGED_SINCE_INSTALL));
        assertThat(harness.read(CONTACT_LAYOUT).itemFor("FirstName")).isPresent();
        assertThat(layouts.undo(SObjectType.CONTACT, "Contact Layout", true).identical())
                .isTrue();
        assertThat(harness.read(CONTACT_LAYOUT).itemFor("HasOptedOutOfEmail")).isEmpty();
    }

    @Test
    void theInspectionIsKeptUntilRefreshedAndForgottenAfterAChange() {
        Inspection first = layouts.inspect();
        long calls = harness.salesforce.records().callsMade();
        assertThat(layouts.inspect()).isSameAs(first);
        assertThat(harness.salesforce.records().callsMade()).isEqualTo(calls);
        assertThat(layouts.inspectNow()).isNotSameAs(first);
        layouts.install(SObjectType.CONTACT, Optional.empty(), false);
        assertThat(layouts.lastInspection()).isEmpty();
    }

    @Test
    void aPackagedLayoutIsCheckedInstalledAndUndoneByItsFullNameWithTheNamespace() {
        LayoutState listed = layouts.inspect().of(SObjectType.CONTACT).orElseThrow().layouts().stream()
                .filter(l -> l.fullName().equals(PACKAGED_CONTACT_LAYOUT))
                .findFirst()
                .orElseThrow();
        assertThat(listed.readable()).isTrue();
        assertThat(listed.present()).isFalse();
        assertThat(listed.label()).isEqualTo("MSI Contact Layout (mkto_si)");
        PageLayout before = harness.read(PACKAGED_CONTACT_LAYOUT);

        InstallReport report = layouts.install(SObjectType.CONTACT, Optional.of("MSI Contact Layout"), false);
        assertThat(report.layouts()).singleElement().satisfies(change -> {
            assertThat(change.fullName()).isEqualTo(PACKAGED_CONTACT_LAYOUT);
            assertThat(change.outcome()).isEqualTo(LayoutChange.Outcome.ADDED);
            assertThat(change.preview().orElseThrow().afterField()).contains("Email");
        });
        assertThat(harness.read(PACKAGED_CONTACT_LAYOUT).itemFor("HasOptedOutOfEmail"))
                .isPresent();
        assertThat(layouts.inspectNow().of(SObjectType.CONTACT).orElseThrow().layouts())
                .filteredOn(l -> l.fullName().equals(PACKAGED_CONTACT_LAYOUT))
                .singleElement()
                .satisfies(l -> assertThat(l.behavior()).contains("Edit"));
        assertThat(layouts.undoable(SObjectType.CONTACT))
                .extracting(LayoutBackup::label)
                .containsExactly("MSI Contact Layout (mkto_si)");

        assertThat(layouts.undo(SObjectType.CONTACT, "MSI Contact Layout (mkto_si)", false)
                        .identical())
                .isTrue();
        assertThat(harness.read(PACKAGED_CONTACT_LAYOUT).document()).isEqualTo(before.document());
    }

    @Test
    void aListedLayoutTheOrgWillNotReturnIsShownAsAProblemAndNeverDropped() {
        // The org as a client that forgets the namespace sees it: listed, but unreadable by that name.
        LayoutOrg forgetful =
                new LayoutOrg(harness.salesforce.records(), forgettingNamespaces(harness.salesforce.layouts()));
        PageLayouts withForgetful = new PageLayouts(
                () -> Optional.of(forgetful),
                harness.settings,
                new LayoutBackups(dataDirectory.resolve(LayoutBackups.DIRECTORY)),
                java.time.Clock.systemUTC());

        ObjectLayouts contact =
                withForgetful.inspectNow().of(SObjectType.CONTACT).orElseThrow();
        assertThat(contact.layouts()).hasSize(3);
        assertThat(contact.unreadable()).singleElement().satisfies(l -> {
            assertThat(l.fullName()).isEqualTo("Contact-MSI Contact Layout");
            assertThat(l.present()).isFalse();
        });
        assertThat(contact.onEveryLayout()).contains(false);
        assertThat(contact.problem())
                .hasValueSatisfying(p -> assertThat(p)
                        .contains("would not return")
                        .contains("MSI Contact Layout")
                        .contains("check it in Setup"));

        harness.salesforce
                .layouts()
                .addField(harness.read(CONTACT_LAYOUT), new FieldPlacement("HasOptedOutOfEmail", 0, 1, 1));
        ObjectLayouts rest = withForgetful.inspectNow().of(SObjectType.CONTACT).orElseThrow();
        assertThat(rest.onEveryLayout())
                .as("unknown while a layout cannot be read")
                .isEmpty();
        assertThat(rest.problem()).isPresent();

        InstallReport report = withForgetful.install(SObjectType.CONTACT, Optional.of("MSI Contact Layout"), false);
        assertThat(report.anyFailed()).isTrue();
        assertThat(report.layouts()).singleElement().satisfies(change -> {
            assertThat(change.outcome()).isEqualTo(LayoutChange.Outcome.FAILED);
            assertThat(change.problem()).hasValueSatisfying(p -> assertThat(p).contains("would not return"));
        });
    }

    /** The connected org, except that layouts are listed as listMetadata names them, without namespaces. */
    private static SalesforceLayouts forgettingNamespaces(SalesforceLayouts real) {
        return (SalesforceLayouts) java.lang.reflect.Proxy.newProxyInstance(
                SalesforceLayouts.class.getClassLoader(),
                new Class<?>[] {SalesforceLayouts.class},
                (proxy, method, args) -> {
                    try {
                        Object answer = method.invoke(real, args);
                        if (method.getName().equals("listLayouts") && answer instanceof java.util.Map<?, ?> all) {
                            java.util.Map<Object, Object> forgotten = new java.util.LinkedHashMap<>();
                            all.forEach((type, listed) -> forgotten.put(type, withoutNamespaces((List<?>) listed)));
                            return forgotten;
                        }
                        if (method.getName().equals("listLayouts")) {
                            return withoutNamespaces((List<?>) answer);
                        }
                        return answer;
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static List<ListedLayout> withoutNamespaces(List<?> listed) {
        return listed.stream()
                .map(ListedLayout.class::cast)
                .map(l -> new ListedLayout(
                        l.namespacePrefix()
                                .map(ns -> l.fullName().replace("-" + ns + "__", "-"))
                                .orElse(l.fullName()),
                        l.id()))
                .toList();
    }

    private Path onlyBackup() throws IOException {
        try (Stream<Path> files = Files.list(dataDirectory.resolve(LayoutBackups.DIRECTORY))) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
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
        Path backup = backupFiles().get(0);
        String name = backup.getFileName().toString();
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThan(128);
        assertThat(name).matches("Contact-_Arzte_Zahnarzte-[0-9a-f]{12}-[0-9]{8}T[0-9]{6}\\.[0-9]{3}Z\\.json");
        assertThat(layouts.undoable(SObjectType.CONTACT))
                .extracting(LayoutBackup::fullName)
                .containsExactly(fullName);

        assertThat(layouts.undo(SObjectType.CONTACT, LONG_NAME, false).identical())
                .isTrue();
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
        Map<String, String> before = Stream.of(
                        CONTACT_LAYOUT,
                        CONTACT_LAYOUT + " A",
                        CONTACT_LAYOUT + " B",
                        CONTACT_LAYOUT + " C",
                        PACKAGED_CONTACT_LAYOUT)
                .collect(Collectors.toMap(
                        Function.identity(), n -> harness.read(n).document()));
        harness.org.faults().metadataOutageAfterSaves(2);

        InstallReport report = layouts.install(SObjectType.CONTACT, Optional.empty(), false);

        assertThat(report.anyFailed()).isTrue();
        assertThat(report.labels(LayoutChange.Outcome.ADDED)).containsExactly("Contact Layout", "Contact Layout A");
        assertThat(report.labels(LayoutChange.Outcome.FAILED)).containsExactly("Contact Layout B");
        assertThat(report.labels(LayoutChange.Outcome.NOT_TRIED))
                .containsExactly("Contact Layout C", "MSI Contact Layout (mkto_si)");
        assertThat(report.stoppedBecause())
                .hasValueSatisfying(why -> assertThat(why)
                        .contains("stopped at layout Contact Layout B")
                        .doesNotContain("\n"));
        assertThat(report.layouts())
                .filteredOn(c -> c.outcome() == LayoutChange.Outcome.FAILED)
                .singleElement()
                .satisfies(c -> assertThat(c.problem())
                        .hasValueSatisfying(p ->
                                assertThat(p).contains("may have been saved").contains("layout undo")));

        harness.org.faults().clear();
        assertThat(harness.read(CONTACT_LAYOUT + " C").document()).isEqualTo(before.get(CONTACT_LAYOUT + " C"));
        assertThat(harness.read(PACKAGED_CONTACT_LAYOUT).document()).isEqualTo(before.get(PACKAGED_CONTACT_LAYOUT));
        assertThat(layouts.undoable(SObjectType.CONTACT))
                .extracting(LayoutBackup::fullName)
                .containsExactlyInAnyOrder(CONTACT_LAYOUT, CONTACT_LAYOUT + " A", CONTACT_LAYOUT + " B");
        for (String changed : List.of(CONTACT_LAYOUT, CONTACT_LAYOUT + " A")) {
            assertThat(harness.read(changed).itemFor("HasOptedOutOfEmail")).isPresent();
            assertThat(layouts.undo(SObjectType.CONTACT, changed, false).identical())
                    .isTrue();
            assertThat(harness.read(changed).document()).isEqualTo(before.get(changed));
        }
    }

    @Test
    void everyOriginalIsKeptBeforeTheFirstLayoutIsSaved() {
        AtomicInteger keptAtFirstSave = new AtomicInteger(-1);
        SalesforceLayouts saving = watchingSaves(harness.salesforce.layouts(), () -> {
            if (keptAtFirstSave.get() < 0) {
                keptAtFirstSave.set(backupsQuietly().size());
            }
        });
        LayoutOrg watched = new LayoutOrg(harness.salesforce.records(), saving);
        PageLayouts withWatched = new PageLayouts(
                () -> Optional.of(watched),
                harness.settings,
                new LayoutBackups(dataDirectory.resolve(LayoutBackups.DIRECTORY)),
                Clock.systemUTC());

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
        assertThat(harness.read(PACKAGED_CONTACT_LAYOUT).itemFor("HasOptedOutOfEmail"))
                .isEmpty();
    }

    @Test
    void aBackupNamedTheOldWayIsStillFoundForUndo() throws IOException {
        PageLayout before = harness.read(PACKAGED_CONTACT_LAYOUT);
        layouts.install(SObjectType.CONTACT, Optional.of("MSI Contact Layout"), false);
        Path kept = backupFiles().get(0);
        Files.move(
                kept,
                kept.resolveSibling(URLEncoder.encode(PACKAGED_CONTACT_LAYOUT, StandardCharsets.UTF_8)
                        + "-20261101T101010.000Z.json"));

        assertThat(layouts.undoable(SObjectType.CONTACT))
                .extracting(LayoutBackup::fullName)
                .containsExactly(PACKAGED_CONTACT_LAYOUT);
        assertThat(layouts.undo(SObjectType.CONTACT, "MSI Contact Layout", false)
                        .identical())
                .isTrue();
        assertThat(harness.read(PACKAGED_CONTACT_LAYOUT).document()).isEqualTo(before.document());
    }

    private List<Path> backupFiles() throws IOException {
        try (Stream<Path> files = Files.list(dataDirectory.resolve(LayoutBackups.DIRECTORY))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private List<Path> backupsQuietly() {
        try {
            return backupFiles();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The connected org, running {@code beforeSave} before each layout is saved. */
    private static SalesforceLayouts watchingSaves(SalesforceLayouts real, Runnable beforeSave) {
        return (SalesforceLayouts) java.lang.reflect.Proxy.newProxyInstance(
                SalesforceLayouts.class.getClassLoader(),
                new Class<?>[] {SalesforceLayouts.class},
                (proxy, method, args) -> {
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
