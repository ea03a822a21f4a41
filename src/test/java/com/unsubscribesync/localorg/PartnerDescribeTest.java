package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.DescribeGlobalSObjectResult;
import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.FieldType;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.sobject.SObject;
import com.unsubscribesync.localorg.state.FieldAccess;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartnerDescribeTest {

    @Test
    void describesLeadsAndContactsWithTheOptOutFields() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(10))) {
            PartnerConnection pc = Clients.partner(org);
            DescribeSObjectResult[] results = pc.describeSObjects(new String[] {"Contact", "Lead"});
            assertThat(results).extracting(DescribeSObjectResult::getName).containsExactly("Contact", "Lead");
            assertThat(results[1].getKeyPrefix()).isEqualTo("00Q");
            for (DescribeSObjectResult result : results) {
                Field optOut = field(result, "HasOptedOutOfEmail").orElseThrow();
                assertThat(optOut.getType()).isEqualTo(FieldType._boolean);
                assertThat(optOut.isUpdateable()).isTrue();
                assertThat(optOut.getLabel()).isEqualTo("Email Opt Out");
                Field marketo = Arrays.stream(result.getFields())
                        .filter(f -> f.getLabel().equals("Marketo Sales Opt Out"))
                        .findFirst()
                        .orElseThrow();
                assertThat(marketo.getName()).contains("__").endsWith("__c");
                assertThat(marketo.isCustom()).isTrue();
                assertThat(field(result, "SystemModstamp").orElseThrow().isUpdateable())
                        .isFalse();
                assertThat(field(result, "MasterRecordId").orElseThrow().getReferenceTo())
                        .containsExactly(result.getName());
            }
            Field converted = field(results[1], "IsConverted").orElseThrow();
            assertThat(converted.isUpdateable()).isFalse();
            assertThat(field(results[1], "ConvertedContactId").orElseThrow().getRelationshipName())
                    .isEqualTo("ConvertedContact");
            assertThat(pc.describeSObject("UserPermissionAccess").getFields())
                    .extracting(Field::getName)
                    .contains("PermissionsModifyAllData", "PermissionsModifyMetadata");
        }
    }

    @Test
    void describeGlobalListsTheObjects() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(10))) {
            assertThat(Clients.partner(org).describeGlobal().getSobjects())
                    .extracting(DescribeGlobalSObjectResult::getName)
                    .contains("Lead", "Contact", "User", "Profile", "UserPermissionAccess");
        }
    }

    @Test
    void withoutThePackageThereIsNoMarketoField() throws Exception {
        try (LocalOrg org =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(10).withPackage(false))) {
            PartnerConnection pc = Clients.partner(org);
            assertThat(pc.describeSObject("Contact").getFields())
                    .extracting(Field::getLabel)
                    .doesNotContain("Marketo Sales Opt Out");
            assertThatThrownBy(() -> pc.query("SELECT mkto_si__Marketo_Sales_Opt_Out__c FROM Contact"))
                    .isInstanceOf(InvalidFieldFault.class);
        }
    }

    @Test
    void fieldLevelSecurityHidesOrLocksFields() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(10))) {
            PartnerConnection pc = Clients.partner(org);
            String contactId =
                    pc.query("SELECT Id FROM Contact LIMIT 1").getRecords()[0].getId();
            org.state().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.READONLY);
            Field locked =
                    field(pc.describeSObject("Contact"), "HasOptedOutOfEmail").orElseThrow();
            assertThat(locked.isUpdateable()).isFalse();
            SObject change = new SObject("Contact");
            change.setId(contactId);
            change.setField("HasOptedOutOfEmail", true);
            SaveResult result = pc.update(new SObject[] {change})[0];
            assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
            assertThat(result.getErrors()[0].getFields()).containsExactly("HasOptedOutOfEmail");

            org.state().setFieldAccess("Contact", "HasOptedOutOfEmail", FieldAccess.HIDDEN);
            assertThat(field(pc.describeSObject("Contact"), "HasOptedOutOfEmail"))
                    .isEmpty();
            assertThatThrownBy(() -> pc.query("SELECT HasOptedOutOfEmail FROM Contact"))
                    .isInstanceOf(InvalidFieldFault.class);
            assertThatThrownBy(() -> pc.update(new SObject[] {change})).isInstanceOf(InvalidFieldFault.class);
        }
    }

    @Test
    void anUnknownTypeIsAnInvalidSObjectFault() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(10))) {
            assertThatThrownBy(() -> Clients.partner(org).describeSObject("Widget__c"))
                    .isInstanceOf(InvalidSObjectFault.class);
        }
    }

    private static Optional<Field> field(DescribeSObjectResult result, String name) {
        return Arrays.stream(result.getFields())
                .filter(f -> f.getName().equals(name))
                .findFirst();
    }
}
