package com.unsubscribesync.app;

import com.unsubscribesync.cli.NotConnectedException;
import com.unsubscribesync.cli.OrgUnreachableException;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.layout.Inspection;
import com.unsubscribesync.layout.IntegrationUserRights;
import com.unsubscribesync.layout.LayoutInspector;
import com.unsubscribesync.layout.LayoutOrg;
import com.unsubscribesync.layout.LayoutReadCache;
import com.unsubscribesync.layout.ObjectLayouts;
import com.unsubscribesync.layout.PageLayouts;
import com.unsubscribesync.layout.UserRightsCheck;
import com.unsubscribesync.salesforce.ApiUsage;
import com.unsubscribesync.salesforce.ConnectionOptions;
import com.unsubscribesync.salesforce.ConnectorConfigs;
import com.unsubscribesync.salesforce.CredentialStore;
import com.unsubscribesync.salesforce.FaultClassifier;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.ForceWscOrg;
import com.unsubscribesync.salesforce.LoginUrl;
import com.unsubscribesync.salesforce.OAuthCallback;
import com.unsubscribesync.salesforce.OpenOrg;
import com.unsubscribesync.salesforce.OptOutFieldRequest;
import com.unsubscribesync.salesforce.OrgConnector;
import com.unsubscribesync.salesforce.OrgIdentity;
import com.unsubscribesync.salesforce.OrgSignIn;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.salesforce.SavedConnection;
import com.unsubscribesync.salesforce.SavedConnections;
import com.unsubscribesync.salesforce.SystemBrowser;
import com.unsubscribesync.salesforce.TokenEndpoint;
import com.unsubscribesync.usecase.BrowserSignIn;
import com.unsubscribesync.usecase.ConnectedOrg;
import com.unsubscribesync.usecase.ConnectionPlace;
import com.unsubscribesync.usecase.FieldState;
import com.unsubscribesync.usecase.OrgConnection;
import com.unsubscribesync.usecase.OrgState;
import java.io.PrintWriter;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the Salesforce adapter to a data directory: signs in (demo, browser, client credentials), keeps what is
 * needed to reconnect in the encrypted credential store, and opens the connected org for the commands and the
 * engine ({@link OrgConnector}).
 */
final class AppOrgConnection implements OrgConnection, OrgConnector {
    private static final Logger LOG = LoggerFactory.getLogger(AppOrgConnection.class);
    static final Duration BROWSER_PATIENCE = Duration.ofMinutes(5);

    private final Path dataDirectory;
    private final Map<String, String> env;
    private final Supplier<SyncSettings> settings;
    private final Function<PrintWriter, com.unsubscribesync.salesforce.Browser> browsers;
    private final SavedConnections credentials;
    private final OrgSignIn signIn;

    /** Describe and layout reads kept between status checks, shared with the layout wizard (ADR 0034). */
    private final LayoutReadCache layoutReads;

    AppOrgConnection(
            Path dataDirectory,
            Map<String, String> env,
            Supplier<SyncSettings> settings,
            Function<PrintWriter, com.unsubscribesync.salesforce.Browser> browsers) {
        this(dataDirectory, env, settings, browsers, new CredentialStore(dataDirectory));
    }

    /** @param credentials where the connection is kept: this computer's data directory, or the team's store */
    AppOrgConnection(
            Path dataDirectory,
            Map<String, String> env,
            Supplier<SyncSettings> settings,
            Function<PrintWriter, com.unsubscribesync.salesforce.Browser> browsers,
            SavedConnections credentials) {
        this.dataDirectory = dataDirectory;
        this.env = env;
        this.settings = settings;
        this.browsers = browsers;
        this.credentials = credentials;
        this.layoutReads = new LayoutReadCache(Clock.systemUTC(), PageLayouts.KEEP);
        ProxySelector proxies = ProxySelector.getDefault();
        ConnectorConfigs configs = new ConnectorConfigs(ConnectionOptions.defaults(clientName()), proxies);
        this.signIn = new OrgSignIn(
                configs,
                proxies,
                () -> this.settings.get().apiReservePercent(),
                () -> this.settings.get().callsInFlight());
    }

    static AppOrgConnection withSystemBrowser(
            Path dataDirectory, Map<String, String> env, Supplier<SyncSettings> settings, SavedConnections kept) {
        return new AppOrgConnection(dataDirectory, env, settings, SystemBrowser::new, kept);
    }

    @Override
    public ConnectedOrg connectDemo() {
        credentials.readyToSave();
        try (ForceWscOrg org = guarded(() -> new DemoOrg(dataDirectory).open(signIn))) {
            Optional<String> replaced = replacingDamaged();
            credentials.save(new SavedConnection.Demo());
            LOG.info("Connected to the demo org");
            return connected(org.records().identity(), replaced);
        }
    }

    /** A saved connection that cannot be opened is replaced by the new one, and the admin is told. */
    private Optional<String> replacingDamaged() {
        return credentials.problem().map(problem -> {
            LOG.warn("Replacing a saved connection that could not be opened: {}", problem);
            return "the saved connection could not be opened and is replaced by this one (" + problem + ")";
        });
    }

    /** Why the saved connection cannot be opened, when it is there but its file or key is damaged. */
    Optional<String> savedConnectionProblem() {
        return credentials.problem();
    }

    @Override
    public ConnectedOrg connectWithClientSecret(String loginUrl, String clientId, String secretVariable) {
        LoginUrl url = LoginUrl.parse(loginUrl);
        if (url.isGenericLoginHost()) {
            throw new InvalidInputException(TokenEndpoint.myDomainNeeded(url));
        }
        String secret = secret(secretVariable);
        credentials.readyToSave();
        return save(guarded(() -> signIn.withClientSecret(url, clientId, secret)));
    }

    /** The secret as typed into the Connection screen, or read from the environment variable named. */
    @Override
    public ConnectedOrg connectInBrowser(BrowserSignIn request, PrintWriter out) {
        Optional<String> secret =
                request.secret().or(() -> request.secretVariable().map(this::secret));
        LoginUrl url = LoginUrl.parse(request.loginUrl());
        OAuthCallback callback = callback(request.callbackPort());
        credentials.readyToSave();
        return save(guarded(() ->
                signIn.inBrowser(url, request.clientId(), secret, callback, browsers.apply(out), BROWSER_PATIENCE)));
    }

    @Override
    public String callbackUrl(OptionalInt callbackPort) {
        return callback(callbackPort).url();
    }

    @Override
    public int defaultCallbackPort() {
        return OAuthCallback.DEFAULT_PORT;
    }

    private static OAuthCallback callback(OptionalInt port) {
        return port.isPresent() ? new OAuthCallback(port.getAsInt()) : OAuthCallback.defaultPort();
    }

    private String secret(String variable) {
        String secret = env.get(variable);
        if (secret == null || secret.isBlank()) {
            throw new InvalidInputException("environment variable " + variable + " is not set: put the "
                    + "External Client App's consumer secret in it, or leave out --client-secret-env");
        }
        return secret;
    }

    @Override
    public boolean saved() {
        try {
            return credentials.load().isPresent();
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /** Whether a connection was saved, even one that cannot be read now. */
    boolean connectionFileSaved() {
        return credentials.saved();
    }

    @Override
    public ConnectionPlace place() {
        return credentials.team() ? ConnectionPlace.TEAM_STORE : ConnectionPlace.THIS_COMPUTER;
    }

    @Override
    public boolean disconnect() {
        boolean forgot = credentials.forget();
        LOG.info("Disconnected from Salesforce (saved credentials {})", forgot ? "deleted" : "absent");
        return forgot;
    }

    @Override
    public OrgState status(SyncSettings current) {
        Optional<String> damaged = credentials.problem();
        if (damaged.isPresent() || credentials.load().isEmpty()) {
            return OrgState.notConnected(damaged);
        }
        try (OpenOrg open = open()) {
            SalesforceOrg org = open.records();
            layoutReads.forgetRights();
            LayoutReadCache.Reads reads = layoutReads.on(LayoutOrg.of(open));
            FieldCheck check = reads.checkField(OptOutFieldRequest.of(current));
            Optional<Inspection> layouts = layouts(reads, current);
            Map<SObjectType, FieldState> fields = new EnumMap<>(SObjectType.class);
            for (SObjectType type : SObjectType.values()) {
                FieldCheck.ObjectField field = check.objects().get(type);
                if (field != null) {
                    Optional<ObjectLayouts> onLayouts = layouts.flatMap(inspection -> inspection.of(type));
                    fields.put(
                            type,
                            new FieldState(
                                    field.apiName(),
                                    field.exists(),
                                    field.exists() && field.updateable(),
                                    onLayouts.flatMap(ObjectLayouts::onEveryLayout),
                                    field.problem().or(() -> onLayouts.flatMap(ObjectLayouts::problem))));
                }
            }
            IntegrationUserRights rights =
                    UserRightsCheck.of(org.identity().userName(), check, current, layouts.map(Inspection::rights));
            Optional<ApiUsage> usage = org.apiUsage();
            return new OrgState(
                    Optional.of(connected(org.identity(), Optional.empty())),
                    fields,
                    usage.map(ApiUsage::used),
                    usage.map(ApiUsage::limit),
                    Optional.empty(),
                    Optional.of(rights));
        } catch (SalesforceException e) {
            LOG.warn("Status could not reach Salesforce: {}", e.getMessage());
            if (FaultClassifier.isApiDisabled(e)) {
                return new OrgState(
                        Optional.empty(),
                        Map.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(e.getMessage()),
                        Optional.of(UserRightsCheck.apiDisabled(current)));
            }
            return OrgState.notConnected(Optional.ofNullable(e.getMessage()));
        }
    }

    /**
     * The field on the page layouts, for the requirement "installed on the layouts" (true when it is on every
     * layout of the object); empty when the layouts could not be read, which leaves {@code onLayouts} unknown.
     */
    private static Optional<Inspection> layouts(LayoutReadCache.Reads reads, SyncSettings current) {
        try {
            return Optional.of(new LayoutInspector(Clock.systemUTC()).inspect(reads, current, false));
        } catch (SalesforceException e) {
            LOG.warn("Status could not check the page layouts: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The reads the status keeps, for the layout wizard to share. */
    LayoutReadCache layoutReads() {
        return layoutReads;
    }

    /** The connected org, from the saved connection. */
    @Override
    public OpenOrg open() {
        SavedConnection saved;
        try {
            saved = credentials
                    .load()
                    .orElseThrow(() -> new SalesforceException(
                            SalesforceException.Kind.AUTHENTICATION,
                            "NOT_CONNECTED",
                            "No Salesforce org is connected: run "
                                    + "'connect --demo' or 'connect --login-url URL --client-id ID'.",
                            null));
        } catch (InvalidInputException e) {
            throw new SalesforceException(
                    SalesforceException.Kind.AUTHENTICATION, "NOT_CONNECTED", e.getMessage(), null);
        }
        if (saved instanceof SavedConnection.Demo) {
            return new DemoOrg(dataDirectory).open(signIn);
        }
        return credentials.team() ? signIn.reopen(saved, this::keepRenewed) : signIn.reopen(saved);
    }

    /** The org replaced the team's refresh token: the others read the new one from the store (last write wins). */
    private void keepRenewed(SavedConnection renewed) {
        try {
            credentials.save(renewed);
            LOG.info("Kept the refresh token Salesforce replaced in the team's store");
        } catch (RuntimeException e) {
            LOG.warn("The refresh token Salesforce replaced could not be kept in the team's store: {}", e.getMessage());
        }
    }

    private ConnectedOrg save(OrgSignIn.SignedIn signedIn) {
        try (ForceWscOrg org = signedIn.org()) {
            Optional<String> replaced = replacingDamaged();
            credentials.save(signedIn.saved());
            OrgIdentity identity = org.records().identity();
            LOG.info(
                    "Connected to Salesforce org {} through {}",
                    identity.organizationId(),
                    signedIn.saved().describe());
            Optional<String> warning = signedIn.saved() instanceof SavedConnection.PasswordLogin
                    ? Optional.of(com.unsubscribesync.salesforce.LegacyLogin.retirementWarning())
                    : Optional.empty();
            return connected(
                    identity,
                    replaced.map(text -> warning.map(w -> text + "; " + w).orElse(text))
                            .or(() -> warning));
        }
    }

    private static ConnectedOrg connected(OrgIdentity identity, Optional<String> warning) {
        return new ConnectedOrg(
                identity.organizationId(),
                identity.organizationName(),
                identity.userName(),
                identity.instanceUrl(),
                identity.demo(),
                warning);
    }

    /** Sign-in failures become the command line's exceptions: refused → exit 3, unreachable → exit 1. */
    private static <T> T guarded(Supplier<T> signing) {
        try {
            return signing.get();
        } catch (SalesforceException e) {
            LOG.warn("Connecting failed: {} {}", e.kind(), e.statusCode().orElse(""));
            if (e.kind() == SalesforceException.Kind.AUTHENTICATION) {
                throw new NotConnectedException(e.getMessage());
            }
            if (e.kind() == SalesforceException.Kind.UNAVAILABLE) {
                throw new OrgUnreachableException(e.getMessage());
            }
            throw new NotConnectedException(e.getMessage());
        }
    }

    private static String clientName() {
        String version = AppOrgConnection.class.getPackage().getImplementationVersion();
        return "UnsubscribeSync/" + (version == null ? "dev" : version);
    }
}
