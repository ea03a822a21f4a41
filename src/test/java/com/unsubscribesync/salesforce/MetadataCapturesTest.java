package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.ws.SoapFaultException;
import com.unsubscribesync.domain.SObjectType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Metadata SOAP refusals of real orgs (they carry no detail), replayed to force-wsc's metadata 62.0 client. */
class MetadataCapturesTest {
    @RegisterExtension
    final Replay replay = new Replay();

    @Test
    void aRealMetadataExpiredSessionIsTakenForOneEvenWithoutTheDetailForceWscNeedsToRenewItself() throws Exception {
        replay.server().thenCapture("metadata-fault-invalid-session-id.xml");
        ReplayedOrgs orgs = replay.orgs();
        MetadataConnection metadata = new MetadataConnection(orgs.configs().metadata(orgs.session(0)));
        assertThatThrownBy(() -> metadata.listMetadata(new com.sforce.soap.metadata.ListMetadataQuery[0], 62.0))
                .isInstanceOfSatisfying(SoapFaultException.class, fault -> {
                    assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("INVALID_SESSION_ID");
                    assertThat(FaultClassifier.isInvalidSession(fault)).isTrue();
                });
    }

    @Test
    void theAppRenewsTheSessionItselfAfterARealMetadataExpiredSessionAndThenAsksToConnectAgain() {
        ReplayedOrgs.CountingSessions sessions = replay.orgs().sessions();
        replay.server()
                .thenCapture("metadata-fault-invalid-session-id.xml")
                .thenCapture("metadata-fault-invalid-session-id.xml");
        try (ForceWscOrg connected = replay.orgs().open(sessions)) {
            assertThatThrownBy(() -> connected.layouts().listLayouts(SObjectType.CONTACT))
                    .isInstanceOfSatisfying(SalesforceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.AUTHENTICATION);
                        assertThat(e.statusCode()).contains("INVALID_SESSION_ID");
                    });
            assertThat(sessions.renewals).hasValue(1);
            List<ReplayServer.Request> calls = replay.server().requestsUnderTest();
            assertThat(calls).hasSize(2);
            assertThat(calls).allSatisfy(call -> assertThat(call.path()).contains("/services/Soap/m/"));
            assertThat(calls.get(1).body()).contains("replayed-session-1");
        }
    }

    @Test
    void aRealContactLayoutIsReadWholeByTheShippedMetadataClassesWithTheOptOutWhereTheOrgPutIt() {
        String name = "Contact-Contact Layout";
        replay.server().then(Captures.layoutReadAnswer("metadata-layout-contact.xml", name));
        try (ForceWscOrg connected = replay.orgs().open(replay.orgs().sessions())) {
            PageLayout layout = connected.layouts().readLayouts(List.of(name)).get(0);

            assertThat(layout.fullName()).isEqualTo(name);
            assertThat(layout.sections())
                    .extracting(PageLayout.Section::label)
                    .containsExactly(
                            "Contact Details",
                            "Description Information",
                            "Contact Information",
                            "Address Information",
                            "Household Address",
                            "System Information",
                            "Custom Links");
            assertThat(layout.itemFor("HasOptedOutOfEmail"))
                    .hasValueSatisfying(item -> assertThat(item.behavior()).contains("Edit"));
            assertThat(layout.sections().get(4).columns())
                    .hasSize(2)
                    .last()
                    .asList()
                    .isEmpty();
            // What is kept to write back holds every part of the layout, not only the sections the wizard shows.
            assertThat(layout.document())
                    .contains(
                            "npe4__Relationships_Viewer",
                            "RelatedOpportunityList",
                            "Contact.Quick_Update",
                            "Primary_Affiliation__c",
                            "00hj0000000Vb6W");
            assertThat(LayoutDocuments.write(LayoutDocuments.read(layout.document())))
                    .isEqualTo(layout.document());
        }
    }

    @Test
    void aRealAccessRefusalOnReadingALayoutIsReportedForTheAdminWithoutRetrying() {
        replay.server().thenCapture("metadata-fault-insufficient-access.xml");
        try (ForceWscOrg connected = replay.orgs().open(replay.orgs().sessions())) {
            assertThatThrownBy(() -> connected.layouts().readLayouts(List.of("Contact-Contact Layout")))
                    .isInstanceOfSatisfying(SalesforceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.REFUSED);
                        assertThat(e.statusCode()).contains("INSUFFICIENT_ACCESS");
                        assertThat(e.getMessage())
                                .contains("insufficient access rights on cross-reference id")
                                .doesNotContain("INSUFFICIENT_ACCESS: INSUFFICIENT_ACCESS");
                    });
            assertThat(replay.server().requestsUnderTest()).hasSize(1);
        }
    }

    @Test
    void aRealUnsupportedTypeRefusalIsNotMistakenForAnUnavailableOrg() {
        replay.server().thenCapture("metadata-fault-invalid-type-for-operation.xml");
        try (ForceWscOrg connected = replay.orgs().open(replay.orgs().sessions())) {
            assertThatThrownBy(() -> connected.layouts().readLayouts(List.of("Contact-Contact Layout")))
                    .isInstanceOfSatisfying(SalesforceException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.REFUSED);
                        assertThat(e.statusCode()).contains("INVALID_TYPE_FOR_OPERATION");
                    });
            assertThat(replay.server().requestsUnderTest()).hasSize(1);
        }
    }
}
