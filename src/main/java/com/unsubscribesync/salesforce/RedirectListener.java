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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-shot listener on the loopback addresses (RFC 8252 loopback redirect) that receives the browser's redirect
 * after the admin allows access and hands over the query parameters; the browser's page waits until the sign-in
 * says how it ended ({@link Redirect#answer}), so it tells the admin what happened. A browser may resolve
 * {@code localhost} to 127.0.0.1 or to ::1, so it listens on both where this computer has IPv6; never on another
 * interface. Each connection is served on a thread of its own, so a client that connects and sends nothing, or
 * half a request, never holds up the browser's redirect.
 */
final class RedirectListener implements AutoCloseable {
    static final String PATH = OAuthCallback.PATH;
    /** How long the browser's page waits for the sign-in to finish (redeeming the code) before it says so. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(90);

    private final OAuthCallback callback;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sign-in-redirect");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<Redirect> redirect = new CompletableFuture<>();
    /** Done once the first redirect's page has been sent (or could not be). */
    private final CompletableFuture<Void> answered = new CompletableFuture<>();
    /** How long closing waits for that page to be sent. */
    private static final Duration SENDING = Duration.ofSeconds(5);

    /** The browser's redirect: its query parameters, and the page it is still waiting for. */
    static final class Redirect {
        private final Map<String, String> params;
        private final CompletableFuture<String> page = new CompletableFuture<>();

        private Redirect(Map<String, String> params) {
            this.params = Map.copyOf(params);
        }

        Map<String, String> params() {
            return params;
        }

        /** Tells the browser how the sign-in ended; only the first answer counts. */
        void answer(SignInPage answer) {
            page.complete(answer.html());
        }
    }

    /** @throws PortTakenException when another program listens on the callback's port */
    RedirectListener(OAuthCallback callback) throws IOException {
        this.callback = callback;
        try {
            listen(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), true);
            listen(
                    InetAddress.getByAddress("localhost", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}),
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
            boolean inUse = e.getMessage() != null
                    && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("in use");
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
        server.setExecutor(connections);
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

    /** The redirect, once it has arrived; answer it with how the sign-in ended. */
    Redirect await(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return redirect.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Redirect arrived = new Redirect(parse(exchange.getRequestURI().getRawQuery()));
            boolean first = redirect.complete(arrived);
            try {
                send(
                        exchange,
                        first ? pageFor(arrived) : SignInPage.alreadyFinished().html());
            } finally {
                if (first) {
                    answered.complete(null);
                }
            }
        }
    }

    /** The page once the sign-in has ended, or a page saying it was not confirmed in time. */
    private static String pageFor(Redirect arrived) {
        try {
            return arrived.page.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return SignInPage.stillChecking().html();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SignInPage.stillChecking().html();
        }
    }

    private static void send(HttpExchange exchange, String page) throws IOException {
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
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
        redirect.thenAccept(arrived -> arrived.answer(SignInPage.stillChecking()));
        if (redirect.isDone()) {
            try {
                answered.get(SENDING.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // The browser gets no page; the app itself says how the sign-in ended.
            }
        }
        servers.forEach(server -> server.stop(0));
        servers.clear();
        connections.shutdownNow();
    }
}
