package com.unsubscribesync.app;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.domain.TestIds;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.ForceWscOrg;
import com.unsubscribesync.salesforce.OptOutFieldRequest;
import com.unsubscribesync.salesforce.OrgConnector;
import com.unsubscribesync.salesforce.PageLayout;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.testing.LocalOrgConnections;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.FixedConnection;
import com.unsubscribesync.ui.InMemoryOrg;
import com.unsubscribesync.ui.Screen;
import com.unsubscribesync.ui.shell.Console;
import com.unsubscribesync.usecase.FieldState;
import com.unsubscribesync.usecase.OrgState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The console's services wired exactly as the app wires them (AppWorkspace, ConsoleWiring), over an in-memory
 * database; the engine works on the org of the option chosen, and the screens see a {@link FixedConnection}.
 *
 * @param <O> the org the engine works on: an in-memory org, or the local org reached over force-wsc
 */
public final class ConsoleFixture<O> implements AutoCloseable {
    private static final FieldState EDITABLE =
            new FieldState(Optional.of("HasOptedOutOfEmail"), true, true, Optional.empty(), Optional.empty());

    public final O org;
    final AppWorkspace workspace;
    final FixedConnection connection;
    private final ZoneId zone;
    private final Runnable orgClosing;

    private ConsoleFixture(
            O org, AppWorkspace workspace, FixedConnection connection, ZoneId zone, Runnable orgClosing) {
        this.org = org;
        this.workspace = workspace;
        this.connection = connection;
        this.zone = zone;
        this.orgClosing = orgClosing;
    }

    private static AppWorkspace workspace(
            Path data, Database database, Clock clock, Optional<OrgConnector> engineOrg, FixedConnection connection) {
        return new AppWorkspace(data, database, clock, "admin", Map.of(), engineOrg, Optional.of(connection));
    }

    private static Database database() {
        return Database.openInMemory("console-" + UUID.randomUUID());
    }

    /** An in-memory org answering after a delay; the screens see "Test Org" with the standard field editable. */
    public static ConsoleFixture<InMemoryOrg> inMemory(Path data, Clock clock, long orgDelayMillis) {
        return inMemory(data, database(), clock, orgDelayMillis);
    }

    public static ConsoleFixture<InMemoryOrg> inMemory(Path data, Database database, Clock clock, long orgDelayMillis) {
        InMemoryOrg org = new InMemoryOrg(orgDelayMillis);
        FixedConnection connection = new FixedConnection(settings -> FixedConnection.withField(
                FixedConnection.org(
                        "Test Org",
                        "admin@test.example",
                        "https://test.example",
                        true,
                        org.apiUsage().map(u -> u.used()),
                        Optional.of(15_000L)),
                EDITABLE));
        return new ConsoleFixture<>(
                org,
                workspace(data, database, clock, Optional.of(org::open), connection),
                connection,
                ZoneId.of("Europe/Berlin"),
                () -> {});
    }

    /**
     * The local org (the demo org's engine) reached through OAuth and SOAP, as the layout wizard needs it; the
     * screens see the demo org with the standard field editable and, as the demo org starts, not on every layout.
     */
    public static ConsoleFixture<LocalOrg> onLocalOrg(Path data) throws Exception {
        return onLocalOrg(
                data,
                LocalOrgOptions.defaults().withPeople(5),
                local -> settings -> FixedConnection.withField(
                        demo(local),
                        new FieldState(
                                Optional.of("HasOptedOutOfEmail"), true, true, Optional.of(false), Optional.empty())));
    }

    /**
     * The local org, with the opt-out field looked up the way the status check does: the real field discovery
     * through force-wsc, so a missing package or a typed API name shows as Salesforce would show it.
     */
    public static ConsoleFixture<LocalOrg> discovering(Path data, LocalOrgOptions options) throws Exception {
        return onLocalOrg(data, options, local -> settings -> {
            FieldCheck check;
            try (ForceWscOrg salesforce = connect(local)) {
                check = salesforce.records().checkField(OptOutFieldRequest.of(settings));
            }
            Map<SObjectType, FieldState> fields = new EnumMap<>(SObjectType.class);
            check.objects()
                    .forEach((type, field) -> fields.put(
                            type,
                            new FieldState(
                                    field.apiName(),
                                    field.exists(),
                                    field.updateable(),
                                    Optional.empty(),
                                    field.problem())));
            OrgState org = demo(local);
            return new OrgState(org.org(), fields, org.apiUsed(), org.apiLimit(), org.problem(), org.rights());
        });
    }

    private static OrgState demo(LocalOrg local) {
        return FixedConnection.org(
                "Demo Org", "admin@demo.example", local.url(), true, Optional.empty(), Optional.empty());
    }

    private static ConsoleFixture<LocalOrg> onLocalOrg(
            Path data, LocalOrgOptions options, Function<LocalOrg, Function<SyncSettings, OrgState>> answers)
            throws Exception {
        LocalOrg local = LocalOrg.start(options);
        FixedConnection connection = new FixedConnection(answers.apply(local));
        return new ConsoleFixture<>(
                local,
                workspace(data, database(), Clock.systemUTC(), Optional.of(() -> connect(local)), connection),
                connection,
                ZoneId.of("Europe/Berlin"),
                local::close);
    }

    /** A fresh data directory whose screens see the org given (the demo org, another or none), as opened. */
    public static ConsoleFixture<OrgState> onFixedOrg(Path data, OrgState org) {
        FixedConnection connection = new FixedConnection(org);
        return new ConsoleFixture<>(
                org,
                workspace(data, database(), Clock.systemUTC(), Optional.empty(), connection),
                connection,
                ZoneId.of("America/Chicago"),
                () -> {});
    }

    static ForceWscOrg connect(LocalOrg org) {
        return LocalOrgConnections.open(org);
    }

    /** A layout as the local org returns it now, over a connection of its own. */
    String layoutDocument(String fullName) {
        try (ForceWscOrg other = connect((LocalOrg) org)) {
            return other.layouts().readLayouts(List.of(fullName)).stream()
                    .findFirst()
                    .map(PageLayout::document)
                    .orElseThrow();
        }
    }

    /** The console over this data directory; links into Salesforce show their address in a dialog. */
    public Console console(Background background, DialogService dialogs, Screen first) {
        return ConsoleWiring.console(workspace, zone, background, dialogs, first);
    }

    public Console console(
            Background background, DialogService dialogs, Screen first, java.util.function.Consumer<String> browser) {
        return ConsoleWiring.console(workspace, zone, background, dialogs, first, browser);
    }

    /** The screens' view models alone, for tests without a window. */
    com.unsubscribesync.ui.unsubscribes.UnsubscribesViewModel unsubscribes(
            Background background, DialogService dialogs) {
        return ConsoleWiring.unsubscribes(workspace, zone, background, dialogs);
    }

    com.unsubscribesync.ui.integrations.IntegrationsViewModel integrations(
            Background background, DialogService dialogs) {
        return ConsoleWiring.integrations(workspace, zone, background, dialogs);
    }

    com.unsubscribesync.ui.conflicts.ConflictsViewModel conflicts(Background background, DialogService dialogs) {
        return ConsoleWiring.conflicts(workspace, zone, background, dialogs);
    }

    /** Adds people with Contact ids to the in-memory org, every {@code optedOutEvery}-th opted out there. */
    public void people(int count, int optedOutEvery) {
        for (int i = 0; i < count; i++) {
            Email email = new Email("person" + String.format("%06d", i) + "@example.com");
            ((InMemoryOrg) org)
                    .add(TestIds.of(SObjectType.CONTACT, i), email, optedOutEvery > 0 && i % optedOutEvery == 0);
        }
    }

    /**
     * A Contact in the in-memory org, not opted out there, and the person the store knows by it.
     *
     * @param number the Contact's number, which gives its record id
     */
    public Email knownContact(String address, Optional<String> firstName, int number) {
        Email email = new Email(address);
        ((InMemoryOrg) org).add(TestIds.of(SObjectType.CONTACT, number), email, false);
        workspace
                .people()
                .save(new Person(
                        email, firstName, Optional.empty(), Optional.of(TestIds.of(SObjectType.CONTACT, number))));
        return email;
    }

    /** Background pusher and scheduler, as the console starts them. */
    public void startEngine() {
        workspace.engine().start();
    }

    public com.unsubscribesync.sync.RealtimePusher pusher() {
        return workspace.pusher();
    }

    @Override
    public void close() {
        workspace.close();
        orgClosing.run();
    }

    /** The admin's zone the console shows days in. */
    public ZoneId zone() {
        return zone;
    }
}
