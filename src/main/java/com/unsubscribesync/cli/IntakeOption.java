package com.unsubscribesync.cli;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.PrintableText;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where {@code serve --intake} listens: {@code PORT} alone is this computer only (127.0.0.1); an address others can
 * reach needs {@code --intake-open}, so opening the intake to a network is a decision, not a typo.
 *
 * @param trustedProxies reverse proxies whose X-Forwarded-For names the client
 * @param perMinute      requests a client may make a minute
 * @param tls            the PKCS12 file to serve HTTPS with (its password is in the environment)
 * @param zone           the admin's time zone: the days its counts of refused requests are kept by
 */
public record IntakeOption(
        InetSocketAddress address, Set<InetAddress> trustedProxies, int perMinute, Optional<Path> tls, ZoneId zone) {

    static IntakeOption parse(
            String given, boolean open, List<String> proxies, int perMinute, Optional<Path> tls, ZoneId zone) {
        String text = given.strip();
        int colon = text.lastIndexOf(':');
        String host = colon < 0
                ? "127.0.0.1"
                : text.substring(0, colon).replace("[", "").replace("]", "");
        InetAddress address = address("--intake", host.isEmpty() ? "127.0.0.1" : host);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65_535) {
            throw new InvalidInputException("--intake " + PrintableText.of(text)
                    + " has no port from 0 to 65535: give ADDRESS:PORT, e.g. 127.0.0.1:8080");
        }
        if (!address.isLoopbackAddress() && !open) {
            throw new InvalidInputException("--intake " + PrintableText.of(text) + " listens beyond this computer: "
                    + "add --intake-open to mean it (with TLS or a reverse proxy in front), or use 127.0.0.1");
        }
        if (perMinute < 1 || perMinute > 100_000) {
            throw new InvalidInputException(
                    "--intake-rate " + perMinute + " is out of range: give requests per minute from 1 to 100000");
        }
        Set<InetAddress> trusted = new LinkedHashSet<>();
        proxies.forEach(proxy -> trusted.add(address("--intake-trust-proxy", proxy.strip())));
        return new IntakeOption(new InetSocketAddress(address, port), trusted, perMinute, tls, zone);
    }

    /** An IP address, or a host name this computer resolves (localhost). */
    private static InetAddress address(String option, String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException(option + " " + PrintableText.of(host)
                    + " is not an address of this computer: give an IP address such as 127.0.0.1");
        }
    }
}
