package com.unsubscribesync.intake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The body of a one-click POST: RFC 8058 asks mail providers for {@code List-Unsubscribe=One-Click} as
 * {@code multipart/form-data} or {@code application/x-www-form-urlencoded}; our own page sends the latter with
 * {@code from=page}, to get a page back instead of an empty answer.
 */
record OneClickForm(boolean oneClick, boolean fromPage) {
    static final String PAGE_FIELD = "from";
    static final String PAGE_VALUE = "page";

    static OneClickForm read(Optional<String> contentType, byte[] body) {
        String type = contentType.orElse("").toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, String> fields = type.startsWith("multipart/form-data")
                ? multipart(text, boundary(contentType.get()))
                : urlEncoded(text);
        return new OneClickForm(
                "One-Click".equals(fields.get("List-Unsubscribe")), PAGE_VALUE.equals(fields.get(PAGE_FIELD)));
    }

    private static Map<String, String> urlEncoded(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : text.strip().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                try {
                    fields.putIfAbsent(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // A broken escape: that pair counts for nothing.
                }
            }
        }
        return fields;
    }

    private static Optional<String> boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("boundary")) {
                return Optional.of(pair[1].strip().replace("\"", ""));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> multipart(String text, Optional<String> boundary) {
        Map<String, String> fields = new HashMap<>();
        if (boundary.isEmpty() || boundary.get().isEmpty()) {
            return fields;
        }
        for (String part : text.split("--" + java.util.regex.Pattern.quote(boundary.get()))) {
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            var name = java.util.regex.Pattern.compile("(?i)content-disposition:[^\r\n]*;\\s*name=\"([^\"]*)\"")
                    .matcher(part.substring(0, split));
            if (name.find()) {
                fields.putIfAbsent(name.group(1), part.substring(split + 4).replaceAll("\r\n$", ""));
            }
        }
        return fields;
    }
}
