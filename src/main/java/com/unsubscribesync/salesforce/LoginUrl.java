package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Where an org is logged in to, e.g. {@code https://login.salesforce.com}, a My Domain, or a local org on
 * 127.0.0.1. Only loopback addresses may use plain http: anything else would send tokens in the clear.
 */
public record LoginUrl(URI base) {
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    public LoginUrl {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (base.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidInputException("login URL '" + base + "' is not a web address: give one such as "
                    + "https://login.salesforce.com");
        }
        if (scheme.equals("http") && !isLoopback(base.getHost())) {
            throw new InvalidInputException("login URL '" + base + "' uses http: give the https address of the org");
        }
    }

    /** Accepts the address with or without a trailing slash or path; only scheme, host and port are kept. */
    public static LoginUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("login URL is empty: give one such as https://login.salesforce.com");
        }
        try {
            URI uri = new URI(text.strip());
            if (uri.getHost() == null) {
                throw new InvalidInputException(
                        "login URL '" + text + "' has no host: give one such as " + "https://login.salesforce.com");
            }
            return new LoginUrl(new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null));
        } catch (URISyntaxException e) {
            throw new InvalidInputException("login URL '" + text + "' is not a web address: give one such as "
                    + "https://login.salesforce.com");
        }
    }

    static boolean isLoopback(String host) {
        return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * A shared Salesforce login host ({@code login.salesforce.com}, {@code test.salesforce.com}, any other
     * {@code *.salesforce.com} host that is not a My Domain), where the client-credentials grant is refused.
     */
    public boolean isGenericLoginHost() {
        String host = base.getHost().toLowerCase(Locale.ROOT);
        return host.endsWith(".salesforce.com") && !host.endsWith(".my.salesforce.com");
    }

    public URI authorizeEndpoint() {
        return URI.create(this + "/services/oauth2/authorize");
    }

    public URI tokenEndpoint() {
        return URI.create(this + "/services/oauth2/token");
    }

    /** Where legacy SOAP {@code login()} goes for an API version. */
    public String soapLoginEndpoint(String apiVersion) {
        return this + "/services/Soap/u/" + apiVersion;
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
