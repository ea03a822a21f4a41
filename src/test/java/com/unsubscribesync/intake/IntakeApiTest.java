package com.unsubscribesync.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.HistoryEntry;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.links.UnsubscribeLinks;
import com.unsubscribesync.store.ApiKeyRepository;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.IntakeCountRepository;
import com.unsubscribesync.store.StoredApiKey;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.testing.Eventually;
import com.unsubscribesync.usecase.ApiKeys;
import com.unsubscribesync.usecase.IntakeTally;
import com.unsubscribesync.usecase.RecordApiUnsubscribes;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code POST /api/unsubscribes} over real HTTP on loopback: what a keyed request records, and every refusal. */
class IntakeApiTest {
    @TempDir
    Path data;

    private final Database database = Database.openInMemory("intake-api-" + UUID.randomUUID());
    private final UnsubscribeRepository unsubscribes = new UnsubscribeRepository(database, Clock.systemUTC());
    private final ApiKeyRepository keyRows = new ApiKeyRepository(database);
    private final ApiKeys keys = new ApiKeys(keyRows, new SecureRandom(), Clock.systemUTC());
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
        ((Logger) LoggerFactory.getLogger(ApiHandler.class)).detachAppender(log);
        database.close();
    }

    private String start(UnaryOperator<IntakeSettings> settings, UnaryOperator<Recording> clicks) throws Exception {
        links = UnsubscribeLinks.inDataDirectory(data);
        IntakeApi api = new IntakeApi(
                keys, new RecordApiUnsubscribes(unsubscribes, keyRows, Clock.systemUTC(), wakes::incrementAndGet));
        server = IntakeServer.start(
                settings.apply(IntakeSettings.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))),
                links,
                clicks.apply(TestClicks.recordedIn(unsubscribes, data, wakes::incrementAndGet)),
                Optional.of(api),
                new IntakeTally(new IntakeCountRepository(database), Clock.systemUTC()));
        log.start();
        ((Logger) LoggerFactory.getLogger(ApiHandler.class)).addAppender(log);
        return "http://127.0.0.1:" + server.address().getPort();
    }

    private String start() throws Exception {
        return start(UnaryOperator.identity(), UnaryOperator.identity());
    }

    private static HttpRequest.Builder request(String base, String key, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/unsubscribes"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> post(String base, String key, String body) throws Exception {
        return http.send(request(base, key, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String entries(String... emails) {
        return "{\"unsubscribes\": ["
                + java.util.Arrays.stream(emails)
                        .map(email -> "{\"email\": \"" + email + "\", \"reason\": \"asked the CRM\"}")
                        .collect(Collectors.joining(", "))
                + "]}";
    }

    private long uses(String name) {
        return keyRows.byName(name).map(StoredApiKey::uses).orElseThrow();
    }

    private List<String> refusals() {
        return log.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.startsWith("Intake refused"))
                .toList();
    }

    @Test
    void aValidKeysRequestIsRecordedAsTheKeyAndAnsweredWithCountsAfterTheCommit() throws Exception {
        String key = keys.create("crm").key();
        unsubscribes.add(new Unsubscribe(
                new Email("bob@example.com"),
                java.time.Instant.now(),
                UnsubscribeSource.BOUNCE,
                "admin",
                Optional.empty()));
        String base = start();

        HttpResponse<String> answer = post(base, key, entries("Ann@Example.com", "bob@example.com"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"received\":2,\"added\":1,\"alreadyUnsubscribed\":1}");
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(unsubscribes.history(new Email("ann@example.com")))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo(HistoryEntry.Action.UNSUBSCRIBE);
                    assertThat(entry.source()).isEqualTo(UnsubscribeSource.MANUAL);
                    assertThat(entry.actor()).isEqualTo("api:crm");
                    assertThat(entry.reason()).contains("asked the CRM");
                });
        assertThat(unsubscribes.find(new Email("bob@example.com")).orElseThrow().actor())
                .as("left as it was")
                .isEqualTo("admin");
        assertThat(wakes).hasValue(1);
    }

    @Test
    void eachUseIsCountedWithWhenTheKeyWasLastUsed() throws Exception {
        String key = keys.create("crm").key();
        String base = start();
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);

        assertThat(post(base, key, "{\"email\": \"ann@example.com\"}").statusCode())
                .isEqualTo(200);
        assertThat(post(base, key, "{\"email\": \"ann@example.com\", \"reason\": null}")
                        .body())
                .isEqualTo("{\"received\":1,\"added\":0,\"alreadyUnsubscribed\":1}");

        StoredApiKey used = keyRows.byName("crm").orElseThrow();
        assertThat(used.uses()).isEqualTo(2);
        assertThat(used.lastUsed()).hasValueSatisfying(at -> assertThat(at).isAfter(before));
        assertThat(unsubscribes.find(new Email("ann@example.com")).orElseThrow().reason())
                .isEmpty();
    }

    @Test
    void anUnknownOrRevokedKeyGetsTheSame401AndChangesNothing() throws Exception {
        String revoked = keys.create("old").key();
        keys.revoke("old");
        String valid = keys.create("crm").key();
        String wrongSecret = valid.substring(0, valid.length() - 4) + "AAAA";
        String base = start();
        String body = entries("ann@example.com");

        List<HttpResponse<String>> answers = List.of(
                post(base, revoked, body),
                post(base, wrongSecret, body),
                post(base, "usk_0000000000000000_" + "A".repeat(43), body),
                post(base, "not-a-key", body),
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/unsubscribes"))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(ApiHandler.UNAUTHORIZED);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        });
        assertThat(unsubscribes.count()).isZero();
        assertThat(uses("old")).isZero();
        assertThat(uses("crm")).isZero();
        assertThat(refusals())
                .hasSize(5)
                .allSatisfy(line -> assertThat(line)
                        .contains("missing, unknown or revoked")
                        .doesNotContain("ann@")
                        .doesNotContain(revoked.substring(4))
                        .doesNotContain(valid.substring(4, 20)));
    }

    @Test
    void aBadAddressAnywhereRefusesTheWholeRequestNamingItsIndex() throws Exception {
        String key = keys.create("crm").key();
        String base = start();

        HttpResponse<String> answer =
                post(base, key, entries("ann@example.com", "bob@example.com", "carol@exa\\u0007mple.com"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"index\":2").contains("unsubscribe 2: ");
        assertThat(unsubscribes.count()).isZero();
        assertThat(uses("crm")).isZero();
        assertThat(refusals())
                .singleElement()
                .asString()
                .contains("api:crm sent a bad body (unsubscribe 2)")
                .doesNotContain("carol")
                .doesNotContain(key.substring(4));
        assertThat(post(base, key, "[1, 2]").statusCode()).as("not an object").isEqualTo(400);
        assertThat(post(base, key, "{\"unsubscribes\": []}").statusCode()).isEqualTo(400);
        assertThat(post(base, key, "{\"email\": \"ann@example.com\", \"emial\": \"x\"}")
                        .statusCode())
                .as("a field it does not know")
                .isEqualTo(400);
        assertThat(unsubscribes.count()).isZero();
    }

    @Test
    void anOversizedBodyOrTooManyUnsubscribesGet413AndChangeNothing() throws Exception {
        String key = keys.create("crm").key();
        String base = start();
        String padded = "{\"email\": \"ann@example.com\", \"reason\": \""
                + "a".repeat(IntakeSettings.API_MAX_BODY_BYTES) + "\"}";
        String many = entries(IntStream.rangeClosed(0, IntakeSettings.API_MAX_UNSUBSCRIBES)
                .mapToObj(i -> "p" + i + "@example.com")
                .toArray(String[]::new));

        HttpResponse<String> large = post(base, key, padded);
        HttpResponse<String> tooMany = post(base, key, many);
        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/unsubscribes"))
                        .header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(padded.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).as("no length declared").isEqualTo(413);
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(tooMany.body()).contains("at most " + IntakeSettings.API_MAX_UNSUBSCRIBES);
        assertThat(unsubscribes.count()).isZero();
        assertThat(uses("crm")).isZero();
    }

    @Test
    void aFloodFromOneClientGets429WithRetryAfter() throws Exception {
        String key = keys.create("crm").key();
        String base = start(settings -> settings.withPerMinute(3), UnaryOperator.identity());

        HttpResponse<String> first = post(base, key, entries("ann@example.com"));
        HttpResponse<String> second = post(base, key, entries("bob@example.com"));
        HttpResponse<String> unknown = post(base, "usk_0000000000000000_" + "A".repeat(43), entries("x@example.com"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).contains("20");
        assertThat(unknown.statusCode()).as("before any key is looked up").isEqualTo(429);
        assertThat(unsubscribes.isUnsubscribed(new Email("bob@example.com"))).isFalse();
        assertThat(uses("crm")).isEqualTo(1);
    }

    @Test
    void aFloodWithOneKeyFromManyClientsGets429() throws Exception {
        String key = keys.create("crm").key();
        String base = start(
                settings -> settings.withPerMinute(3).withTrustedProxies(Set.of(InetAddress.getLoopbackAddress())),
                UnaryOperator.identity());

        HttpResponse<String> first = http.send(
                request(base, key, entries("ann@example.com"))
                        .header("X-Forwarded-For", "192.0.2.1")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = http.send(
                request(base, key, entries("bob@example.com"))
                        .header("X-Forwarded-For", "192.0.2.2")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        assertThat(unsubscribes.isUnsubscribed(new Email("bob@example.com"))).isFalse();
        assertThat(refusals()).singleElement().asString().contains("key named crm");
    }

    @Test
    void aFullQueueGets503WithRetryAfterAndRecordsNothing() throws Exception {
        String key = keys.create("crm").key();
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
        HttpRequest click = HttpRequest.newBuilder(URI.create(links.make("first@example.com", Optional.empty(), base)
                        .url()
                        .toString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build();
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(click, HttpResponse.BodyHandlers.ofString());
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
        HttpRequest waiting = HttpRequest.newBuilder(URI.create(links.make("second@example.com", Optional.empty(), base)
                        .url()
                        .toString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build();
        CompletableFuture<HttpResponse<String>> second = http.sendAsync(waiting, HttpResponse.BodyHandlers.ofString());
        Eventually.within(Duration.ofSeconds(30))
                .until(
                        "the second click waits in the queue",
                        () -> http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body()
                                .contains("\"waiting\":1"));

        HttpResponse<String> api = post(base, key, entries("api@example.com"));

        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).contains("5");
        storeSlow.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(unsubscribes.isUnsubscribed(new Email("api@example.com"))).isFalse();
        assertThat(uses("crm")).isZero();
    }

    @Test
    void aStoreThatCannotLookTheKeyUpGets503NotA401() throws Exception {
        String key = keys.create("crm").key();
        String base = start();
        database.close();

        HttpResponse<String> answer = post(base, key, entries("ann@example.com"));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("5");
    }

    @Test
    void eachRefusalOfTheApiIsCountedByItsKindAndLoggedWithoutTheClientsAddress() throws Exception {
        String key = keys.create("crm").key();
        String base = start();

        assertThat(post(base, "usk_nothing", entries("ann@example.com")).statusCode())
                .isEqualTo(401);
        assertThat(post(base, key, "not json").statusCode()).isEqualTo(400);
        assertThat(post(base, key, "{\"email\": \"" + "a".repeat(IntakeSettings.API_MAX_BODY_BYTES) + "\"}")
                        .statusCode())
                .isEqualTo(413);
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/unsubscribes"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(405);
        assertThat(post(base + "/api/unsubscribes", key, "{}").statusCode())
                .as("a path under the API's")
                .isEqualTo(404);
        server.close();
        server = null;

        assertThat(new IntakeCountRepository(database).on(LocalDate.now(ZoneOffset.UTC)))
                .containsOnly(
                        Map.entry("badKey", 1L),
                        Map.entry("malformed", 2L),
                        Map.entry("tooLarge", 1L),
                        Map.entry("badLink", 1L));
        assertThat(refusals())
                .hasSize(5)
                .allSatisfy(line -> assertThat(line)
                        .matches("Intake refused a request to /api/unsubscribes from client [0-9a-f]{8}: .*")
                        .doesNotContain("127.0.0.1")
                        .doesNotContain(key.substring(4)));
    }
}
