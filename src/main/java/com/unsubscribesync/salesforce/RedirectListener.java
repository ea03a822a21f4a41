package com.unsubscribesync.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-shot listener on 127.0.0.1 (RFC 8252 loopback redirect) that receives the browser's redirect after the
 * admin allows access, answers with a page saying the window can be closed, and hands over the query parameters.
 */
final class RedirectListener implements AutoCloseable {
    static final String PATH = "/oauth/callback";

    private final HttpServer server;
    private final CompletableFuture<Map<String, String>> redirect = new CompletableFuture<>();

    RedirectListener() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        server.createContext(PATH, this::handle);
        server.start();
    }

    String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The redirect's query parameters, once it has arrived. */
    Map<String, String> await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return redirect.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> params = parse(exchange.getRequestURI().getRawQuery());
            boolean first = !redirect.isDone();
            String message = !first ? "This sign-in has already finished; you can close this window."
                    : params.containsKey("error") ? "Access was not allowed; you can close this window."
                    : "Unsubscribe Sync is connected; you can close this window.";
            byte[] body = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Unsubscribe Sync</title>"
                    + "</head><body><p>" + message + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            if (first) {
                redirect.complete(params);
            }
        }
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> params = new HashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
