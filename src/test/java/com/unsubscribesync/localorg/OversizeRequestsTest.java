package com.unsubscribesync.localorg;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The org reads no more of a request than a real one can need, gzip bombs included, and keeps serving. */
class OversizeRequestsTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalOrg org;

    @BeforeEach
    void start() throws Exception {
        org = LocalOrg.start(LocalOrgOptions.defaults().withPeople(5));
    }

    @AfterEach
    void stop() {
        org.close();
    }

    @Test
    void aGzipBombSentToTheSoapApiIsRefusedWithExceededMaxSizeRequestAndTheOrgKeepsServing() throws Exception {
        // About 250 kilobytes on the wire, 256 megabytes once unpacked.
        byte[] bomb = gzippedZeros(1L << 28);
        assertThat(bomb.length).isLessThan(2_000_000);

        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(org.partnerEndpoint(Clients.VERSION)))
                        .header("Content-Type", "text/xml; charset=utf-8")
                        .header("SOAPAction", "\"\"")
                        .header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bomb))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body())
                .contains("<faultcode>sf:EXCEEDED_MAX_SIZE_REQUEST</faultcode>")
                .contains("Exceeded max size limit of 52428800 bytes");
        PartnerConnection partner = Clients.partner(org);
        assertThat(partner.query("SELECT Id FROM Contact").getSize())
                .isEqualTo(org.state().count("Contact"));
    }

    @Test
    void anOversizeSignInFormIsRefusedUnread() throws Exception {
        String form = "grant_type=client_credentials&padding=" + "x".repeat(100_000);
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(org.tokenUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
    }

    private static byte[] gzippedZeros(long length) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 16];
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            for (long written = 0; written < length; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return zipped.toByteArray();
    }
}
