package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.ObjectAccess;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldDiscoveryTest {
    private static final OptOutFieldRequest MARKETO =
            new OptOutFieldRequest(OptOutField.MARKETO_SALES_OPT_OUT, Optional.empty());
    private static final OptOutFieldRequest EMAIL_OPT_OUT =
            new OptOutFieldRequest(OptOutField.EMAIL_OPT_OUT, Optional.empty());
    private final TestOrgs orgs = new TestOrgs();

    @Test
    void theMarketoSalesOptOutFieldIsFoundByItsLabelOnBothObjects() throws Exception {
        try (LocalOrg org = TestOrgs.start(10);
                ForceWscOrg connected = orgs.connect(org)) {
            FieldCheck check = connected.records().checkField(MARKETO);
            for (SObjectType type : SObjectType.values()) {
                FieldCheck.ObjectField field = check.objects().get(type);
                assertThat(field.apiName()).contains("mkto_si__Marketo_Sales_Opt_Out__c");
                assertThat(field.usable()).isTrue();
                assertThat(field.problem()).isEmpty();
            }
        }
    }

    @Test
    void withoutThePackageTheFieldIsReportedMissingWithWhatToDo() throws Exception {
        try (LocalOrg org =
                        LocalOrg.start(LocalOrgOptions.defaults().withPeople(10).withPackage(false));
                ForceWscOrg connected = orgs.connect(org)) {
            FieldCheck.ObjectField contact =
                    connected.records().checkField(MARKETO).objects().get(SObjectType.CONTACT);
            assertThat(contact.exists()).isFalse();
            assertThat(contact.usable()).isFalse();
            assertThat(contact.problem().orElseThrow())
                    .contains("Contact")
                    .contains("Marketo Sales Insight")
                    .contains("field-api-name");
            assertThat(connected
                            .records()
                            .checkField(EMAIL_OPT_OUT)
                            .objects()
                            .get(SObjectType.CONTACT)
                            .usable())
                    .isTrue();
        }
    }

    @Test
    void anOverriddenApiNameIsUsedInsteadOfTheLabel() throws Exception {
        try (LocalOrg org = TestOrgs.start(10);
                ForceWscOrg connected = orgs.connect(org)) {
            FieldCheck byName = connected
                    .records()
                    .checkField(new OptOutFieldRequest(
                            OptOutField.MARKETO_SALES_OPT_OUT, Optional.of("HasOptedOutOfEmail")));
            assertThat(byName.objects().get(SObjectType.LEAD).apiName()).contains("HasOptedOutOfEmail");
            FieldCheck.ObjectField text = connected
                    .records()
                    .checkField(new OptOutFieldRequest(OptOutField.MARKETO_SALES_OPT_OUT, Optional.of("Email")))
                    .objects()
                    .get(SObjectType.CONTACT);
            assertThat(text.exists()).isTrue();
            assertThat(text.checkbox()).isFalse();
            assertThat(text.problem().orElseThrow()).contains("not a checkbox");
            FieldCheck unknown = connected
                    .records()
                    .checkField(new OptOutFieldRequest(OptOutField.MARKETO_SALES_OPT_OUT, Optional.of("Nope__c")));
            assertThat(unknown.objects().get(SObjectType.LEAD).exists()).isFalse();
        }
    }

    @Test
    void readOnlyFieldLevelSecurityIsDetectedPerObject() throws Exception {
        try (LocalOrg org = TestOrgs.start(10);
                ForceWscOrg connected = orgs.connect(org)) {
            org.state().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.READONLY);
            FieldCheck check = connected.records().checkField(EMAIL_OPT_OUT);
            FieldCheck.ObjectField contact = check.objects().get(SObjectType.CONTACT);
            assertThat(contact.exists()).isTrue();
            assertThat(contact.checkbox()).isTrue();
            assertThat(contact.updateable()).isFalse();
            assertThat(contact.problem().orElseThrow()).contains("read-only").contains("field-level security");
            assertThat(check.objects().get(SObjectType.LEAD).usable()).isTrue();
        }
    }

    @Test
    void aFieldHiddenByFieldLevelSecurityLooksMissing() throws Exception {
        try (LocalOrg org = TestOrgs.start(10);
                ForceWscOrg connected = orgs.connect(org)) {
            org.state().setFieldAccess("Lead", "HasOptedOutOfEmail", FieldAccess.HIDDEN);
            FieldCheck.ObjectField lead =
                    connected.records().checkField(EMAIL_OPT_OUT).objects().get(SObjectType.LEAD);
            assertThat(lead.exists()).isFalse();
            assertThat(lead.problem().orElseThrow()).contains("field-level security");
        }
    }

    @Test
    void onAnObjectTheUserMayOnlyReadTheFieldIsUnusableBecauseOfTheObjectPermission() throws Exception {
        try (LocalOrg org = TestOrgs.start(10);
                ForceWscOrg connected = orgs.connect(org)) {
            org.state().setObjectAccess("Lead", ObjectAccess.READ);
            FieldCheck check = connected.records().checkField(EMAIL_OPT_OUT);
            FieldCheck.ObjectField lead = check.objects().get(SObjectType.LEAD);
            assertThat(lead.objectEditable()).isFalse();
            assertThat(lead.exists()).isTrue();
            assertThat(lead.usable()).isFalse();
            assertThat(lead.problem().orElseThrow())
                    .contains("may not edit Leads")
                    .contains("Edit on Lead")
                    .doesNotContain("field-level security");
            assertThat(check.objects().get(SObjectType.CONTACT).objectEditable())
                    .isTrue();
            assertThat(check.objects().get(SObjectType.CONTACT).usable()).isTrue();
        }
    }
}
