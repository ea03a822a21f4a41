package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sign-in's loopback listener against clients that misbehave, and the page it shows the browser. */
class RedirectListenerTest {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void clientsThatConnectAndSendNothingOrHalfARequestDoNotHoldUpTheBrowsersRedirect() throws Exception {
        OAuthCallback callback = TestCallbacks.free();
        try (RedirectListener listener = new RedirectListener(callback);
                Socket silent = new Socket(InetAddress.getByName("127.0.0.1"), callback.port());
                Socket halfway = new Socket(InetAddress.getByName("127.0.0.1"), callback.port())) {
            OutputStream partial = halfway.getOutputStream();
            partial.write(
                    "GET /oauth/callback?code=stolen HTTP/1.1\r\nHost: local".getBytes(StandardCharsets.US_ASCII));
            partial.flush();
            // The listener cannot tell us it has taken both clients in: a moment lets it, before the browser comes.
            Thread.sleep(200);

            CompletableFuture<HttpResponse<String>> browser = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(callback.url() + "?code=real&state=s1"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            RedirectListener.Redirect arrived = listener.await(Duration.ofSeconds(5));

            assertThat(arrived.params()).containsEntry("code", "real").containsEntry("state", "s1");
            arrived.answer(SignInPage.signedIn("https://example.my.salesforce.com"));
            HttpResponse<String> page = browser.get(5, TimeUnit.SECONDS);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Signed in").contains("https://example.my.salesforce.com");
        }
    }

    @Test
    void theBrowsersPageWaitsForTheOutcomeAndAReasonIsShownAsTextNotMarkup() throws Exception {
        OAuthCallback callback = TestCallbacks.free();
        try (RedirectListener listener = new RedirectListener(callback)) {
            CompletableFuture<HttpResponse<String>> browser = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(callback.url() + "?error=access_denied"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            RedirectListener.Redirect arrived = listener.await(Duration.ofSeconds(5));
            // That nothing comes is shown only by waiting a moment in which it would have come.
            Thread.sleep(200);
            assertThat(browser).as("no page before the sign-in has ended").isNotDone();

            arrived.answer(SignInPage.refused(
                    "Signing in did not finish (<script>alert(1)</script>): run connect " + "again."));
            String page = browser.get(5, TimeUnit.SECONDS).body();
            assertThat(page)
                    .contains("Not signed in")
                    .contains("&lt;script&gt;")
                    .doesNotContain("<script>")
                    .contains("sign in again");

            String again = http.send(
                            HttpRequest.newBuilder(URI.create(callback.url() + "?code=late"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(again).contains("already ended");
        }
    }
}
