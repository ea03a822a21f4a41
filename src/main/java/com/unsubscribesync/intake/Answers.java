package com.unsubscribesync.intake;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Every answer of the intake, with the same security headers: nothing cached, nothing loaded from elsewhere, and over
 * TLS, HTTPS only from then on.
 */
final class Answers {
    static final String POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** A year: browsers that saw the intake over HTTPS keep to HTTPS for its host. */
    static final long HSTS_SECONDS = 31_536_000;

    private Answers() {}

    static void empty(HttpExchange exchange, int status) throws IOException {
        headers(exchange);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    static void page(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", html);
    }

    static void json(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json);
    }

    /** 503 or 429 with the seconds after which to try again; a page only for a person who clicked our button. */
    static void later(HttpExchange exchange, int status, int seconds, boolean page) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", Integer.toString(seconds));
        if (page) {
            page(exchange, status, Pages.busy());
        } else {
            empty(exchange, status);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers(exchange);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private static void headers(HttpExchange exchange) {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", POLICY);
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        if (exchange instanceof HttpsExchange) {
            headers.set("Strict-Transport-Security", "max-age=" + HSTS_SECONDS);
        }
    }

    static Optional<String> header(HttpExchange exchange, String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }
}
