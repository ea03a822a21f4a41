package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.async.AsyncApiException;
import com.sforce.async.AsyncExceptionCode;
import com.sforce.async.ContentType;
import com.sforce.async.JobInfo;
import com.sforce.async.OperationEnum;
import com.sforce.soap.metadata.ListMetadataQuery;
import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SoapFaultException;
import com.unsubscribesync.localorg.faults.FaultRule;
import com.unsubscribesync.localorg.faults.FaultSpec;
import com.unsubscribesync.localorg.state.ObjectAccess;
import com.unsubscribesync.localorg.state.Permission;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local user's rights as Salesforce enforces them: API Enabled, Edit on an object, through force-wsc. */
class UserRightsTest {
    private static final String LOGIN_VERSION = "64.0";

    @TempDir
    Path stateDir;

    @Test
    void withoutApiEnabledEveryPartnerCallIsRefusedWithApiCurrentlyDisabled() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            PartnerConnection pc = Clients.partner(org);
            int before = org.apiCallsUsed();
            org.state().setPermission(Permission.API_ENABLED, false);
            for (ThrowingCall call : new ThrowingCall[] {
                pc::getUserInfo,
                () -> pc.describeSObjects(new String[] {"Lead", "Contact"}),
                () -> pc.query("SELECT Id FROM Contact")
            }) {
                assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiFault.class, fault -> {
                    assertThat(fault.getExceptionCode()).isEqualTo(ExceptionCode.API_CURRENTLY_DISABLED);
                    assertThat(fault.getExceptionMessage()).isEqualTo("API is disabled for this User");
                });
            }
            assertThat(org.apiCallsUsed()).as("refused calls are not counted").isEqualTo(before);

            org.state().setPermission(Permission.API_ENABLED, true);
            assertThat(pc.getUserInfo().getUserName()).isEqualTo(org.username());
        }
    }

    @Test
    void withoutApiEnabledMetadataBulkAndLoginAreRefusedToo() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            var metadata = Clients.metadata(org);
            var bulk = Clients.bulk(org, org.issueAccessToken());
            org.state().setPermission(Permission.API_ENABLED, false);

            ListMetadataQuery layouts = new ListMetadataQuery();
            layouts.setType("Layout");
            assertThatThrownBy(() -> metadata.listMetadata(new ListMetadataQuery[] {layouts}, 65.0))
                    .isInstanceOfSatisfying(
                            SoapFaultException.class,
                            fault -> assertThat(fault.getMessage())
                                    .isEqualTo("API_CURRENTLY_DISABLED: API is disabled for this User"));

            JobInfo job = new JobInfo();
            job.setObject("Contact");
            job.setOperation(OperationEnum.update);
            job.setContentType(ContentType.CSV);
            assertThatThrownBy(() -> bulk.createJob(job)).isInstanceOfSatisfying(AsyncApiException.class, e -> {
                assertThat(e.getExceptionCode()).isEqualTo(AsyncExceptionCode.InvalidUser);
                assertThat(e.getExceptionMessage()).isEqualTo("API is disabled for this User");
            });

            ConnectorConfig login = new ConnectorConfig();
            login.setAuthEndpoint(org.authEndpoint(LOGIN_VERSION));
            login.setServiceEndpoint(org.authEndpoint(LOGIN_VERSION));
            login.setUsername(org.username());
            login.setPassword(org.password());
            assertThatThrownBy(() -> new PartnerConnection(login))
                    .isInstanceOfSatisfying(
                            LoginFault.class,
                            fault -> assertThat(fault.getExceptionCode())
                                    .isEqualTo(ExceptionCode.API_CURRENTLY_DISABLED));
        }
    }

    @Test
    void aReadOnlyObjectIsNotUpdateableInDescribeAndItsUpdatesAreRefusedPerRecord() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(10))) {
            PartnerConnection pc = Clients.partner(org);
            String leadId = pc.query(
                            "SELECT Id FROM Lead WHERE HasOptedOutOfEmail = false AND IsConverted = false " + "LIMIT 1")
                    .getRecords()[0]
                    .getId();
            String contactId =
                    pc.query("SELECT Id FROM Contact LIMIT 1").getRecords()[0].getId();
            org.state().setObjectAccess("Lead", ObjectAccess.READ);

            DescribeSObjectResult[] described = pc.describeSObjects(new String[] {"Lead", "Contact"});
            DescribeSObjectResult lead = described[0];
            assertThat(lead.isUpdateable()).isFalse();
            assertThat(lead.isCreateable()).isFalse();
            assertThat(lead.isDeletable()).isFalse();
            assertThat(field(lead, "HasOptedOutOfEmail").isUpdateable())
                    .as("the object permission wins over field-level security")
                    .isFalse();
            assertThat(lead.getFields()).noneMatch(Field::isUpdateable);
            assertThat(described[1].isUpdateable()).isTrue();
            assertThat(field(described[1], "HasOptedOutOfEmail").isUpdateable()).isTrue();

            SaveResult[] results = pc.update(new SObject[] {optOut("Lead", leadId), optOut("Contact", contactId)});
            assertThat(results[0].isSuccess()).isFalse();
            assertThat(results[0].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INSUFFICIENT_ACCESS_OR_READONLY);
            assertThat(results[0].getErrors()[0].getMessage()).isEqualTo("insufficient access rights on object id");
            assertThat(results[0].getId()).isEqualTo(leadId);
            assertThat(results[1].isSuccess()).isTrue();
            assertThat(org.state().read(leadId).optedOut()).isFalse();
            assertThat(pc.query("SELECT Id FROM Lead WHERE Id = '" + leadId + "'")
                            .getSize())
                    .as("reading stays allowed")
                    .isEqualTo(1);

            org.state().setObjectAccess("Lead", ObjectAccess.EDIT);
            assertThat(pc.update(new SObject[] {optOut("Lead", leadId)})[0].isSuccess())
                    .isTrue();
        }
    }

    @Test
    void theFaultSpecRevokesPermissionsAndObjectEditUntilCleared() throws Exception {
        assertThat(FaultSpec.parse("permission:ApiEnabled=off,object:Contact=read,permission:ModifyMetadata=on"))
                .containsExactly(
                        new FaultRule.PermissionRule(Permission.API_ENABLED, false),
                        new FaultRule.ObjectAccessRule("Contact", ObjectAccess.READ),
                        new FaultRule.PermissionRule(Permission.MODIFY_METADATA, true));
        assertThatThrownBy(() -> FaultSpec.parse("permission:FlyPlanes=off"))
                .hasMessageContaining("permission:FlyPlanes=off")
                .hasMessageContaining("ApiEnabled");
        assertThatThrownBy(() -> FaultSpec.parse("object:Account=read")).hasMessageContaining("Lead|Contact");

        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults()
                .withPeople(5)
                .withFaults("object:Contact=read,permission:ModifyAllData=off"))) {
            PartnerConnection pc = Clients.partner(org);
            assertThat(pc.describeSObject("Contact").isUpdateable()).isFalse();
            SObject row = pc.query(
                            "SELECT PermissionsModifyAllData, PermissionsApiEnabled FROM " + "UserPermissionAccess")
                    .getRecords()[0];
            assertThat(row.getField("PermissionsModifyAllData")).isEqualTo("false");
            assertThat(row.getField("PermissionsApiEnabled")).isEqualTo("true");

            org.faults().apply("permission:ApiEnabled=off");
            assertThatThrownBy(pc::getServerTimestamp)
                    .isInstanceOfSatisfying(
                            ApiFault.class,
                            fault -> assertThat(fault.getExceptionCode())
                                    .isEqualTo(ExceptionCode.API_CURRENTLY_DISABLED));

            org.faults().clear();
            assertThat(pc.describeSObject("Contact").isUpdateable()).isTrue();
            assertThat(pc.query("SELECT PermissionsModifyAllData FROM UserPermissionAccess")
                            .getRecords()[0]
                            .getField("PermissionsModifyAllData"))
                    .isEqualTo("true");
        }
    }

    @Test
    void anAdminsObjectAccessIsKeptInTheStateDirectoryButInjectedAccessIsNot() throws Exception {
        LocalOrgOptions options = LocalOrgOptions.defaults().withPeople(5).withStateDir(stateDir);
        try (LocalOrg org = LocalOrg.start(options.withFaults("object:Contact=read"))) {
            org.state().setObjectAccess("Lead", ObjectAccess.READ);
            org.state().setPermission(Permission.API_ENABLED, false);
        }
        try (LocalOrg org = LocalOrg.start(options)) {
            org.state().setPermission(Permission.API_ENABLED, true);
            PartnerConnection pc = Clients.partner(org);
            assertThat(pc.describeSObject("Lead").isUpdateable()).isFalse();
            assertThat(pc.describeSObject("Contact").isUpdateable()).isTrue();
        }
    }

    @Test
    void theAdminApiNamesOnlyLeadOrContact() {
        assertThatThrownBy(() -> {
                    try (LocalOrg org =
                            LocalOrg.start(LocalOrgOptions.defaults().withPeople(1))) {
                        org.state().setObjectAccess("Account", ObjectAccess.READ);
                    }
                })
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Account");
    }

    @FunctionalInterface
    private interface ThrowingCall {
        Object run() throws Exception;
    }

    private static Field field(DescribeSObjectResult result, String name) {
        return Arrays.stream(result.getFields())
                .filter(f -> f.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static SObject optOut(String type, String id) {
        SObject record = new SObject(type);
        record.setId(id);
        record.setField("HasOptedOutOfEmail", true);
        return record;
    }
}
