package com.unsubscribesync.intake;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import com.unsubscribesync.domain.IntakeRefusal;
import com.unsubscribesync.links.UnsubscribeLinks;
import com.unsubscribesync.usecase.IntakeTally;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake {@code serve --intake} runs (ADR 0057): one-click links under {@code /u/}, {@code POST
 * /api/unsubscribes} for callers with a key (ADR 0061), and {@code /health}. A click waiting for its commit holds no
 * request thread: the answer is sent after the commit by {@link Unanswered}'s thread (ADR 0068). An API request still
 * waits on its thread, so there are enough for a full queue of them (up to 64) and a few more; past that the acceptor
 * answers itself, which slows a flood down at the socket.
 */
public final class IntakeServer implements AutoCloseable {
    /** Connections the system holds for us while every request thread is busy: a burst of clicks opens many at once. */
    private static final int BACKLOG = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(IntakeServer.class);

    private final HttpServer server;
    private final RecordingQueue queue;
    private final ThreadPoolExecutor requests;
    private final Unanswered unanswered;
    private final CountSaving counts;

    private IntakeServer(
            HttpServer server,
            RecordingQueue queue,
            ThreadPoolExecutor requests,
            Unanswered unanswered,
            CountSaving counts) {
        this.server = server;
        this.queue = queue;
        this.requests = requests;
        this.unanswered = unanswered;
        this.counts = counts;
    }

    /**
     * @param api   the keys and the writes of {@code POST /api/unsubscribes}; without them that path is not there (404)
     * @param tally where refusals and failed commits are counted; saved every few seconds and on close
     * @throws IOException when the address cannot be listened on (taken, not this computer's)
     */
    public static IntakeServer start(
            IntakeSettings settings,
            UnsubscribeLinks links,
            Recording recording,
            Optional<IntakeApi> api,
            IntakeTally tally)
            throws IOException {
        links.check();
        HttpServer server = listen(settings);
        RecordingQueue queue = new RecordingQueue(recording, settings.queue(), settings.writers());
        int threads = Math.min(settings.queue(), 64) + settings.writers() + 8;
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor requests = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256),
                task -> {
                    Thread thread = new Thread(task, "intake-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        requests.allowCoreThreadTimeOut(true);
        ClientAddress clients = new ClientAddress(settings.trustedProxies());
        Refusals refusals = new Refusals(tally, new SecureRandom());
        ClientRate<InetAddress> rate = new ClientRate<>(settings.perMinute(), System::nanoTime);
        Unanswered answering = new Unanswered();
        LinkHandler handler = new LinkHandler(links, queue, clients, rate, settings, answering, refusals);
        server.createContext("/u/", handler);
        api.ifPresent(given -> {
            ApiHandler apiHandler = new ApiHandler(
                    given.keys(),
                    given.unsubscribes(),
                    queue,
                    clients,
                    new ClientRate<>(settings.perMinute(), System::nanoTime),
                    new ClientRate<>(settings.perMinute(), System::nanoTime),
                    settings,
                    refusals);
            server.createContext(ApiHandler.PATH, exchange -> {
                answering.taken();
                try {
                    apiHandler.handle(exchange);
                } finally {
                    answering.answered();
                }
            });
        });
        server.createContext("/health", exchange -> {
            try (exchange) {
                Answers.json(exchange, 200, "{\"status\":\"ok\",\"waiting\":" + queue.waiting() + "}");
            }
        });
        server.createContext("/", exchange -> {
            try (exchange) {
                refusals.refused(
                        LOG,
                        IntakeRefusal.BAD_LINK,
                        "a " + exchange.getRequestMethod(),
                        clients.of(exchange),
                        "no such path");
                Answers.empty(exchange, 404);
            }
        });
        server.setExecutor(requests);
        server.start();
        return new IntakeServer(server, queue, requests, answering, new CountSaving(tally));
    }

    /** HTTPS with TLS 1.2 and 1.3 only when a certificate is given. */
    private static HttpServer listen(IntakeSettings settings) throws IOException {
        if (settings.tls().isEmpty()) {
            return HttpServer.create(settings.address(), BACKLOG);
        }
        IntakeCertificate certificate = settings.tls().get();
        HttpsServer server = HttpsServer.create(settings.address(), BACKLOG);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.context()) {
            @Override
            public void configure(HttpsParameters parameters) {
                parameters.setSSLParameters(certificate.parameters());
            }
        });
        return server;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Where it listens, as a URL: {@code https://127.0.0.1:8443} with TLS, {@code http://…} without. */
    public String url() {
        InetSocketAddress address = address();
        String host = address.getAddress() instanceof Inet6Address six
                ? "[" + six.getHostAddress() + "]"
                : address.getAddress().getHostAddress();
        return (server instanceof HttpsServer ? "https" : "http") + "://" + host + ":" + address.getPort();
    }

    /**
     * Unsubscribes this intake has taken and not yet committed: while there are any, a burst is still arriving
     * though the outbox has not grown for a moment.
     */
    public int notYetCommitted() {
        return queue.notYetCommitted();
    }

    /**
     * Lets the writes already taken commit (clicks after this get 503) and their answers go out, then stops. Java 17's
     * {@code HttpServer.stop} waits its whole delay whenever a connection is open, so the wait is done here.
     */
    @Override
    public void close() {
        queue.close();
        unanswered.awaitNone(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        server.stop(0);
        requests.shutdown();
        unanswered.close();
        counts.close();
    }
}
