package com.unsubscribesync.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.layout.IntegrationUserRights.Need;
import com.unsubscribesync.layout.IntegrationUserRights.Right;
import com.unsubscribesync.layout.IntegrationUserRights.Status;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.ObjectAccess;
import com.unsubscribesync.localorg.state.Permission;
import com.unsubscribesync.salesforce.FaultClassifier;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.SalesforceException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integration user's rights, told from describe and UserPermissionAccess of the local org via force-wsc. */
class UserRightsCheckTest {
    @TempDir
    Path data;

    private LayoutHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new LayoutHarness(data, options -> options);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private IntegrationUserRights rights(SyncSettings settings) {
        FieldCheck check = harness.salesforce.records().checkField(LayoutInspector.request(settings));
        Inspection inspection =
                new LayoutInspector(Clock.systemUTC()).inspect(LayoutOrg.of(harness.salesforce), settings, check);
        return UserRightsCheck.of(
                harness.salesforce.records().identity().userName(), check, settings, Optional.of(inspection.rights()));
    }

    private static Map<Need, Status> statuses(IntegrationUserRights rights) {
        Map<Need, Status> statuses = new EnumMap<>(Need.class);
        rights.rights().forEach(right -> statuses.put(right.need(), right.status()));
        return statuses;
    }

    private static Map<Need, Status> allGrantedBut(Map<Need, Status> changed) {
        Map<Need, Status> expected = new EnumMap<>(Need.class);
        for (Need need : Need.values()) {
            expected.put(need, changed.getOrDefault(need, Status.GRANTED));
        }
        return expected;
    }

    @Test
    void withEveryRightEveryLineIsGrantedForEitherField() {
        for (OptOutField field : OptOutField.values()) {
            IntegrationUserRights rights = rights(SyncSettings.defaults().withField(field));
            assertThat(rights.allGranted()).as(field.key()).isTrue();
            assertThat(rights.rights()).extracting(Right::need).containsExactly(Need.values());
            assertThat(rights.requestToAdmin(Optional.of("Acme"))).isEmpty();
            assertThat(rights.userName()).contains(harness.org.username());
        }
        assertThat(rights(SyncSettings.defaults())
                        .right(Need.EDIT_FIELD)
                        .orElseThrow()
                        .title())
                .isEqualTo("Edit access to Email Opt Out on Leads and Contacts");
    }

    @Test
    void withoutEditOnLeadsOnlyThatRightIsMissingAndTheFieldOnLeadsCannotBeToldYet() {
        harness.org.state().setObjectAccess("Lead", ObjectAccess.READ);
        IntegrationUserRights rights = rights(SyncSettings.defaults());
        assertThat(statuses(rights))
                .isEqualTo(allGrantedBut(Map.of(Need.EDIT_LEADS, Status.MISSING, Need.EDIT_FIELD, Status.UNKNOWN)));
        assertThat(rights.right(Need.EDIT_LEADS).orElseThrow().askAdmin().orElseThrow())
                .contains(harness.org.username())
                .contains("Edit on Leads")
                .contains("Object Settings > Leads");
        assertThat(rights.right(Need.EDIT_FIELD).orElseThrow().note().orElseThrow())
                .contains("Leads");
        assertThat(rights.requestToAdmin(Optional.of("Acme")).orElseThrow())
                .contains("\"Acme\"")
                .contains("- Give " + harness.org.username() + " Edit on Leads")
                .doesNotContain("Contacts");
    }

    @Test
    void withoutEditOnContactsOnlyThatRightIsMissing() {
        harness.org.state().setObjectAccess("Contact", ObjectAccess.READ);
        IntegrationUserRights rights = rights(SyncSettings.defaults());
        assertThat(statuses(rights))
                .isEqualTo(allGrantedBut(Map.of(Need.EDIT_CONTACTS, Status.MISSING, Need.EDIT_FIELD, Status.UNKNOWN)));
        assertThat(rights.right(Need.EDIT_CONTACTS).orElseThrow().askAdmin().orElseThrow())
                .contains("Object Settings > Contacts");
    }

    @Test
    void aReadOnlyFieldShowsTheFieldRightMissingWithTheFieldLevelSecuritySteps() {
        harness.org.state().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.READONLY);
        IntegrationUserRights rights = rights(SyncSettings.defaults());
        assertThat(statuses(rights)).isEqualTo(allGrantedBut(Map.of(Need.EDIT_FIELD, Status.MISSING)));
        assertThat(rights.right(Need.EDIT_FIELD).orElseThrow().askAdmin().orElseThrow())
                .contains("\"Email Opt Out\" (HasOptedOutOfEmail) on Contact")
                .contains("Setup > Object Manager > Contact > Fields & Relationships > Email Opt Out > Set "
                        + "Field-Level Security")
                .doesNotContain("Lead");
    }

    @Test
    void aHiddenPackageFieldOnBothObjectsIsOneMissingRightNamingBoth() {
        String field = "mkto_si__Marketo_Sales_Opt_Out__c";
        harness.org.state().setFieldAccess("Lead", field, FieldAccess.HIDDEN);
        harness.org.state().setFieldAccess("Contact", field, FieldAccess.HIDDEN);
        IntegrationUserRights rights = rights(SyncSettings.defaults().withField(OptOutField.MARKETO_SALES_OPT_OUT));
        assertThat(statuses(rights)).isEqualTo(allGrantedBut(Map.of(Need.EDIT_FIELD, Status.MISSING)));
        assertThat(rights.right(Need.EDIT_FIELD).orElseThrow().askAdmin().orElseThrow())
                .contains("Marketo Sales Insight")
                .contains("on Lead and Contact");
    }

    @Test
    void withoutModifyMetadataOnlyAddItForMeIsMissing() {
        harness.org.state().setPermission(Permission.MODIFY_ALL_DATA, false);
        harness.org.state().setPermission(Permission.MODIFY_METADATA, false);
        IntegrationUserRights rights = rights(SyncSettings.defaults());
        assertThat(statuses(rights)).isEqualTo(allGrantedBut(Map.of(Need.MODIFY_METADATA, Status.MISSING)));
        assertThat(rights.right(Need.MODIFY_METADATA).orElseThrow().askAdmin().orElseThrow())
                .contains("Modify Metadata Through Metadata API Functions")
                .contains("System Permissions")
                .doesNotContain("Customize Application");
    }

    @Test
    void withModifyMetadataButWithoutCustomizeApplicationAddItForMeIsMissingAndTheTextNamesOnlyThatPermission() {
        harness.org.state().setPermission(Permission.CUSTOMIZE_APPLICATION, false);
        IntegrationUserRights rights = rights(SyncSettings.defaults());
        assertThat(statuses(rights)).isEqualTo(allGrantedBut(Map.of(Need.MODIFY_METADATA, Status.MISSING)));
        assertThat(rights.right(Need.MODIFY_METADATA).orElseThrow().askAdmin().orElseThrow())
                .contains("Customize Application")
                .doesNotContain("Modify Metadata Through");
    }

    @Test
    void withoutApiEnabledTheAdapterSaysSoAndOnlyThatRightIsMissing() {
        harness.org.state().setPermission(Permission.API_ENABLED, false);
        Consumer<SalesforceException> apiDisabled = e -> {
            assertThat(e.kind()).isEqualTo(SalesforceException.Kind.REFUSED);
            assertThat(e.statusCode()).contains("API_CURRENTLY_DISABLED");
            assertThat(e.getMessage()).contains("API Enabled").contains("Salesforce admin");
            assertThat(FaultClassifier.isApiDisabled(e)).isTrue();
        };
        assertThatThrownBy(() -> rights(SyncSettings.defaults()))
                .isInstanceOfSatisfying(SalesforceException.class, apiDisabled);
        assertThatThrownBy(() -> LayoutHarness.connect(harness.org))
                .isInstanceOfSatisfying(SalesforceException.class, apiDisabled);

        IntegrationUserRights rights = UserRightsCheck.apiDisabled(SyncSettings.defaults());
        Map<Need, Status> unknownOtherwise = new EnumMap<>(Need.class);
        for (Need need : Need.values()) {
            unknownOtherwise.put(need, need == Need.API_ENABLED ? Status.MISSING : Status.UNKNOWN);
        }
        assertThat(statuses(rights)).isEqualTo(unknownOtherwise);
        assertThat(rights.requestToAdmin(Optional.empty()).orElseThrow())
                .contains("API Enabled")
                .contains("System Permissions");
    }
}
