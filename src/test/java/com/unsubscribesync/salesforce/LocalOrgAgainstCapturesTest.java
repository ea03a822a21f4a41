package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.partner.LeadConvert;
import com.sforce.soap.partner.MergeRequest;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.MessageHandler;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The local org answers the same calls as the captured real orgs, in the same shape: the same elements in the same
 * order (values aside), and Salesforce's own codes and texts where the call is the same.
 */
class LocalOrgAgainstCapturesTest {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String VERSION = ConnectorConfigs.API_VERSION;
    private static LocalOrg org;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        org = TestOrgs.start(5);
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    @Test
    void anExpiredSessionIsRefusedWithTheSameFaultAsARealOrg() {
        AtomicReference<String> answer = new AtomicReference<>();
        assertThatThrownBy(
                        () -> new PartnerConnection(partner("not-a-session", answer)).query("SELECT Id FROM Contact"))
                .isNotNull();
        assertThat(body(answer.get())).isEqualTo(body(Captures.answer("partner-fault-invalid-session-id.xml")));
    }

    @Test
    void whoIsConnectedIsAnsweredWithEveryElementOfARealOrgsAnswerInTheSameOrder() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>();
        new PartnerConnection(partner(org.issueAccessToken(), answer)).getUserInfo();
        // The capture is from an older API version; 65.0 adds elements, so the real answer's must appear in order.
        assertThat(shape(answer.get())).containsSubsequence(shape(Captures.answer("partner-getuserinfo.xml")));
    }

    @Test
    void anUnknownColumnIsRefusedWithTheSameFaultTextRowAndColumnAsARealOrg() {
        AtomicReference<String> answer = new AtomicReference<>();
        assertThatThrownBy(() -> new PartnerConnection(partner(org.issueAccessToken(), answer))
                        .query("select adfId, Name, Account.Name from Contact"))
                .isNotNull();
        assertThat(body(answer.get())).isEqualTo(body(Captures.answer("partner-fault-invalid-field.xml")));
    }

    @Test
    void aQueryIsAnsweredInTheSameShapeAsARealOrgsWithTheIdTwiceAndTheLimitHeader() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>();
        new PartnerConnection(partner(org.issueAccessToken(), answer)).query("SELECT Id, Name FROM Contact LIMIT 2");
        assertThat(shape(answer.get())).isEqualTo(shape(Captures.answer("partner-query-contacts.xml")));
    }

    @Test
    void aRefusedRecordIsAnsweredInTheSameShapeAsARealOrgsWithTheFieldNamed() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>();
        SObject noLastName = new SObject("Contact");
        noLastName.setField("FirstName", "Pat");
        new PartnerConnection(partner(org.issueAccessToken(), answer)).create(new SObject[] {noLastName});
        assertThat(shape(answer.get()))
                .isEqualTo(shape(Captures.answer("partner-create-field-integrity-exception.xml")));
    }

    @Test
    void aDeletedListIsAnsweredWithTheElementsOfARealOrgsInTheSameOrder() throws Exception {
        TestClock clock = TestClock.at("2026-03-02T10:15:30Z");
        try (LocalOrg clocked =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(5).withClock(clock))) {
            String gone = clocked.state().addContact("Pat", "Gone", "pat.gone@example.com");
            Instant start = clock.instant();
            clock.advance(Duration.ofMinutes(2));
            clocked.state().delete(gone);
            clock.advance(Duration.ofMinutes(2));
            AtomicReference<String> answer = new AtomicReference<>();
            new PartnerConnection(partner(clocked, clocked.issueAccessToken(), answer))
                    .getDeleted(
                            "Contact",
                            EveryCaptureReplaysTest.utc(start.toString()),
                            EveryCaptureReplaysTest.utc(clock.instant().toString()));
            assertThat(shape(answer.get())).isEqualTo(shape(Captures.answer("partner-getdeleted-account.xml")));
        }
    }

    @Test
    void aChangedListIsAnsweredWithTheElementsOfARealOrgsInTheSameOrder() throws Exception {
        TestClock clock = TestClock.at("2026-03-02T10:15:30Z");
        try (LocalOrg clocked =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(5).withClock(clock))) {
            Instant start = clock.instant();
            clock.advance(Duration.ofMinutes(2));
            clocked.state().addContact("Pat", "Changed", "pat.changed@example.com");
            clock.advance(Duration.ofMinutes(2));
            AtomicReference<String> answer = new AtomicReference<>();
            new PartnerConnection(partner(clocked, clocked.issueAccessToken(), answer))
                    .getUpdated(
                            "Contact",
                            EveryCaptureReplaysTest.utc(start.toString()),
                            EveryCaptureReplaysTest.utc(clock.instant().toString()));
            // The real answer lists five ids, ours one: each kind of element, in order of first appearance.
            assertThat(shape(answer.get()).stream().distinct().toList())
                    .isEqualTo(shape(Captures.answer("partner-getupdated-accounts.xml")).stream()
                            .distinct()
                            .toList());
        }
    }

    @Test
    void theServerClockIsAnsweredInTheSameShapeAsARealOrgsAndToTheMillisecond() throws Exception {
        TestClock clock = TestClock.at("2026-03-02T10:15:30.321Z");
        try (LocalOrg clocked =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(5).withClock(clock))) {
            AtomicReference<String> answer = new AtomicReference<>();
            new PartnerConnection(partner(clocked, clocked.issueAccessToken(), answer)).getServerTimestamp();
            assertThat(shape(answer.get())).isEqualTo(shape(Captures.answer("partner-getservertimestamp.xml")));
            // The real clock answer keeps its milliseconds (…41.321Z): only record dateTimes are whole seconds.
            assertThat(element(answer.get(), "timestamp")).isEqualTo("2026-03-02T10:15:30.321Z");
        }
    }

    @Test
    void anUpdateIsAnsweredInTheSameShapeAsARealOrgs() throws Exception {
        SObject contact = new SObject("Contact");
        contact.setId(org.state().addContact("Pat", "Updated", "pat.updated@example.com"));
        contact.setField("HasOptedOutOfEmail", true);
        AtomicReference<String> answer = new AtomicReference<>();
        new PartnerConnection(partner(org.issueAccessToken(), answer)).update(new SObject[] {contact});
        assertThat(shape(answer.get())).isEqualTo(shape(Captures.answer("partner-update-success.xml")));
    }

    @Test
    void aMergeIsAnsweredInTheSameShapeAsARealOrgs() throws Exception {
        String winner = org.state().addContact("Lee", "Keeps", "lee.keeps@example.com");
        String loser = org.state().addContact("Lee", "Goes", "lee.goes@example.com");
        MergeRequest request = new MergeRequest();
        SObject master = new SObject("Contact");
        master.setId(winner);
        request.setMasterRecord(master);
        request.setRecordToMergeIds(new String[] {loser});
        AtomicReference<String> answer = new AtomicReference<>();
        new PartnerConnection(partner(org.issueAccessToken(), answer)).merge(new MergeRequest[] {request});
        assertThat(shape(answer.get())).isEqualTo(shape(Captures.answer("partner-merge-success.xml")));
    }

    @Test
    void aConversionIsAnsweredInTheSameShapeAsARealOrgs() throws Exception {
        String lead = org.state().addLead("Lee", "Converts", "lee.converts@example.com", "Converts Ltd");
        LeadConvert convert = new LeadConvert();
        convert.setLeadId(lead);
        convert.setConvertedStatus("Closed - Converted");
        AtomicReference<String> answer = new AtomicReference<>();
        new PartnerConnection(partner(org.issueAccessToken(), answer)).convertLead(new LeadConvert[] {convert});
        assertThat(shape(answer.get())).isEqualTo(shape(Captures.answer("partner-convertlead-success.xml")));
    }

    @Test
    void anExpiredSessionOnTheMetadataApiIsRefusedWithoutDetailAsARealOrgDoes() {
        AtomicReference<String> answer = new AtomicReference<>();
        ConnectorConfig config = new ConnectorConfig();
        config.setServiceEndpoint(org.metadataEndpoint(VERSION));
        config.setSessionId("not-a-session");
        config.addMessageHandler(keepingAnswerIn(answer));
        assertThatThrownBy(() ->
                        new MetadataConnection(config).readMetadata("Layout", new String[] {"Contact-Contact Layout"}))
                .isNotNull();
        assertThat(body(answer.get())).isEqualTo(body(Captures.answer("metadata-fault-invalid-session-id.xml")));
    }

    @Test
    void theContactLayoutIsAnsweredWithItsPartsInTheOrderARealOrgGivesThem() throws Exception {
        AtomicReference<String> answer = new AtomicReference<>();
        ConnectorConfig config = new ConnectorConfig();
        config.setServiceEndpoint(org.metadataEndpoint(VERSION));
        config.setSessionId(org.issueAccessToken());
        config.addMessageHandler(keepingAnswerIn(answer));
        new MetadataConnection(config).readMetadata("Layout", new String[] {"Contact-Contact Layout"});
        Element local = (Element)
                root(answer.get()).getElementsByTagNameNS("*", "records").item(0);
        Element real = root(Captures.answer("metadata-layout-contact.xml"));

        List<String> localParts = childNames(local);
        List<String> realParts = childNames(real);
        assertThat(localParts.stream().filter(realParts::contains).toList())
                .isEqualTo(realParts.stream().filter(localParts::contains).toList());
        assertThat(childNames(first(local, "layoutSections"))).isEqualTo(childNames(first(real, "layoutSections")));
        assertThat(childNames(first(local, "layoutItems"))).isEqualTo(childNames(first(real, "layoutItems")));
    }

    @Test
    void aBulkJobAndItsBatchAreAnsweredWithTheElementsOfARealOrgsInTheSameOrder() throws Exception {
        String token = org.issueAccessToken();
        HttpResponse<String> job = bulk(
                token,
                "/job",
                "application/xml; charset=UTF-8",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><jobInfo xmlns=\"http://www.force.com/2009/06/asyncapi/"
                        + "dataload\"><operation>update</operation><object>Contact</object><contentType>CSV"
                        + "</contentType></jobInfo>");
        assertThat(job.statusCode()).isEqualTo(201);
        assertThat(shape(job.body())).isEqualTo(shape(Captures.answer("bulk-jobinfo-open.xml")));

        String jobId = element(job.body(), "id");
        String contactId = org.state().addContact("Pat", "Bulk", "pat.bulk@example.com");
        HttpResponse<String> batch = bulk(
                token,
                "/job/" + jobId + "/batch",
                "text/csv; charset=UTF-8",
                "Id,HasOptedOutOfEmail\n" + contactId + ",true\n");
        assertThat(shape(batch.body())).isEqualTo(shape(Captures.answer("bulk-batchinfo-queued.xml")));

        org.bulkJobs().awaitIdle(java.time.Duration.ofSeconds(30));
        String batchId = element(batch.body(), "id");
        HttpResponse<String> done = get(token, "/job/" + jobId + "/batch/" + batchId);
        assertThat(shape(done.body())).isEqualTo(shape(Captures.answer("bulk-batchinfo-completed.xml")));
        HttpResponse<String> results = get(token, "/job/" + jobId + "/batch/" + batchId + "/result");
        assertThat(results.body().lines().findFirst())
                .isEqualTo(Captures.answer("bulk-result-success.csv").lines().findFirst());
        assertThat(results.body().lines().skip(1).findFirst().orElseThrow())
                .matches("\"" + contactId + "\",\"true\",\"false\",\"\"");
    }

    @Test
    void anExpiredRefreshTokenIsRefusedWithTheSameJsonAsARealOrg() throws Exception {
        HttpResponse<String> answer = token("grant_type=refresh_token&refresh_token=expired&client_id="
                + encode(org.clientId()) + "&client_secret=" + encode(org.clientSecret()));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer.body())).isEqualTo(json(Captures.answer("oauth-error-expired-refresh-token.json")));
    }

    @Test
    void aTokenAnswerCarriesEveryFieldOfARealOrgs() throws Exception {
        HttpResponse<String> answer = token("grant_type=client_credentials&client_id=" + encode(org.clientId())
                + "&client_secret=" + encode(org.clientSecret()));
        List<String> fields = new ArrayList<>();
        json(Captures.answer("oauth-token.json")).fieldNames().forEachRemaining(fields::add);
        Iterator<String> local = json(answer.body()).fieldNames();
        List<String> localFields = new ArrayList<>();
        local.forEachRemaining(localFields::add);
        assertThat(localFields).containsAll(fields);
    }

    private static ConnectorConfig partner(String sessionId, AtomicReference<String> answer) {
        return partner(org, sessionId, answer);
    }

    private static ConnectorConfig partner(LocalOrg to, String sessionId, AtomicReference<String> answer) {
        ConnectorConfig config = new ConnectorConfig();
        config.setManualLogin(true);
        config.setAuthEndpoint(to.partnerEndpoint(VERSION));
        config.setServiceEndpoint(to.partnerEndpoint(VERSION));
        config.setSessionId(sessionId);
        config.addMessageHandler(keepingAnswerIn(answer));
        return config;
    }

    private static MessageHandler keepingAnswerIn(AtomicReference<String> answer) {
        return new MessageHandler() {
            @Override
            public void handleRequest(URL endpoint, byte[] request) {}

            @Override
            public void handleResponse(URL endpoint, byte[] response) {
                answer.set(new String(response, StandardCharsets.UTF_8));
            }
        };
    }

    private HttpResponse<String> bulk(String token, String path, String type, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(org.asyncEndpoint(VERSION) + path))
                        .header("X-SFDC-Session", token)
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(org.asyncEndpoint(VERSION) + path))
                        .header("X-SFDC-Session", token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(org.tokenUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static Element root(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    private static String element(String xml, String localName) {
        return root(xml).getElementsByTagNameNS("*", localName).item(0).getTextContent();
    }

    /** The names of an element's child elements in order, each once. */
    private static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && !names.contains(element.getLocalName())) {
                names.add(element.getLocalName());
            }
        }
        return names;
    }

    private static Element first(Element parent, String localName) {
        return (Element) parent.getElementsByTagNameNS("*", localName).item(0);
    }

    /** Every element of the SOAP body (or the root) in document order: namespace, name, nil and type; no values. */
    private static List<String> shape(String xml) {
        List<String> shape = new ArrayList<>();
        Element root = root(xml);
        Node start = root.getElementsByTagNameNS("*", "Body").getLength() > 0
                ? root.getElementsByTagNameNS("*", "Body").item(0)
                : root;
        walk(start, "", shape, false);
        if (root.getElementsByTagNameNS("*", "LimitInfoHeader").getLength() > 0) {
            walk(root.getElementsByTagNameNS("*", "LimitInfoHeader").item(0), "header", shape, false);
        }
        return shape;
    }

    /** The SOAP body whole: names, attributes and texts, whitespace between elements aside. */
    private static List<String> body(String xml) {
        List<String> body = new ArrayList<>();
        walk(root(xml).getElementsByTagNameNS("*", "Body").item(0), "", body, true);
        return body;
    }

    private static void walk(Node node, String path, List<String> out, boolean withText) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                String here = path + "/{" + element.getNamespaceURI() + "}" + element.getLocalName();
                String nil = element.getAttributeNS(XSI, "nil");
                String type = element.getAttributeNS(XSI, "type");
                out.add(here + (nil.isEmpty() ? "" : " nil=" + nil) + (type.isEmpty() ? "" : " type=" + type));
                walk(element, here, out, withText);
            } else if (withText
                    && child.getNodeType() == Node.TEXT_NODE
                    && !child.getTextContent().isBlank()) {
                out.add(path + " = " + child.getTextContent());
            }
        }
    }
}
