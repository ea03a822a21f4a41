package com.unsubscribesync.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.unsubscribesync.domain.IntakeRefusal;
import com.unsubscribesync.usecase.ApiCaller;
import com.unsubscribesync.usecase.ApiKeys;
import com.unsubscribesync.usecase.ApiUnsubscribe;
import com.unsubscribesync.usecase.RecordApiUnsubscribes;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/unsubscribes} with {@code Authorization: Bearer KEY} (ADR 0061): the unsubscribes of a request are
 * recorded together and answered 200 with counts once committed. An unknown and a revoked key get the same 401. A
 * refusal is one log line with neither the key nor an address sent.
 */
final class ApiHandler implements HttpHandler {
    static final String PATH = "/api/unsubscribes";
    static final String UNAUTHORIZED = "{\"error\":\"the key is unknown or revoked\"}";

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int BUSY_SECONDS = 5;
    private static final int DRAIN_MOST = 1024 * 1024;

    private final ApiKeys keys;
    private final RecordApiUnsubscribes unsubscribes;
    private final RecordingQueue queue;
    private final ClientAddress clients;
    private final ClientRate<InetAddress> clientRate;
    private final ClientRate<String> keyRate;
    private final IntakeSettings settings;
    private final Refusals refusals;

    ApiHandler(
            ApiKeys keys,
            RecordApiUnsubscribes unsubscribes,
            RecordingQueue queue,
            ClientAddress clients,
            ClientRate<InetAddress> clientRate,
            ClientRate<String> keyRate,
            IntakeSettings settings,
            Refusals refusals) {
        this.keys = keys;
        this.unsubscribes = unsubscribes;
        this.queue = queue;
        this.clients = clients;
        this.clientRate = clientRate;
        this.keyRate = keyRate;
        this.settings = settings;
        this.refusals = refusals;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            InetAddress client = clients.of(exchange);
            if (!PATH.equals(exchange.getRequestURI().getRawPath())) {
                refused(IntakeRefusal.BAD_LINK, client, "no such path");
                Answers.empty(exchange, 404);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                refused(IntakeRefusal.MALFORMED, client, "method " + exchange.getRequestMethod() + " not allowed");
                exchange.getResponseHeaders().set("Allow", "POST");
                Answers.empty(exchange, 405);
                return;
            }
            if (!clientRate.allow(client)) {
                refused(IntakeRefusal.TOO_FAST, client, "too many requests from this client");
                Answers.later(exchange, 429, retrySeconds(), false);
                return;
            }
            if (declaredTooLarge(exchange)) {
                tooLarge(exchange, client);
                return;
            }
            Optional<ApiCaller> caller;
            try {
                caller = Answers.header(exchange, "Authorization")
                        .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                        .flatMap(value -> keys.caller(value.substring(7)));
            } catch (RuntimeException storeDown) {
                // A store that is down is the admin's to see as a warning; it is still this request's one line.
                refusals.counted(IntakeRefusal.BUSY);
                LOG.warn(
                        "Intake: the API key could not be looked up: {}",
                        storeDown.getClass().getSimpleName());
                Answers.later(exchange, 503, BUSY_SECONDS, false);
                return;
            }
            if (caller.isEmpty()) {
                refused(IntakeRefusal.BAD_KEY, client, "the key is missing, unknown or revoked");
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                Answers.json(exchange, 401, UNAUTHORIZED);
                return;
            }
            if (!keyRate.allow(caller.get().name())) {
                refused(
                        IntakeRefusal.TOO_FAST,
                        client,
                        "too many requests with the key named " + caller.get().name());
                Answers.later(exchange, 429, retrySeconds(), false);
                return;
            }
            record(exchange, client, caller.get());
        }
    }

    private void record(HttpExchange exchange, InetAddress client, ApiCaller caller) throws IOException {
        Optional<byte[]> body = body(exchange);
        if (body.isEmpty()) {
            tooLarge(exchange, client);
            return;
        }
        List<ApiUnsubscribe> requested;
        try {
            requested = ApiRequestBody.read(body.get(), IntakeSettings.API_MAX_UNSUBSCRIBES);
        } catch (ApiRequestBody.Refused e) {
            refused(
                    e.status == 413 ? IntakeRefusal.TOO_LARGE : IntakeRefusal.MALFORMED,
                    client,
                    caller.actor() + " sent a bad body"
                            + e.index
                                    .map(index -> " (unsubscribe " + index + ")")
                                    .orElse(""));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", e.getMessage());
            e.index.ifPresent(index -> answer.put("index", index));
            Answers.json(exchange, e.status, json(answer));
            return;
        }
        Optional<Future<RecordApiUnsubscribes.Recorded>> write =
                queue.offer(() -> unsubscribes.record(caller, requested));
        if (write.isEmpty()) {
            refused(IntakeRefusal.BUSY, client, "queue full");
            Answers.later(exchange, 503, BUSY_SECONDS, false);
            return;
        }
        try {
            RecordApiUnsubscribes.Recorded recorded =
                    write.get().get(settings.answerWithin().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info(
                    "Intake: {} recorded a request of {} (new: {})",
                    caller.actor(),
                    recorded.received(),
                    recorded.added());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("received", recorded.received());
            answer.put("added", recorded.added());
            answer.put("alreadyUnsubscribed", recorded.alreadyUnsubscribed());
            Answers.json(exchange, 200, json(answer));
        } catch (TimeoutException e) {
            refused(
                    IntakeRefusal.BUSY,
                    client,
                    "the store did not commit within " + settings.answerWithin().toSeconds() + " s");
            Answers.later(exchange, 503, BUSY_SECONDS, false);
        } catch (ExecutionException e) {
            refusals.failed();
            LOG.warn(
                    "Intake: the unsubscribes {} sent could not be written: {}",
                    caller.actor(),
                    e.getCause().getClass().getSimpleName());
            Answers.later(exchange, 503, BUSY_SECONDS, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Answers.later(exchange, 503, BUSY_SECONDS, false);
        }
    }

    private int retrySeconds() {
        return Math.max(1, 60 / Math.max(1, settings.perMinute()));
    }

    private void tooLarge(HttpExchange exchange, InetAddress client) throws IOException {
        refused(IntakeRefusal.TOO_LARGE, client, "body larger than " + IntakeSettings.API_MAX_BODY_BYTES + " bytes");
        if (!drained(exchange)) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        Answers.json(
                exchange,
                413,
                "{\"error\":\"the body is larger than " + IntakeSettings.API_MAX_BODY_BYTES + " bytes\"}");
    }

    /**
     * Reads and drops the rest of a body too large, up to a bound: a client still sending when the connection closes
     * gets a reset instead of the 413. Whether it was all read.
     */
    private static boolean drained(HttpExchange exchange) throws IOException {
        long left = DRAIN_MOST;
        byte[] buffer = new byte[16 * 1024];
        InputStream in = exchange.getRequestBody();
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return true;
            }
            left -= read;
        }
        return false;
    }

    private static boolean declaredTooLarge(HttpExchange exchange) {
        Optional<String> declared = Answers.header(exchange, "Content-Length");
        try {
            return declared.isPresent() && Long.parseLong(declared.get().strip()) > IntakeSettings.API_MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * The body, or empty when more came than allowed (a chunked body declares no length). The stream is left open
     * for {@link #drained}; closing the exchange closes it.
     */
    private static Optional<byte[]> body(HttpExchange exchange) throws IOException {
        int most = IntakeSettings.API_MAX_BODY_BYTES;
        byte[] bytes = exchange.getRequestBody().readNBytes(most + 1);
        return bytes.length > most ? Optional.empty() : Optional.of(bytes);
    }

    private static String json(Map<String, Object> answer) {
        try {
            return MAPPER.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings and numbers is always JSON", e);
        }
    }

    private void refused(IntakeRefusal kind, InetAddress client, String why) {
        refusals.refused(LOG, kind, "a request to " + PATH, client, why);
    }
}
