package com.unsubscribesync.localorg;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import com.unsubscribesync.localorg.bulk.BulkEndpoint;
import com.unsubscribesync.localorg.bulk.BulkJobs;
import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.latency.CallLatency;
import com.unsubscribesync.localorg.metadata.LayoutStore;
import com.unsubscribesync.localorg.metadata.MetadataEndpoint;
import com.unsubscribesync.localorg.oauth.ConnectedApp;
import com.unsubscribesync.localorg.oauth.OAuthEndpoint;
import com.unsubscribesync.localorg.oauth.Sessions;
import com.unsubscribesync.localorg.partner.PartnerEndpoint;
import com.unsubscribesync.localorg.persist.StateStore;
import com.unsubscribesync.localorg.soap.ApiUsage;
import com.unsubscribesync.localorg.soap.CallGate;
import com.unsubscribesync.localorg.state.DemoSeeder;
import com.unsubscribesync.localorg.state.Directory;
import com.unsubscribesync.localorg.state.OrgCredentials;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.SeedSummary;
import com.unsubscribesync.localorg.tls.SelfSignedCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Salesforce org on 127.0.0.1 that speaks the Partner and Metadata SOAP, Bulk API 1.0 and OAuth wire force-wsc
 * expects. Start it, point a {@code ConnectorConfig} at {@link #partnerEndpoint} (or {@link #asyncEndpoint} for
 * Bulk), and use a token from {@link #issueAccessToken} (or OAuth) as the session id.
 */
public final class LocalOrg implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers;
    private final String url;
    private final OrgCredentials credentials;
    private final Sessions sessions;
    private final Faults faults;
    private final CallLatency latency;
    private final ApiUsage usage;
    private final OrgAdmin admin;
    private final Snapshots snapshots;
    private final BulkJobs bulkJobs;
    private final Path certificate;
    private final MetadataEndpoint metadata;
    /**
     * Threads that answer calls. A call under a latency profile holds its worker while it waits, as a Salesforce
     * request holds its app server thread, so parallel callers wait side by side; Salesforce lets 25 long requests
     * of an org run at once, and this leaves room above that.
     */
    static final int WORKERS = 32;

    /** The shared login host this org also plays, when its connected app asks for one. */
    private volatile HttpServer loginHost;

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private LocalOrg(
            HttpServer server,
            ExecutorService workers,
            String url,
            OrgCredentials credentials,
            Sessions sessions,
            Faults faults,
            CallLatency latency,
            ApiUsage usage,
            OrgAdmin admin,
            Snapshots snapshots,
            BulkJobs bulkJobs,
            Path certificate,
            MetadataEndpoint metadata) {
        this.server = server;
        this.metadata = metadata;
        this.workers = workers;
        this.url = url;
        this.credentials = credentials;
        this.sessions = sessions;
        this.faults = faults;
        this.latency = latency;
        this.usage = usage;
        this.admin = admin;
        this.snapshots = snapshots;
        this.bulkJobs = bulkJobs;
        this.certificate = certificate;
    }

    /** A local org whose connected app is as Salesforce sets one up ({@link ConnectedApp#defaults()}). */
    public static LocalOrg start(LocalOrgOptions options) throws IOException {
        return start(options, ConnectedApp.defaults());
    }

    public static LocalOrg start(LocalOrgOptions options, ConnectedApp app) throws IOException {
        // The JDK server writes headers and body separately; without TCP_NODELAY every call waits ~40 ms for a
        // delayed ACK. The property is read once, when the first server of this JVM is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        StateStore store = options.state().map(LocalOrg::openStore).orElse(null);
        try {
            Optional<OrgCredentials> saved = store == null ? Optional.empty() : store.credentials();
            OrgCredentials credentials = saved.orElseGet(OrgCredentials::generate);
            OrgState state = new OrgState(options.clock(), options.withPackage(), credentials.username());
            LayoutStore layouts = LayoutStore.withDefaults(options.clock(), options.withPackage());
            SeedSummary seeded = null;
            if (saved.isPresent()) {
                store.load(state, layouts);
            } else {
                seeded = new DemoSeeder(options.seed(), options.people()).seed(state);
            }
            ApiUsage usage = new ApiUsage(options.clock(), options.apiLimit());
            Faults faults = new Faults(options.seed(), usage::setLimit, state).apply(options.faults());
            CallLatency latency = new CallLatency(options.seed(), options.latency());
            Sessions sessions = new Sessions(options.clock(), options.sessionTimeout(), credentials.orgId());

            SelfSignedCertificate tls = null;
            if (options.tls()) {
                Path dir = options.state().orElse(Files.createTempDirectory("localorg-tls"));
                tls = SelfSignedCertificate.inDirectory(dir);
            }
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port());
            HttpServer server;
            if (tls != null) {
                HttpsServer https = HttpsServer.create(address, 64);
                https.setHttpsConfigurator(new HttpsConfigurator(tls.sslContext()));
                server = https;
            } else {
                server = HttpServer.create(address, 64);
            }
            String url = (tls != null ? "https" : "http") + "://127.0.0.1:"
                    + server.getAddress().getPort();
            CallGate gate = new CallGate(sessions, usage, faults, state);
            server.createContext(
                    "/services/Soap/u/", new PartnerEndpoint(state, gate, faults, latency, credentials, url));
            MetadataEndpoint metadata = new MetadataEndpoint(state, layouts, gate, faults, latency, url);
            server.createContext("/services/Soap/m/", metadata);
            BulkJobs bulkJobs = new BulkJobs(state, faults, latency);
            server.createContext("/services/async/", new BulkEndpoint(bulkJobs, gate, faults, latency, url));
            OAuthEndpoint oauth = new OAuthEndpoint(credentials, app, sessions, options.clock(), url);
            server.createContext("/services/oauth2/", oauth);
            HttpServer loginHost = null;
            if (app.genericLoginHost()) {
                loginHost = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
                loginHost.createContext("/services/oauth2/", oauth.asGenericLoginHost());
            }
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemonThreads());
            server.setExecutor(workers);
            if (loginHost != null) {
                loginHost.setExecutor(workers);
                loginHost.start();
            }
            Snapshots snapshots = store == null ? null : new Snapshots(store, state, layouts, credentials);
            if (snapshots != null && saved.isEmpty()) {
                snapshots.saveNow();
            }
            server.start();
            LocalOrg org = new LocalOrg(
                    server,
                    workers,
                    url,
                    credentials,
                    sessions,
                    faults,
                    latency,
                    usage,
                    new OrgAdmin(state, seeded, layouts),
                    snapshots,
                    bulkJobs,
                    tls == null ? null : tls.certificatePath(),
                    metadata);
            org.loginHost = loginHost;
            return org;
        } catch (SQLException e) {
            closeQuietly(store);
            throw new IOException("the local org's state could not be read: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
    }

    private static StateStore openStore(Path directory) {
        try {
            Files.createDirectories(directory);
            return new StateStore(directory);
        } catch (IOException | SQLException e) {
            throw new IllegalArgumentException(
                    "the state directory " + directory + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "localorg-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Where the org listens, e.g. {@code http://127.0.0.1:PORT}; this is also the OAuth instance URL. */
    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The Partner SOAP endpoint with the org id suffix, as login's serverUrl gives it. */
    public String partnerEndpoint(String apiVersion) {
        return url + "/services/Soap/u/" + apiVersion + "/"
                + credentials.orgId().substring(0, 15);
    }

    /** The Partner endpoint without the org id, which is where SOAP login goes. */
    public String authEndpoint(String apiVersion) {
        return url + "/services/Soap/u/" + apiVersion;
    }

    public String metadataEndpoint(String apiVersion) {
        return url + "/services/Soap/m/" + apiVersion + "/"
                + credentials.orgId().substring(0, 15);
    }

    /** Where Bulk API 1.0 lives, the {@code restEndpoint} a force-wsc BulkConnection is given. */
    public String asyncEndpoint(String apiVersion) {
        return url + "/services/async/" + apiVersion;
    }

    /**
     * Where this org plays a shared login host such as {@code login.salesforce.com} (plain http on 127.0.0.1), when
     * started with {@link ConnectedApp#withGenericLoginHost}; client credentials are refused there.
     */
    public Optional<String> genericLoginUrl() {
        HttpServer host = loginHost;
        return host == null
                ? Optional.empty()
                : Optional.of("http://127.0.0.1:" + host.getAddress().getPort());
    }

    public String authorizeUrl() {
        return url + "/services/oauth2/authorize";
    }

    public String tokenUrl() {
        return url + "/services/oauth2/token";
    }

    public String orgId() {
        return credentials.orgId();
    }

    public String clientId() {
        return credentials.clientId();
    }

    public String clientSecret() {
        return credentials.clientSecret();
    }

    public String username() {
        return credentials.username();
    }

    public String password() {
        return credentials.password();
    }

    /** A fresh access token (= session id) of the local user, as the OAuth token endpoint would issue. */
    public String issueAccessToken() {
        return sessions.issue(Directory.LOCAL_USER);
    }

    /** Ends every session, as an admin revoking sessions or a timeout would. */
    public void expireSessions() {
        sessions.expireAll();
    }

    public Faults faults() {
        return faults;
    }

    /** The latency profile the org answers under, changeable while it runs. */
    public CallLatency latency() {
        return latency;
    }

    public OrgAdmin state() {
        return admin;
    }

    /** The Bulk API's jobs, whose batch processing tests can hold, release and wait for. */
    public BulkJobs bulkJobs() {
        return bulkJobs;
    }

    /** API calls counted in the last 24 hours, as the LimitInfoHeader reports them. */
    public int apiCallsUsed() {
        return usage.used();
    }

    /** Partner API calls admitted since the org started, by operation ({@code query}, {@code update}, …). */
    public java.util.Map<String, Long> partnerCallsByOperation() {
        return usage.byOperation();
    }

    /** The distinct paths Metadata API calls were made on, which carry the API version the caller asked for. */
    public java.util.Set<String> metadataPathsServed() {
        return metadata.pathsServed();
    }

    /** Metadata API calls admitted since the org started, by operation ({@code updateMetadata}, …). */
    public java.util.Map<String, Long> metadataCallsByOperation() {
        return metadata.callsByOperation();
    }

    /** The self-signed certificate (PEM) when serving https. */
    public Optional<Path> certificate() {
        return Optional.ofNullable(certificate);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        if (loginHost != null) {
            loginHost.stop(0);
        }
        workers.shutdownNow();
        bulkJobs.close();
        if (snapshots != null) {
            snapshots.close();
        }
    }

    private static void closeQuietly(StateStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (SQLException e) {
                // the original failure matters more
            }
        }
    }
}
