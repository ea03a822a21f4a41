package com.unsubscribesync.links;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.PrintableText;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where recipients reach the intake, as links start: {@code https://unsubscribe.example.com} or with a path a reverse
 * proxy maps to the intake's root. Plain http only for this computer (trying links out), since a link carries the
 * token that unsubscribes.
 */
public record BaseUrl(URI uri) {
    public static BaseUrl parse(String text) {
        String given = text == null ? "" : text.strip();
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException e) {
            throw refused(given, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw refused(given, "is not an http(s) address with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw refused(given, "has a query, a fragment or a user name");
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw refused(given, "is plain http beyond this computer: use https");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return new BaseUrl(URI.create(scheme + "://" + uri.getRawAuthority() + path));
    }

    /** The one-click link for a token. */
    URI link(String token) {
        return URI.create(uri + "/u/" + token);
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+\\]")
                    && InetAddress.getByName(host.replace("[", "").replace("]", ""))
                            .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static InvalidInputException refused(String given, String why) {
        return new InvalidInputException("base URL '" + PrintableText.of(given) + "' " + why
                + ": give where recipients reach the intake, e.g. https://unsubscribe.example.com");
    }
}
