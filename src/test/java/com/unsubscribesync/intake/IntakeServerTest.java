package com.unsubscribesync.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.links.LinkSubject;
import com.unsubscribesync.links.UnsubscribeLinks;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.IntakeCountRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.usecase.IntakeTally;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The intake over real HTTP on loopback: what each request records, and what every refusal leaves alone. */
class IntakeServerTest {
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    @TempDir
    Path data;

    private final Database database = Database.openInMemory("intake-" + UUID.randomUUID());
    private final UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, Clock.systemUTC());
    private final AtomicInteger wakes = new AtomicInteger();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private IntakeServer server;
    private UnsubscribeLinks links;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        ((Logger) LoggerFactory.getLogger(LinkHandler.class)).detachAppender(log);
        database.close();
    }

    private String start(UnaryOperator<IntakeSettings> settings, UnaryOperator<Recording> recording) throws Exception {
        links = UnsubscribeLinks.inDataDirectory(data);
        server = IntakeServer.start(
                settings.apply(IntakeSettings.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))),
                links,
                recording.apply(TestClicks.recordedIn(unsubscribes, data, wakes::incrementAndGet)),
                Optional.empty(),
                new IntakeTally(new IntakeCountRepository(database), Clock.systemUTC()));
        log.start();
        ((Logger) LoggerFactory.getLogger(LinkHandler.class)).addAppender(log);
        return "http://127.0.0.1:" + server.address().getPort();
    }

    private String start() throws Exception {
        return start(UnaryOperator.identity(), UnaryOperator.identity());
    }

    private String link(String base, String email) {
        return links.make(email, Optional.of("spring"), base).url().toString();
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(postRequest(url, body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest postRequest(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMadeLinksOneClickPostRecordsTheUnsubscribeBeforeItsEmpty200() throws Exception {
        String url = link(start(), "ann.lee@example.com");

        HttpResponse<String> answer = post(url, ONE_CLICK);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(unsubscribes.find(new Email("ann.lee@example.com"))).hasValueSatisfying(u -> {
            assertThat(u.source()).isEqualTo(UnsubscribeSource.CLICKED_LINK);
            assertThat(u.actor()).isEqualTo("recipient");
            assertThat(u.reason()).contains("one-click link from campaign spring");
        });
        assertThat(wakes).hasValue(1);
    }

    @Test
    void aGetShowsTheMaskedAddressAndOneButtonAndRecordsNothing() throws Exception {
        String url = link(start(), "ann.lee@example.com");

        HttpResponse<String> page = get(url);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("a***@example.com")
                .doesNotContain("ann.lee")
                .contains("name=\"List-Unsubscribe\" value=\"One-Click\"")
                .containsOnlyOnce("<button");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .startsWith("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"));
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(unsubscribes.count()).isZero();
        assertThat(wakes).hasValue(0);
    }

    @Test
    void theButtonOnThePageGetsAConfirmationPage() throws Exception {
        String url = link(start(), "ann@example.com");

        HttpResponse<String> answer = post(url, ONE_CLICK + "&from=page");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("You are unsubscribed");
        assertThat(unsubscribes.isUnsubscribed(new Email("ann@example.com"))).isTrue();
    }

    @Test
    void aMultipartOneClickPostIsAcceptedAsRfc8058Allows() throws Exception {
        String url = link(start(), "ann@example.com");
        String body =
                "--b1\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b1--\r\n";

        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "multipart/form-data; boundary=b1")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(unsubscribes.isUnsubscribed(new Email("ann@example.com"))).isTrue();
    }

    @Test
    void theSameClickTwiceIsOneUnsubscribeWithOneHistoryLine() throws Exception {
        String url = link(start(), "ann@example.com");

        assertThat(post(url, ONE_CLICK).statusCode()).isEqualTo(200);
        assertThat(post(url, ONE_CLICK).statusCode()).isEqualTo(200);

        assertThat(unsubscribes.count()).isEqualTo(1);
        assertThat(unsubscribes.history(new Email("ann@example.com"))).hasSize(1);
        assertThat(wakes).hasValue(1);
    }

    @Test
    void aTamperedTokenIsRefusedAlikeForGetAndPostAndChangesNothing() throws Exception {
        String url = link(start(), "ann@example.com");
        int last = url.length() - 10;
        String tampered = url.substring(0, last) + (url.charAt(last) == 'A' ? 'B' : 'A') + url.substring(last + 1);

        assertThat(get(tampered).statusCode()).isEqualTo(404);
        HttpResponse<String> refused = post(tampered, ONE_CLICK);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).isEmpty();
        assertThat(post(url.replace("/u/", "/u/x"), ONE_CLICK).statusCode()).isEqualTo(404);

        assertThat(unsubscribes.count()).isZero();
        assertThat(log.list)
                .hasSize(3)
                .allSatisfy(event -> assertThat(event.getFormattedMessage())
                        .contains("link not valid")
                        .matches("Intake refused a (GET|POST) from client [0-9a-f]{8}: link not valid")
                        .doesNotContain("127.0.0.1")
                        .doesNotContain("ann")
                        .doesNotContain(tampered.substring(tampered.lastIndexOf('/') + 1)));
    }

    @Test
    void aPostWithoutTheOneClickBodyIsRefused() throws Exception {
        String url = link(start(), "ann@example.com");

        assertThat(post(url, "List-Unsubscribe=Maybe").statusCode()).isEqualTo(400);
        assertThat(unsubscribes.count()).isZero();
    }

    @Test
    void anOversizedBodyGets413AndChangesNothing() throws Exception {
        String url = link(start(), "ann@example.com");

        HttpResponse<String> answer = post(url, ONE_CLICK + "&x=" + "a".repeat(IntakeSettings.MAX_BODY_BYTES));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(unsubscribes.count()).isZero();
    }

    @Test
    void aFloodFromOneClientGets429AndOnlyTheAnsweredClicksAreRecorded() throws Exception {
        String base = start(settings -> settings.withPerMinute(30), UnaryOperator.identity());
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(http.sendAsync(
                    postRequest(link(base, "flood" + i + "@example.com"), ONE_CLICK),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long ok = 0;
        long tooMany = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            if (response.statusCode() == 200) {
                ok++;
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                tooMany++;
            }
        }

        assertThat(tooMany).isGreaterThanOrEqualTo(25);
        assertThat(unsubscribes.count()).isEqualTo(ok);
        assertThat(get(base + "/health").statusCode())
                .as("health is not rate-limited")
                .isEqualTo(200);
    }

    /** A store whose commits of clicks wait until released, failing then when told to; keeps each group's size. */
    private static final class BusyStore implements UnaryOperator<Recording> {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);
        final List<Integer> together = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final boolean fails;

        BusyStore(boolean fails) {
            this.fails = fails;
        }

        @Override
        public Recording apply(Recording real) {
            return new Recording() {
                @Override
                public boolean record(LinkSubject subject) {
                    if (fails) {
                        throw new IllegalStateException("the disk is full");
                    }
                    return real.record(subject);
                }

                @Override
                public List<Boolean> recordTogether(List<LinkSubject> subjects) {
                    together.add(subjects.size());
                    writing.countDown();
                    try {
                        released.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (fails) {
                        throw new IllegalStateException("the disk is full");
                    }
                    return real.recordTogether(subjects);
                }
            };
        }
    }

    /** One click that keeps the busy store writing, then {@code later} more that wait for it; all of them. */
    private List<CompletableFuture<HttpResponse<String>>> clickWhileBusy(String base, BusyStore store, int later)
            throws Exception {
        List<CompletableFuture<HttpResponse<String>>> clicks = new ArrayList<>();
        clicks.add(http.sendAsync(
                postRequest(link(base, "first@example.com"), ONE_CLICK), HttpResponse.BodyHandlers.ofString()));
        assertThat(store.writing.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= later; i++) {
            clicks.add(http.sendAsync(
                    postRequest(link(base, "later" + i + "@example.com"), ONE_CLICK),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Eventually.within(Duration.ofSeconds(30))
                .until(
                        later + " clicks waiting for the store",
                        () -> get(base + "/health").body().contains("\"waiting\":" + later));
        return clicks;
    }

    @Test
    void clicksThatWaitedWhileTheStoreWasBusyAreCommittedTogetherAndEachAnsweredAfterThatCommit() throws Exception {
        BusyStore store = new BusyStore(false);
        String base = start(settings -> settings.withQueue(64, 1), store);
        List<CompletableFuture<HttpResponse<String>>> clicks = clickWhileBusy(base, store, 5);
        assertThat(clicks).noneMatch(CompletableFuture::isDone);

        store.released.countDown();

        for (CompletableFuture<HttpResponse<String>> click : clicks) {
            assertThat(click.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(store.together).containsExactly(1, 5);
        assertThat(unsubscribes.count()).isEqualTo(6);
    }

    @Test
    void clicksAreCountedAsNotYetCommittedFromTheirArrivalUntilTheirCommitEnds() throws Exception {
        BusyStore store = new BusyStore(false);
        String base = start(settings -> settings.withQueue(64, 1), store);
        List<CompletableFuture<HttpResponse<String>>> clicks = clickWhileBusy(base, store, 5);

        assertThat(server.notYetCommitted())
                .as("one in the commit under way, five waiting for the next: the pusher must wait for them")
                .isEqualTo(6);
        store.released.countDown();
        for (CompletableFuture<HttpResponse<String>> click : clicks) {
            click.get(30, TimeUnit.SECONDS);
        }
        Eventually.within(Duration.ofSeconds(10)).until("none left", () -> server.notYetCommitted() == 0);
    }

    @Test
    void aFullQueueGets503WithRetryAfterAndTheClicksItTookAreAnsweredAfterTheirCommit() throws Exception {
        CountDownLatch storeSlow = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        String base = start(settings -> settings.withQueue(1, 1), real -> subject -> {
            writing.countDown();
            try {
                storeSlow.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.record(subject);
        });
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(
                postRequest(link(base, "first@example.com"), ONE_CLICK), HttpResponse.BodyHandlers.ofString());
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<HttpResponse<String>> second = http.sendAsync(
                postRequest(link(base, "second@example.com"), ONE_CLICK), HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!get(base + "/health").body().contains("\"waiting\":1") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        HttpResponse<String> third = post(link(base, "third@example.com"), ONE_CLICK);

        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).contains("5");
        assertThat(first.isDone()).as("no answer before the commit").isFalse();
        storeSlow.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(unsubscribes.isUnsubscribed(new Email("third@example.com"))).isFalse();
        assertThat(unsubscribes.count()).isEqualTo(2);
        assertThat(countedToday()).containsExactly(Map.entry("busy", 1L));
    }

    @Test
    void clicksWaitingForTheirCommitHoldNoRequestThreadAndAreAnsweredOnlyAfterIt() throws Exception {
        BusyStore store = new BusyStore(false);
        String base = start(settings -> settings.withQueue(500, 1).withPerMinute(60_000), store);
        int later = 150;
        List<CompletableFuture<HttpResponse<String>>> clicks = clickWhileBusy(base, store, later);

        assertThat(Thread.getAllStackTraces().values())
                .as("no thread waits inside the click handler")
                .noneMatch(stack -> java.util.Arrays.stream(stack)
                        .anyMatch(frame -> frame.getClassName().equals(LinkHandler.class.getName())));
        assertThat(clicks).noneMatch(CompletableFuture::isDone);
        store.released.countDown();
        for (CompletableFuture<HttpResponse<String>> click : clicks) {
            assertThat(click.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(unsubscribes.count()).isEqualTo(later + 1);
    }

    @Test
    void aCommitThatFailsAnswers503WithRetryAfterToEveryClickInItAndRecordsNone() throws Exception {
        BusyStore store = new BusyStore(true);
        String base = start(settings -> settings.withQueue(64, 1), store);
        List<CompletableFuture<HttpResponse<String>>> clicks = clickWhileBusy(base, store, 5);

        store.released.countDown();

        for (CompletableFuture<HttpResponse<String>> click : clicks) {
            HttpResponse<String> answer = click.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).contains("5");
        }
        assertThat(store.together)
                .as("the group of five, then each of them alone")
                .startsWith(1, 5, 1);
        assertThat(unsubscribes.count()).isZero();
        assertThat(log.list).noneMatch(line -> line.getFormattedMessage().contains("later1@example.com"));
        assertThat(countedToday()).as("the click written first, then the five").containsEntry("failed", 6L);
    }

    /** What the intake counted today, as saved when it closes. */
    private Map<String, Long> countedToday() {
        server.close();
        server = null;
        return new IntakeCountRepository(database).on(LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    void behindATrustedProxyTheRateIsCountedPerForwardedClientAndAnUntrustedPeersHeaderIsIgnored() throws Exception {
        String base = start(
                settings -> settings.withPerMinute(3).withTrustedProxies(Set.of(InetAddress.getLoopbackAddress())),
                UnaryOperator.identity());
        String url = link(base, "ann@example.com");

        assertThat(getFrom(url, "203.0.113.7").statusCode()).isEqualTo(200);
        assertThat(getFrom(url, "203.0.113.8").statusCode()).isEqualTo(200);
        assertThat(getFrom(url, "203.0.113.7").statusCode()).isEqualTo(429);
        assertThat(getFrom(url, "198.51.100.1, 203.0.113.9").statusCode())
                .as("the proxy's own entry counts, not what the client wrote before it")
                .isEqualTo(200);

        server.close();
        String untrusted = start(settings -> settings.withPerMinute(3), UnaryOperator.identity());
        String other = link(untrusted, "ann@example.com");
        assertThat(getFrom(other, "203.0.113.7").statusCode()).isEqualTo(200);
        assertThat(getFrom(other, "203.0.113.8").statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> getFrom(String url, String forwardedFor) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("X-Forwarded-For", forwardedFor)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswersWithTheSecurityHeaders() throws Exception {
        HttpResponse<String> health = get(start() + "/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"ok\"");
        assertThat(health.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(health.headers().firstValue("Strict-Transport-Security"))
                .as("only an answer over TLS may pin a host to HTTPS")
                .isEmpty();
    }
}
