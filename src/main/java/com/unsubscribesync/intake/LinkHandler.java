package com.unsubscribesync.intake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.unsubscribesync.domain.IntakeRefusal;
import com.unsubscribesync.links.LinkSubject;
import com.unsubscribesync.links.MaskedAddress;
import com.unsubscribesync.links.UnsubscribeLinks;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /u/{token}}: a GET shows the masked address and one button and records nothing (link scanners follow GETs);
 * a POST with {@code List-Unsubscribe=One-Click} records the unsubscribe and answers 200 once it is committed. That
 * answer is sent from {@link Unanswered}'s thread after the commit, so the request thread is free at once. A refusal
 * is one log line with neither the token nor the address (of the recipient or of the client).
 */
final class LinkHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LinkHandler.class);
    private static final Pattern PATH = Pattern.compile("/u/([A-Za-z0-9_-]{1,2048})/?");
    private static final int BUSY_SECONDS = 5;

    private final UnsubscribeLinks links;
    private final RecordingQueue queue;
    private final ClientAddress clients;
    private final ClientRate<InetAddress> rate;
    private final IntakeSettings settings;
    private final Unanswered unanswered;
    private final Refusals refusals;

    LinkHandler(
            UnsubscribeLinks links,
            RecordingQueue queue,
            ClientAddress clients,
            ClientRate<InetAddress> rate,
            IntakeSettings settings,
            Unanswered unanswered,
            Refusals refusals) {
        this.links = links;
        this.queue = queue;
        this.clients = clients;
        this.rate = rate;
        this.settings = settings;
        this.unanswered = unanswered;
        this.refusals = refusals;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        unanswered.taken();
        boolean afterCommit = false;
        try {
            InetAddress client = clients.of(exchange);
            String method = exchange.getRequestMethod();
            if (!rate.allow(client)) {
                refused(IntakeRefusal.TOO_FAST, method, client, "too many requests from this client");
                Answers.later(exchange, 429, Math.max(1, 60 / Math.max(1, settings.perMinute())), false);
                return;
            }
            Matcher path = PATH.matcher(exchange.getRequestURI().getRawPath());
            Optional<String> token = path.matches() ? Optional.of(path.group(1)) : Optional.empty();
            switch (method) {
                case "GET", "HEAD" -> show(exchange, client, token);
                case "POST" -> afterCommit = unsubscribe(exchange, client, token);
                default -> {
                    refused(IntakeRefusal.MALFORMED, method, client, "method not allowed");
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                    Answers.empty(exchange, 405);
                }
            }
        } finally {
            if (!afterCommit) {
                exchange.close();
                unanswered.answered();
            }
        }
    }

    private void show(HttpExchange exchange, InetAddress client, Optional<String> token) throws IOException {
        Optional<LinkSubject> subject = token.flatMap(links::open);
        if (subject.isEmpty()) {
            refused(IntakeRefusal.BAD_LINK, exchange.getRequestMethod(), client, "link not valid");
            Answers.page(exchange, 404, Pages.notValid());
            return;
        }
        Answers.page(exchange, 200, Pages.ask(MaskedAddress.of(subject.get().email())));
    }

    /** Whether the answer is left to the commit of the unsubscribe (else it was sent here). */
    private boolean unsubscribe(HttpExchange exchange, InetAddress client, Optional<String> token) throws IOException {
        Optional<byte[]> body = body(exchange);
        if (body.isEmpty()) {
            refused(IntakeRefusal.TOO_LARGE, "POST", client, "body larger than " + settings.maxBodyBytes() + " bytes");
            // The body is left unread: over TLS the connection cannot be reused for the client's next request.
            exchange.getResponseHeaders().set("Connection", "close");
            Answers.empty(exchange, 413);
            return false;
        }
        OneClickForm form = OneClickForm.read(Answers.header(exchange, "Content-Type"), body.get());
        Optional<LinkSubject> subject = token.flatMap(links::open);
        if (subject.isEmpty()) {
            refused(IntakeRefusal.BAD_LINK, "POST", client, "link not valid");
            answer(exchange, 404, form, Pages.notValid());
            return false;
        }
        if (!form.oneClick()) {
            refused(IntakeRefusal.MALFORMED, "POST", client, "body is not List-Unsubscribe=One-Click");
            answer(exchange, 400, form, Pages.notValid());
            return false;
        }
        Optional<CompletableFuture<Boolean>> write = queue.offer(subject.get());
        if (write.isEmpty()) {
            refused(IntakeRefusal.BUSY, "POST", client, "queue full");
            Answers.later(exchange, 503, BUSY_SECONDS, form.fromPage());
            return false;
        }
        String masked = MaskedAddress.of(subject.get().email());
        write.get()
                .copy()
                .orTimeout(settings.answerWithin().toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync(
                        (added, error) -> {
                            try (exchange) {
                                committed(exchange, client, form, masked, added, error);
                            } catch (IOException | RuntimeException e) {
                                LOG.info(
                                        "Intake: a click's answer could not be sent: {}",
                                        e.getClass().getSimpleName());
                            } finally {
                                unanswered.answered();
                            }
                        },
                        unanswered.answerer());
        return true;
    }

    /** The answer once the write is over: 200 after its commit, else 503 to send the click again later. */
    private void committed(
            HttpExchange exchange, InetAddress client, OneClickForm form, String masked, Boolean added, Throwable error)
            throws IOException {
        Throwable failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (failure == null) {
            LOG.info("Intake: {} unsubscribed by a clicked link{}", masked, added ? "" : " (already unsubscribed)");
            answer(exchange, 200, form, Pages.done());
        } else if (failure instanceof TimeoutException) {
            refused(
                    IntakeRefusal.BUSY,
                    "POST",
                    client,
                    "the store did not commit within " + settings.answerWithin().toSeconds() + " s");
            Answers.later(exchange, 503, BUSY_SECONDS, form.fromPage());
        } else {
            refusals.failed();
            LOG.warn("Intake: the unsubscribe of {} could not be written: {}", masked, failure.toString());
            Answers.later(exchange, 503, BUSY_SECONDS, form.fromPage());
        }
    }

    /** A person who clicked our button gets a page; a mail provider's one-click POST gets no body to read. */
    private static void answer(HttpExchange exchange, int status, OneClickForm form, String page) throws IOException {
        if (form.fromPage()) {
            Answers.page(exchange, status, page);
        } else {
            Answers.empty(exchange, status);
        }
    }

    /** The request body, or empty when it is larger than allowed (by its declared length or by what came). */
    private Optional<byte[]> body(HttpExchange exchange) throws IOException {
        int most = settings.maxBodyBytes();
        Optional<String> declared = Answers.header(exchange, "Content-Length");
        try {
            if (declared.isPresent() && Long.parseLong(declared.get().strip()) > most) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(most + 1);
            return bytes.length > most ? Optional.empty() : Optional.of(bytes);
        }
    }

    private void refused(IntakeRefusal kind, String method, InetAddress client, String why) {
        refusals.refused(LOG, kind, "a " + method, client, why);
    }
}
