package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.metadata.Layout;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.unsubscribesync.domain.SObjectType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Metadata calls at the version of the metadata classes shipped, against a local org that answers by version. */
class MetadataApiVersionTest extends OnLocalOrg {
    private static final String EXPLORER_LAYOUT = "Contact-Explorer Contact Layout";

    @Test
    void theShippedVersionIsReadFromTheMetadataClassesThemselves() {
        assertThat(MetadataApiVersion.SHIPPED).matches("\\d{2,3}\\.\\d");
        assertThat(com.sforce.soap.metadata.Connector.END_POINT)
                .endsWith("/services/Soap/m/" + MetadataApiVersion.SHIPPED);
        assertThat(MetadataApiVersion.SHIPPED).isNotEqualTo(ConnectorConfigs.API_VERSION);
    }

    @Test
    void everyMetadataCallGoesToTheShippedVersion() {
        List<ListedLayout> contact = org.layouts().listLayouts(SObjectType.CONTACT);
        org.layouts().readLayouts(contact.stream().map(ListedLayout::fullName).toList());
        PageLayout layout =
                org.layouts().readLayouts(List.of("Contact-Contact Layout")).get(0);
        org.layouts().restoreLayout(layout.fullName(), layout.document());

        assertThat(local.metadataPathsServed())
                .isNotEmpty()
                .allSatisfy(path -> assertThat(path)
                        .isEqualTo("/services/Soap/m/" + MetadataApiVersion.SHIPPED + "/"
                                + local.orgId().substring(0, 15)));
    }

    @Test
    void aMetadataAddressGivenAtAnotherVersionIsCalledAtTheShippedOne() {
        OrgSession fromLegacyLogin = new OrgSession(
                "token",
                local.url(),
                local.orgId(),
                "005000000000001AAA",
                local.partnerEndpoint("64.0"),
                local.metadataEndpoint("64.0"),
                Optional.empty());
        ConnectorConfig config = orgs.configs().metadata(fromLegacyLogin);
        assertThat(config.getServiceEndpoint()).isEqualTo(local.metadataEndpoint(MetadataApiVersion.SHIPPED));
    }

    @Test
    void aLayoutValueAddedInApi64BreaksTheShippedClassesAt65ButReadsAtTheShippedVersion() throws Exception {
        HttpResponse<String> saved = soap(
                "65.0",
                "<upsertMetadata xmlns=\"" + METADATA + "\"><metadata xsi:type="
                        + "\"Layout\"><fullName>" + EXPLORER_LAYOUT + "</fullName><layoutSections><customLabel>false"
                        + "</customLabel><detailHeading>true</detailHeading><editHeading>true</editHeading><label>Contact "
                        + "Information</label><layoutColumns><layoutItems><behavior>Required</behavior><field>Name</field>"
                        + "</layoutItems><layoutItems><behavior>Edit</behavior><field>Email</field></layoutItems>"
                        + "</layoutColumns><style>OneColumn</style></layoutSections><platformActionList><actionListContext>"
                        + "MetadataExplorer</actionListContext><platformActionListItems><actionName>Edit</actionName>"
                        + "<actionType>StandardButton</actionType><sortOrder>0</sortOrder></platformActionListItems>"
                        + "</platformActionList></metadata></upsertMetadata>");
        assertThat(saved.body()).contains("<success>true</success>");

        // force-wsc's 62.0 classes asking at 65.0, as the app did before: the org answers with a value they lack.
        MetadataConnection at65 = new MetadataConnection(metadataConfig("65.0"));
        assertThatThrownBy(() -> at65.readMetadata("Layout", new String[] {EXPLORER_LAYOUT}))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("Not a valid enumeration");

        // The org sends the value from the version that added it, and never below.
        String read = "<readMetadata xmlns=\"" + METADATA + "\"><type>Layout</type><fullNames>" + EXPLORER_LAYOUT
                + "</fullNames></readMetadata>";
        assertThat(soap("64.0", read).body()).contains("MetadataExplorer");
        assertThat(soap("63.0", read).body())
                .doesNotContain("platformActionList")
                .contains("Contact Information");

        // The app, at the shipped version, reads the layout whole as that version knows it.
        PageLayout layout = org.layouts().readLayouts(List.of(EXPLORER_LAYOUT)).get(0);
        assertThat(layout.itemFor("Email")).isPresent();
        assertThat(layout.document()).doesNotContain("platformActionList");
        Layout shipped = (Layout) new MetadataConnection(metadataConfig(MetadataApiVersion.SHIPPED))
                .readMetadata("Layout", new String[] {EXPLORER_LAYOUT})
                .getRecords()[0];
        assertThat(shipped.getPlatformActionList()).isNull();

        // A save at the shipped version replaces what that version knows and keeps what it could not see.
        org.layouts().addField(layout, new FieldPlacement("Title", 0, 0, 2));
        assertThat(soap("64.0", read).body()).contains("MetadataExplorer").contains("<field>Title</field>");
        assertThat(org.layouts().readLayouts(List.of(EXPLORER_LAYOUT)).get(0).itemFor("Title"))
                .isPresent();
    }

    @Test
    void aVersionTheOrgDoesNotServeIsRefusedAsSalesforceRefusesIt() {
        for (String version : List.of("66.0", "30.0")) {
            assertThatThrownBy(() -> new MetadataConnection(metadataConfig(version))
                            .readMetadata("Layout", new String[] {"Contact-Contact Layout"}))
                    .as(version)
                    .isInstanceOfSatisfying(
                            com.sforce.ws.SoapFaultException.class,
                            fault -> assertThat(fault.getFaultCode().getLocalPart())
                                    .isEqualTo("UNSUPPORTED_API_VERSION"));
        }
    }

    private static final String METADATA = "http://soap.sforce.com/2006/04/metadata";

    private ConnectorConfig metadataConfig(String version) {
        ConnectorConfig config = new ConnectorConfig();
        config.setServiceEndpoint(local.metadataEndpoint(version));
        config.setSessionId(local.issueAccessToken());
        config.setReadTimeout(20_000);
        return config;
    }

    /** A Metadata call written by hand, as a client of a later version would send it. */
    private HttpResponse<String> soap(String version, String operation) throws Exception {
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Header><SessionHeader xmlns=\""
                + METADATA + "\"><sessionId>" + local.issueAccessToken() + "</sessionId></SessionHeader>"
                + "</soapenv:Header><soapenv:Body>" + operation + "</soapenv:Body></soapenv:Envelope>";
        HttpRequest request = HttpRequest.newBuilder(URI.create(local.metadataEndpoint(version)))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
