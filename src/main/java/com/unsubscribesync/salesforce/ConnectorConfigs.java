package com.unsubscribesync.salesforce;

import com.sforce.ws.ConnectorConfig;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;

/**
 * The one place that builds force-wsc {@link ConnectorConfig}s (Partner, Metadata and Bulk), so that every
 * connection has the same timeouts, gzip compression, proxy (from the JVM's settings, e.g.
 * {@code -Dhttps.proxyHost}) and client name.
 */
public final class ConnectorConfigs {
    /** The Partner and Bulk API version the app speaks; Metadata calls use {@link MetadataApiVersion#SHIPPED}. */
    public static final String API_VERSION = "65.0";
    /** Sent with every request so an org's admin can tell this app's calls apart in their logs. */
    static final String CLIENT_HEADER = "Sforce-Call-Options";

    private final ConnectionOptions options;
    private final ProxySelector proxies;

    public ConnectorConfigs(ConnectionOptions options, ProxySelector proxies) {
        this.options = options;
        this.proxies = proxies;
    }

    public ConnectionOptions options() {
        return options;
    }

    /** Partner API calls with an existing session (OAuth access token). */
    public ConnectorConfig partner(OrgSession session) {
        ConnectorConfig config = base(session.partnerEndpoint());
        config.setManualLogin(true);
        config.setAuthEndpoint(session.partnerEndpoint());
        config.setServiceEndpoint(session.partnerEndpoint());
        config.setSessionId(session.sessionId());
        return config;
    }

    /** Metadata API calls (layouts) with the same session, always at the version of the metadata classes shipped. */
    public ConnectorConfig metadata(OrgSession session) {
        String endpoint = MetadataApiVersion.endpointAtShipped(session.metadataEndpoint());
        ConnectorConfig config = base(endpoint);
        config.setServiceEndpoint(endpoint);
        config.setSessionId(session.sessionId());
        return config;
    }

    /** Bulk API 1.0 calls (large opt-out pushes) with the same session. */
    public ConnectorConfig bulk(OrgSession session) {
        ConnectorConfig config = base(session.bulkEndpoint());
        config.setRestEndpoint(session.bulkEndpoint());
        config.setSessionId(session.sessionId());
        return config;
    }

    /** The retiring username/password SOAP login, which the caller performs itself. */
    public ConnectorConfig legacyLogin(LoginUrl loginUrl, String apiVersion) {
        String endpoint = loginUrl.soapLoginEndpoint(apiVersion);
        ConnectorConfig config = base(endpoint);
        config.setManualLogin(true);
        config.setAuthEndpoint(endpoint);
        config.setServiceEndpoint(endpoint);
        return config;
    }

    /** The proxy the JVM settings choose for an address; loopback addresses go direct by default. */
    public Proxy proxyFor(URI address) {
        List<Proxy> choices = proxies == null ? List.of() : proxies.select(address);
        for (Proxy proxy : choices) {
            if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress) {
                return proxy;
            }
        }
        return Proxy.NO_PROXY;
    }

    private ConnectorConfig base(String endpoint) {
        ConnectorConfig config = new ConnectorConfig();
        config.setCompression(true);
        config.setConnectionTimeout(Math.toIntExact(options.connectTimeout().toMillis()));
        config.setReadTimeout(Math.toIntExact(options.readTimeout().toMillis()));
        config.setProxy(proxyFor(URI.create(endpoint)));
        config.setRequestHeader(CLIENT_HEADER, "client=" + options.clientName());
        config.setTraceMessage(false);
        return config;
    }
}
