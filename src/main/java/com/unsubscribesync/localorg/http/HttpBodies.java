package com.unsubscribesync.localorg.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Request and response bodies as Salesforce's API endpoints handle them: gzip in both directions when asked. */
public final class HttpBodies {
    private HttpBodies() {}

    /** A request body longer than the service takes, as sent or once gunzipped. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final int limit;

        TooLarge(int limit) {
            super("the request body is longer than " + limit + " bytes");
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }

    /**
     * The request body, gunzipped when so marked; force-wsc marks its bodiless GET requests gzip too. Reads at most
     * {@code limit} bytes as sent and as gunzipped, so a huge body or a gzip bomb costs no more memory than that.
     *
     * @throws TooLarge when either is longer
     */
    public static byte[] read(HttpExchange exchange, int limit) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(limit == Integer.MAX_VALUE ? limit : limit + 1);
        if (body.length > limit) {
            throw new TooLarge(limit);
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (body.length == 0
                || encoding == null
                || !encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] inflated = in.readNBytes(limit == Integer.MAX_VALUE ? limit : limit + 1);
            if (inflated.length > limit) {
                throw new TooLarge(limit);
            }
            return inflated;
        }
    }

    /**
     * Sends a body kept gzipped: as it is when the client accepts gzip, else unzipped as it is sent, so it is never
     * whole in memory as plain bytes.
     */
    public static void sendGzipped(HttpExchange exchange, int status, String contentType, byte[] gzipped, long length)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (acceptsGzip(exchange)) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
            exchange.sendResponseHeaders(status, gzipped.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(gzipped);
            }
            return;
        }
        exchange.sendResponseHeaders(status, length);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped));
                OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
    }

    private static boolean acceptsGzip(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        return accept != null && accept.contains("gzip");
    }

    /** Sends the text, gzipped when the client accepts it and it is worth it. */
    public static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (acceptsGzip(exchange) && bytes.length > 512) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(bytes.length / 4);
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(bytes);
            }
            bytes = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.getResponseHeaders().set("Vary", "Accept-Encoding");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
