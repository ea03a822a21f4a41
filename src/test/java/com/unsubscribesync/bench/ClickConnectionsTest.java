package com.unsubscribesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bench's load generator: one-click POSTs that reuse their connection and read what the server answered. */
class ClickConnectionsTest {
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI serving(int status) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/u/", exchange -> {
            try (exchange) {
                clientPorts.add(exchange.getRemoteAddress().getPort());
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
                if (status != 200) {
                    exchange.getResponseHeaders().set("Retry-After", "5");
                }
                byte[] page = "<p>done</p>".getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(status, page.length);
                exchange.getResponseBody().write(page);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/u/token-");
    }

    @Test
    void clicksOneAfterTheOtherGoOverOneKeptAliveConnection() throws Exception {
        URI base = serving(200);
        try (ClickConnections connections = new ClickConnections(base)) {
            for (int i = 0; i < 20; i++) {
                CompletableFuture<ClickConnections.Answer> answer = new CompletableFuture<>();
                connections.post(URI.create(base + Integer.toString(i)), answer::complete);
                assertThat(answer.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        }
        assertThat(bodies).hasSize(20).allMatch("List-Unsubscribe=One-Click"::equals);
        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void aTurnedAwayClickReadsItsStatusAndRetryAfter() throws Exception {
        URI base = serving(503);
        try (ClickConnections connections = new ClickConnections(base)) {
            CompletableFuture<ClickConnections.Answer> answer = new CompletableFuture<>();
            connections.post(URI.create(base + "x"), answer::complete);

            ClickConnections.Answer turnedAway = answer.get(10, TimeUnit.SECONDS);
            assertThat(turnedAway.status()).isEqualTo(503);
            assertThat(turnedAway.retryAfterSeconds()).hasValue(5);
        }
    }
}
