package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.ResubscribePolicy;
import com.unsubscribesync.domain.SyncSettings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsRepositoryTest {
    @TempDir
    Path dataDirectory;

    @Test
    void freshDataDirectoryHasTheProductDefaults() {
        try (Database database = Database.openFile(dataDirectory)) {
            assertThat(new SettingsRepository(database).load()).isEqualTo(SyncSettings.defaults());
        }
    }

    @Test
    void savedSettingsSurviveReopeningTheDatabase() {
        SyncSettings chosen = SyncSettings.defaults()
                .withNightlySync(true)
                .withField(OptOutField.MARKETO_SALES_OPT_OUT)
                .withFieldApiName(Optional.of("mkto_si__Opt_Out__c"))
                .withResubscribePolicy(ResubscribePolicy.HOLD)
                .withMatchByEmail(false)
                .withApiReservePercent(35)
                .withBulkThreshold(5_000);
        try (Database database = Database.openFile(dataDirectory)) {
            new SettingsRepository(database).save(chosen);
        }
        try (Database database = Database.openFile(dataDirectory)) {
            assertThat(new SettingsRepository(database).load()).isEqualTo(chosen);
        }
    }
}
