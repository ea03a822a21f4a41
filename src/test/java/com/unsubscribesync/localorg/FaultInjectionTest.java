package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.bind.HTMLResponseException;
import com.unsubscribesync.localorg.faults.FaultRule;
import com.unsubscribesync.localorg.faults.FaultSpec;
import com.unsubscribesync.localorg.state.FieldAccess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    @Test
    void unableToLockRowFailsSomeRecordsOfAnUpdate() throws Exception {
        try (LocalOrg org = LocalOrg.start(
                LocalOrgOptions.defaults().withPeople(400).withFaults("update:UNABLE_TO_LOCK_ROW@0.3"))) {
            SaveResult[] results = Clients.partner(org).update(optOuts(org, 100));
            long locked =
                    java.util.Arrays.stream(results).filter(r -> !r.isSuccess()).count();
            assertThat(locked).isBetween(10L, 60L);
            for (SaveResult result : results) {
                if (!result.isSuccess()) {
                    assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.UNABLE_TO_LOCK_ROW);
                    assertThat(result.getId()).startsWith("003");
                    assertThat(org.state().read(result.getId()).optedOut()).isFalse();
                }
            }
        }
    }

    @Test
    void theSameSeedInjectsTheSameFaults() throws Exception {
        assertThat(failures(11)).isEqualTo(failures(11)).isNotEqualTo(failures(12));
    }

    @Test
    void validationRuleErrorsComeFromJavaAtRuntime() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(50))) {
            PartnerConnection pc = Clients.partner(org);
            org.faults().failRecords("update", "FIELD_CUSTOM_VALIDATION_EXCEPTION", 1.0);
            SaveResult result = pc.update(optOuts(org, 1))[0];
            assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.FIELD_CUSTOM_VALIDATION_EXCEPTION);
            org.faults().clear();
            assertThat(pc.update(optOuts(org, 1))[0].isSuccess()).isTrue();
        }
    }

    @Test
    void readOnlyFieldSecurityFromTheSpecRefusesTheWrite() throws Exception {
        try (LocalOrg org = LocalOrg.start(
                LocalOrgOptions.defaults().withPeople(50).withFaults("fls:Contact.HasOptedOutOfEmail=readonly"))) {
            SaveResult result = Clients.partner(org).update(optOuts(org, 1))[0];
            assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
        }
    }

    @Test
    void aMaintenancePageReachesTheClientAsHtml() throws Exception {
        try (LocalOrg org =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(5).withFaults("html503@1"))) {
            assertThatThrownBy(() -> Clients.partner(org).getServerTimestamp())
                    .isInstanceOf(HTMLResponseException.class);
        }
    }

    @Test
    void aDroppedConnectionIsAnIoFailure() throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5))) {
            PartnerConnection pc = Clients.partner(org);
            org.faults().dropConnections(1.0);
            assertThatThrownBy(pc::getServerTimestamp)
                    .isInstanceOf(ConnectionException.class)
                    .hasCauseInstanceOf(IOException.class);
            org.faults().clear();
            assertThat(pc.getServerTimestamp().getTimestamp()).isNotNull();
        }
    }

    @Test
    void theDailyLimitFromTheSpecEndsInRequestLimitExceeded() throws Exception {
        try (LocalOrg org =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(5).withFaults("api-limit:1"))) {
            PartnerConnection pc = Clients.partner(org);
            pc.getServerTimestamp();
            assertThatThrownBy(pc::getServerTimestamp)
                    .isInstanceOfSatisfying(
                            ApiFault.class,
                            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.REQUEST_LIMIT_EXCEEDED));
        }
    }

    @Test
    void latencySlowsEveryCall() throws Exception {
        try (LocalOrg org =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(5).withFaults("latency:150ms"))) {
            PartnerConnection pc = Clients.partner(org);
            pc.getServerTimestamp();
            long start = System.nanoTime();
            pc.getServerTimestamp();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }

    @Test
    void theSpecOfTheCommandLineIsParsed() {
        List<FaultRule> rules = FaultSpec.parse("update:UNABLE_TO_LOCK_ROW@0.05,session-expire-every:100,"
                + "latency:20ms,html503@0.01,fls:Contact.HasOptedOutOfEmail=readonly,drop@0.02,api-limit:500,"
                + "update:FIELD_CUSTOM_VALIDATION_EXCEPTION@0.1");
        assertThat(rules)
                .containsExactly(
                        new FaultRule.RecordError("update", "UNABLE_TO_LOCK_ROW", 0.05),
                        new FaultRule.SessionExpiry(100),
                        new FaultRule.Latency(Duration.ofMillis(20)),
                        new FaultRule.MaintenancePage(0.01),
                        new FaultRule.FieldSecurityRule("Contact", "HasOptedOutOfEmail", FieldAccess.READONLY),
                        new FaultRule.DroppedConnection(0.02),
                        new FaultRule.DailyApiLimit(500),
                        new FaultRule.RecordError("update", "FIELD_CUSTOM_VALIDATION_EXCEPTION", 0.1));
    }

    @Test
    void aBadSpecIsRefusedWithASentenceNamingTheItem() {
        assertThatThrownBy(() -> FaultSpec.parse("update:NOT_A_REAL_CODE@0.1"))
                .hasMessageContaining("update:NOT_A_REAL_CODE@0.1")
                .hasMessageContaining("status code");
        assertThatThrownBy(() -> FaultSpec.parse("html503@2")).hasMessageContaining("0 to 1");
        assertThatThrownBy(() -> FaultSpec.parse("latency:fast")).hasMessageContaining("latency");
        assertThatThrownBy(() -> FaultSpec.parse("teleport:now")).hasMessageContaining("teleport:now");
        assertThatThrownBy(() -> FaultSpec.parse("session-expire-every:1"))
                .hasMessageContaining("session-expire-every:1")
                .hasMessageContaining("2 or more");
    }

    private static List<Boolean> failures(long seed) throws Exception {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults()
                .withPeople(400)
                .withSeed(seed)
                .withFaults("update:UNABLE_TO_LOCK_ROW@0.5"))) {
            List<Boolean> outcome = new ArrayList<>();
            for (SaveResult result : Clients.partner(org).update(optOuts(org, 40))) {
                outcome.add(result.isSuccess());
            }
            return outcome;
        }
    }

    private static SObject[] optOuts(LocalOrg org, int count) throws ConnectionException {
        SObject[] records = new SObject[count];
        PartnerConnection reader = Clients.partner(org);
        SObject[] found = reader.query("SELECT Id FROM Contact WHERE HasOptedOutOfEmail = false LIMIT " + count)
                .getRecords();
        for (int i = 0; i < count; i++) {
            records[i] = new SObject("Contact");
            records[i].setId(found[i].getId());
            records[i].setField("HasOptedOutOfEmail", true);
        }
        return records;
    }
}
