package com.unsubscribesync.layout;

import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.salesforce.ConnectionOptions;
import com.unsubscribesync.salesforce.ForceWscOrg;
import com.unsubscribesync.salesforce.PageLayout;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.SettingsRepository;
import com.unsubscribesync.testing.LocalOrgConnections;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The layout service wired as the app wires it, against an in-process local org reached through force-wsc. */
final class LayoutHarness implements AutoCloseable {
    final LocalOrg org;
    final ForceWscOrg salesforce;
    final Database database;
    final SettingsRepository settings;
    final Path backupDirectory;
    final PageLayouts layouts;

    LayoutHarness(Path dataDirectory, UnaryOperator<LocalOrgOptions> options) throws Exception {
        org = LocalOrg.start(options.apply(LocalOrgOptions.defaults().withPeople(5)));
        salesforce = connect(org);
        database = Database.openInMemory("layouts-" + UUID.randomUUID());
        settings = new SettingsRepository(database);
        backupDirectory = dataDirectory.resolve(LayoutBackups.DIRECTORY);
        layouts = new PageLayouts(
                () -> Optional.of(LayoutOrg.of(salesforce)),
                settings,
                new LayoutBackups(backupDirectory),
                Clock.systemUTC());
    }

    static ForceWscOrg connect(LocalOrg org) {
        ConnectionOptions options = LocalOrgConnections.options();
        return LocalOrgConnections.open(org, options.withRetry(options.retry().withSleeper(delay -> {})));
    }

    void settings(UnaryOperator<SyncSettings> change) {
        settings.save(change.apply(settings.load()));
    }

    /** The layout as the org returns it now, read over a connection of its own. */
    PageLayout read(String fullName) {
        try (ForceWscOrg other = connect(org)) {
            return other.layouts().readLayouts(List.of(fullName)).get(0);
        }
    }

    @Override
    public void close() {
        salesforce.close();
        database.close();
        org.close();
    }
}
