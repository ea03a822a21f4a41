package com.unsubscribesync.localorg.oauth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The replies the OAuth endpoints send: JSON bodies, small HTML pages and redirects; never cached. */
final class HttpReplies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpReplies() {}

    static void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        send(exchange, status, "application/json;charset=UTF-8", toJson(body));
    }

    /** An OAuth error in Salesforce's JSON shape. */
    static void error(HttpExchange exchange, int status, String code, String description) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        json(exchange, status, body);
    }

    static void page(HttpExchange exchange, int status, String title, String bodyHtml) throws IOException {
        send(
                exchange,
                status,
                "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                        + "<title>" + html(title) + "</title></head><body><h1>" + html(title) + "</h1>" + bodyHtml
                        + "</body></html>");
    }

    /** Sends the browser back to the client's redirect URI with the given query and the client's state. */
    static void redirect(HttpExchange exchange, String redirect, String query, String state) throws IOException {
        String location = redirect
                + (redirect.contains("?") ? "&" : "?")
                + query
                + (state == null ? "" : "&state=" + FormData.encode(state));
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String toJson(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a token reply could not be written as JSON", e);
        }
    }
}
