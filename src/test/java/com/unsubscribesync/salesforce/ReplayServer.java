package com.unsubscribesync.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A loopback HTTP server that answers each request with the next queued answer, as Salesforce sent it, and keeps
 * what was asked. A SOAP {@code getUserInfo} is answered apart (every connection asks it first), so that a queue
 * holds only the answers under test, unless the next queued answer is itself a getUserInfo answer. Nothing is made
 * up: an empty queue is a 599 the client cannot mistake.
 */
final class ReplayServer implements AutoCloseable {
    /** One answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {
        static Answer capture(String name) {
            if (name.startsWith("metadata-layout-")) {
                throw new IllegalArgumentException(name + " is a Layout document: use Captures.layoutReadAnswer");
            }
            return new Answer(Captures.status(name), Captures.contentType(name), Captures.answer(name));
        }
    }

    /** One request as received: method, path and the (unzipped) body. */
    record Request(String method, String path, String body) {}

    private final HttpServer server;
    private final Deque<Answer> queue = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Optional<Answer> identity = Optional.empty();

    ReplayServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized ReplayServer then(Answer answer) {
        queue.addLast(answer);
        return this;
    }

    ReplayServer thenCapture(String name) {
        return then(Answer.capture(name));
    }

    /** The answer to every {@code getUserInfo}. */
    ReplayServer answeringIdentityWith(Answer answer) {
        identity = Optional.of(answer);
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests other than getUserInfo. */
    List<Request> requestsUnderTest() {
        return requests.stream().filter(r -> !r.body().contains("getUserInfo")).toList();
    }

    synchronized int unanswered() {
        return queue.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = read(exchange);
            requests.add(new Request(
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
            Answer answer =
                    body.contains("getUserInfo") && identity.isPresent() && !userInfoQueued() ? identity.get() : next();
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private synchronized boolean userInfoQueued() {
        return !queue.isEmpty() && queue.peekFirst().body().contains("getUserInfoResponse");
    }

    private synchronized Answer next() {
        Answer answer = queue.pollFirst();
        return answer != null ? answer : new Answer(599, "text/plain", "the replay has no answer left");
    }

    private static String read(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = new ByteArrayInputStream(raw);
        if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip") && raw.length > 0) {
            in = new GZIPInputStream(in);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
