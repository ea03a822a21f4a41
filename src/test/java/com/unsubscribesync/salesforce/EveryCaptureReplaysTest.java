package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.async.BulkConnection;
import com.sforce.async.CSVReader;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.partner.LeadConvert;
import com.sforce.soap.partner.MergeRequest;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.SoapFaultException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in the captures folder, answered over HTTP to the real force-wsc client (or the app's token endpoint
 * for OAuth), built as the app builds it: an answer parses into the client's types, a refusal into the client's
 * fault type, never into a parse error.
 */
class EveryCaptureReplaysTest {

    static Stream<String> captures() {
        return Captures.names().stream();
    }

    @Test
    void theFolderHoldsAtLeastTwelveCapturesFromEveryApiTheAppCalls() {
        assertThat(Captures.names()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(Captures.names()).extracting(Captures::api).contains("partner", "metadata", "bulk", "oauth");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyCaptureNamesItsSourceAndLicence(String name) {
        String sources = Captures.stored("SOURCES.md");
        assertThat(sources).as("SOURCES.md lists " + name).contains("`" + name + "`");
        if (name.endsWith(".xml")) {
            assertThat(Captures.stored(name))
                    .contains("<!-- Capture:")
                    .contains("Source:")
                    .contains("commit ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void everyCaptureIsReadByTheClientTheAppUses(String name) throws Exception {
        try (ReplayServer server = new ReplayServer()) {
            ReplayedOrgs orgs = new ReplayedOrgs(server);
            server.then(
                    name.startsWith("metadata-layout-")
                            ? Captures.layoutReadAnswer(name, "Contact-Contact Layout")
                            : ReplayServer.Answer.capture(name));
            switch (Captures.api(name)) {
                case "partner" ->
                    replayPartner(name, new PartnerConnection(orgs.configs().partner(orgs.session(0))));
                case "metadata" ->
                    replayMetadata(name, new MetadataConnection(orgs.configs().metadata(orgs.session(0))));
                case "bulk" ->
                    replayBulk(name, new BulkConnection(orgs.configs().bulk(orgs.session(0))));
                case "oauth" -> replayOAuth(name, orgs.tokens());
                default -> throw new AssertionError("capture " + name + " names no API the app calls");
            }
            assertThat(server.unanswered()).as("the capture was asked for").isZero();
        }
    }

    private static void replayPartner(String name, PartnerConnection partner) throws Exception {
        if (Captures.refusal(name)) {
            assertThatThrownBy(() -> partner.query("SELECT Id FROM Contact"))
                    .isInstanceOfAny(ApiFault.class, SoapFaultException.class);
        } else if (name.contains("-getuserinfo")) {
            assertThat(partner.getUserInfo().getOrganizationId()).startsWith("00D");
        } else if (name.contains("-getdeleted-")) {
            assertThat(partner.getDeleted("Account", utc("2020-06-15T05:05:53Z"), utc("2020-06-30T05:05:53Z"))
                            .getDeletedRecords())
                    .isNotEmpty();
        } else if (name.contains("-getupdated-")) {
            assertThat(partner.getUpdated("Account", utc("2020-06-15T05:05:53Z"), utc("2020-06-30T05:05:53Z"))
                            .getIds())
                    .isNotEmpty();
        } else if (name.contains("-getservertimestamp")) {
            assertThat(partner.getServerTimestamp().getTimestamp()).isNotNull();
        } else if (name.contains("-merge-")) {
            MergeRequest merge = new MergeRequest();
            merge.setMasterRecord(new SObject("Account"));
            merge.setRecordToMergeIds(new String[] {"0012x000008un5lAAA"});
            assertThat(partner.merge(new MergeRequest[] {merge})).hasSize(1);
        } else if (name.contains("-convertlead-")) {
            LeadConvert convert = new LeadConvert();
            convert.setLeadId("00Q2x00000AH981EAD");
            assertThat(partner.convertLead(new LeadConvert[] {convert})).hasSize(1);
        } else if (name.contains("-update-")) {
            assertThat(partner.update(new SObject[] {new SObject("Account")})).hasSize(1);
        } else if (name.contains("-create-")) {
            assertThat(partner.create(new SObject[] {new SObject("Account")})).hasSize(1);
        } else {
            assertThat(partner.query("SELECT Id, Name FROM Contact").getSize()).isPositive();
        }
    }

    /** A dateTime as force-wsc takes it. */
    static Calendar utc(String instant) {
        Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(Instant.parse(instant).toEpochMilli());
        return calendar;
    }

    private static void replayMetadata(String name, MetadataConnection metadata) throws Exception {
        if (Captures.refusal(name)) {
            assertThatThrownBy(() -> metadata.readMetadata("Layout", new String[] {"Contact-Contact Layout"}))
                    .isInstanceOf(SoapFaultException.class);
        } else {
            assertThat(metadata.readMetadata("Layout", new String[] {"Contact-Contact Layout"})
                            .getRecords())
                    .singleElement()
                    .isInstanceOf(com.sforce.soap.metadata.Layout.class);
        }
    }

    private static void replayBulk(String name, BulkConnection bulk) throws Exception {
        if (name.startsWith("bulk-jobinfo-")) {
            assertThat(bulk.getJobStatus("7503z00000WDQ4SAAX").getId()).isNotBlank();
        } else if (name.startsWith("bulk-batchinfo-")) {
            assertThat(bulk.getBatchInfo("7503z00000WDQ4SAAX", "7513z00000Wgd6AAAR")
                            .getState())
                    .isNotNull();
        } else {
            List<List<String>> rows = new ArrayList<>();
            try (InputStream results = bulk.getBatchResultStream("7503z00000WDQ4SAAX", "7513z00000Wgd6AAAR")) {
                CSVReader reader = new CSVReader(results, "UTF-8");
                for (List<String> row = reader.nextRecord(); row != null; row = reader.nextRecord()) {
                    rows.add(row);
                }
            }
            assertThat(rows.get(0)).containsExactly("Id", "Success", "Created", "Error");
            assertThat(rows).hasSizeGreaterThan(1);
        }
    }

    private static void replayOAuth(String name, TokenEndpoint tokens) {
        if (Captures.refusal(name)) {
            assertThatThrownBy(() -> tokens.refresh("a-refresh-token"))
                    .isInstanceOfSatisfying(
                            SalesforceException.class,
                            e -> assertThat(e.kind()).isEqualTo(SalesforceException.Kind.AUTHENTICATION));
        } else {
            assertThat(tokens.refresh("a-refresh-token").sessionId()).isNotBlank();
        }
    }
}
