package com.unsubscribesync.salesforce;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-shot listener on the loopback addresses (RFC 8252 loopback redirect) that receives the browser's redirect
 * after the admin allows access, answers with a page saying the window can be closed, and hands over the query
 * parameters. A browser may resolve {@code localhost} to 127.0.0.1 or to ::1, so it listens on both where this
 * computer has IPv6; never on another interface.
 */
final class RedirectListener implements AutoCloseable {
    static final String PATH = OAuthCallback.PATH;

    private final OAuthCallback callback;
    private final List<HttpServer> servers = new ArrayList<>();
    private final CompletableFuture<Map<String, String>> redirect = new CompletableFuture<>();

    /** @throws PortTakenException when another program listens on the callback's port */
    RedirectListener(OAuthCallback callback) throws IOException {
        this.callback = callback;
        try {
            listen(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), true);
            listen(InetAddress.getByAddress("localhost", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}),
                    false);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void listen(InetAddress address, boolean required) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, callback.port()), 4);
        } catch (BindException e) {
            boolean inUse = e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT)
                    .contains("in use");
            if (required || inUse) {
                throw new PortTakenException(callback.port(), e);
            }
            return;
        } catch (IOException e) {
            if (required || !(address instanceof Inet6Address)) {
                throw e;
            }
            return;
        }
        server.createContext(PATH, this::handle);
        server.start();
        servers.add(server);
    }

    /** Another program holds the callback port on a loopback address. */
    static final class PortTakenException extends IOException {
        PortTakenException(int port, BindException cause) {
            super("port " + port + " is taken", cause);
        }
    }

    /** The exact redirect URI the browser is sent back to, as registered in the connected app. */
    String redirectUri() {
        return callback.url();
    }

    /** The loopback addresses listened on (127.0.0.1, and ::1 where this computer has IPv6). */
    List<InetSocketAddress> addresses() {
        return servers.stream().map(HttpServer::getAddress).toList();
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
        servers.forEach(server -> server.stop(0));
        servers.clear();
    }
}
