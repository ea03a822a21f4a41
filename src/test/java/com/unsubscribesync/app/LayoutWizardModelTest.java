package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.layout.FieldVisibility;
import com.unsubscribesync.layout.LayoutChange;
import com.unsubscribesync.layout.ObjectLayouts;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.Permission;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.ScriptedDialogs;
import com.unsubscribesync.ui.integrations.IntegrationsViewModel;
import com.unsubscribesync.ui.integrations.Requirement;
import com.unsubscribesync.ui.layouts.LayoutWizardModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout wizard's view model against the local org, without a robot: everything runs in place. */
class LayoutWizardModelTest {
    private static final String CONTACT_LAYOUT = "Contact-Contact Layout";
    private static final String PACKAGED_CONTACT_LAYOUT = "Contact-mkto_si__MSI Contact Layout";

    @TempDir
    Path data;

    private ConsoleFixture<LocalOrg> fixture;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private IntegrationsViewModel integrations;

    @BeforeEach
    void start() throws Exception {
        fixture = ConsoleFixture.onLocalOrg(data);
        integrations = fixture.integrations(Background.immediate(), dialogs);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private LayoutWizardModel openWizard() {
        integrations.refresh();
        integrations.fix(fieldRequirement());
        assertThat(dialogs.shown).contains("layout wizard");
        return dialogs.layoutWizard;
    }

    private Requirement fieldRequirement() {
        return integrations.requirements().get(1);
    }

    @Test
    void addItForMeMarksTheLayoutTheChecklistFollowsAndUndoRestoresTheLayoutAsItWas() {
        String before = fixture.layoutDocument(CONTACT_LAYOUT);
        String packagedBefore = fixture.layoutDocument(PACKAGED_CONTACT_LAYOUT);
        LayoutWizardModel model = openWizard();
        assertThat(model.canModifyLayouts()).isTrue();
        assertThat(model.of(SObjectType.CONTACT).orElseThrow().missing())
                .extracting(l -> l.fullName())
                .containsExactly(CONTACT_LAYOUT, PACKAGED_CONTACT_LAYOUT);
        assertThat(fieldRequirement().detail()).contains("Contact: exists, editable, not on every layout");

        model.preview(SObjectType.CONTACT, List.of(CONTACT_LAYOUT));
        assertThat(model.preview(SObjectType.CONTACT)).singleElement().satisfies(change -> {
            assertThat(change.outcome()).isEqualTo(LayoutChange.Outcome.WOULD_ADD);
            assertThat(change.preview().orElseThrow().sectionLabel()).isEqualTo("Contact Information");
        });
        assertThat(fixture.layoutDocument(CONTACT_LAYOUT)).isEqualTo(before);

        model.install(SObjectType.CONTACT, List.of(CONTACT_LAYOUT, PACKAGED_CONTACT_LAYOUT));
        assertThat(model.added(SObjectType.CONTACT))
                .extracting(LayoutChange::fullName)
                .containsExactly(CONTACT_LAYOUT, PACKAGED_CONTACT_LAYOUT);
        assertThat(model.of(SObjectType.CONTACT).flatMap(ObjectLayouts::onEveryLayout))
                .contains(true);
        assertThat(model.messageProperty().get()).startsWith("Saved: the field was added to 2 layouts.");
        assertThat(fieldRequirement().detail()).contains("Contact: exists, editable, on every layout");

        model.install(SObjectType.LEAD, List.of("Lead-Sales Lead Layout", "Lead-mkto_si__MSI Lead Layout"));
        assertThat(fieldRequirement().met()).isTrue();

        model.undo(SObjectType.CONTACT);
        assertThat(fixture.layoutDocument(CONTACT_LAYOUT)).isEqualTo(before);
        assertThat(fixture.layoutDocument(PACKAGED_CONTACT_LAYOUT)).isEqualTo(packagedBefore);
        assertThat(model.added(SObjectType.CONTACT)).isEmpty();
        assertThat(model.of(SObjectType.CONTACT).flatMap(ObjectLayouts::onEveryLayout))
                .contains(false);
        assertThat(fieldRequirement().met()).isFalse();
    }

    @Test
    void aUserWithoutThePermissionGetsTheTextForTheirAdmin() {
        fixture.org.state().setPermission(Permission.MODIFY_ALL_DATA, false);
        fixture.org.state().setPermission(Permission.MODIFY_METADATA, false);
        LayoutWizardModel model = openWizard();
        assertThat(model.canModifyLayouts()).isFalse();

        model.askYourAdmin(SObjectType.CONTACT);
        assertThat(model.adminRequest(SObjectType.CONTACT).get())
                .contains("every Contact page layout")
                .contains("Modify Metadata Through Metadata API Functions");

        model.install(SObjectType.LEAD, List.of("Lead-Sales Lead Layout"));
        assertThat(model.messageProperty().get()).contains("may not change page layouts");
        assertThat(model.adminRequest(SObjectType.LEAD).get()).contains("every Lead page layout");
    }

    @Test
    void aFieldHiddenByFieldLevelSecurityIsReported() {
        fixture.org.state().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.HIDDEN);
        LayoutWizardModel model = openWizard();
        assertThat(model.of(SObjectType.CONTACT).orElseThrow().visibility()).isEqualTo(FieldVisibility.HIDDEN);
    }

    @Test
    void withoutLayoutsToReadTheConsoleSaysWhyAndShowsTheManualSteps() {
        ConsoleFixture<InMemoryOrg> plain =
                ConsoleFixture.inMemory(data.resolve("plain"), java.time.Clock.systemUTC(), 0);
        try {
            IntegrationsViewModel model = plain.integrations(Background.immediate(), dialogs);
            model.fix(new Requirement("field", false, "", Requirement.Fix.OPEN_LAYOUT_STEPS));
            assertThat(dialogs.shown)
                    .anyMatch(s -> s.startsWith("notify: Page layouts"))
                    .contains("layout steps: Email Opt Out");
        } finally {
            plain.close();
        }
    }
}
