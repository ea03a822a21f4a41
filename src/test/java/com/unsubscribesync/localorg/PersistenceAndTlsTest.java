package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.metadata.Layout;
import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectorConfig;
import com.unsubscribesync.localorg.state.FieldAccess;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceAndTlsTest {

    @Test
    void aPersistentOrgSurvivesARestart(@TempDir Path dir) throws Exception {
        String contactId;
        String clientId;
        try (LocalOrg org =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(200).withStateDir(dir))) {
            clientId = org.clientId();
            PartnerConnection pc = Clients.partner(org);
            SObject contact = new SObject("Contact");
            contact.setField("LastName", "Persistent");
            contact.setField("Email", "persist@example.com");
            contactId = pc.create(new SObject[] {contact})[0].getId();
            SObject optOut = new SObject("Contact");
            optOut.setId(contactId);
            optOut.setField("HasOptedOutOfEmail", true);
            pc.update(new SObject[] {optOut});
            org.state().setFieldAccess("Lead", "Email", FieldAccess.READONLY);
            Layout layout = (Layout) Clients.metadata(org)
                    .readMetadata("Layout", new String[] {"Lead-Lead Layout"})
                    .getRecords()[0];
            layout.setFullName("Lead-Copied Layout");
            Clients.metadata(org).upsertMetadata(new Metadata[] {layout});
        }
        assertThat(dir.resolve("localorg.mv.db")).exists();
        try (LocalOrg again =
                LocalOrg.start(LocalOrgOptions.defaults().withPeople(5).withStateDir(dir))) {
            assertThat(again.clientId()).isEqualTo(clientId);
            assertThat(again.state().seeded()).isEmpty();
            assertThat(again.state().read(contactId).optedOut()).isTrue();
            assertThat(again.state().count("Contact") + again.state().count("Lead"))
                    .isGreaterThan(190);
            PartnerConnection pc = Clients.partner(again);
            assertThat(pc.query("SELECT Id FROM Contact WHERE Email = 'persist@example.com'")
                            .getSize())
                    .isEqualTo(1);
            assertThat(java.util.Arrays.stream(pc.describeSObject("Lead").getFields())
                            .filter(f -> f.getName().equals("Email"))
                            .findFirst()
                            .orElseThrow()
                            .isUpdateable())
                    .isFalse();
            assertThat(Clients.metadata(again)
                            .readMetadata("Layout", new String[] {"Lead-Copied Layout"})
                            .getRecords()[0])
                    .isNotNull();
        }
    }

    @Test
    void tlsServesHttpsWithItsOwnCertificate(@TempDir Path dir) throws Exception {
        try (LocalOrg org = LocalOrg.start(
                LocalOrgOptions.defaults().withPeople(20).withTls(true).withStateDir(dir))) {
            assertThat(org.url()).startsWith("https://127.0.0.1:");
            Path certificate = org.certificate().orElseThrow();
            assertThat(certificate).startsWith(dir).exists();
            ConnectorConfig config = Clients.partnerConfig(org, org.issueAccessToken());
            config.setSslContext(trusting(certificate));
            PartnerConnection pc = new PartnerConnection(config);
            assertThat(pc.query("SELECT Id FROM Lead").getSize()).isPositive();
        }
        byte[] first = Files.readAllBytes(dir.resolve("localorg-certificate.pem"));
        try (LocalOrg org =
                LocalOrg.start(LocalOrgOptions.defaults().withTls(true).withStateDir(dir))) {
            assertThat(Files.readAllBytes(org.certificate().orElseThrow())).isEqualTo(first);
        }
    }

    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            trust.setCertificateEntry(
                    "localorg", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
