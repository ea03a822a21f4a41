package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.sync.RunProgress;
import com.unsubscribesync.sync.RunRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {
    @TempDir
    Path dataDirectory;

    @Test
    void freshDemoDirectoryGetsLinkedPeoplePushesAndAConflictToExplain() {
        try (AppWorkspace workspace = new AppWorkspace(
                dataDirectory, Database.openFile(dataDirectory), Clock.systemUTC(), "tester", Map.of())) {
            workspace.salesforce().connectDemo();
            workspace.connectionChanged();
            DemoData.seed(workspace, workspace.currentOrg().current().orElseThrow());
            var report = workspace
                    .nightlySync()
                    .run(new RunRequest(SyncRun.Trigger.RUN_NOW, false, false), RunProgress.SILENT);

            // and the person still linked to a deleted Lead (the demo's Record deleted conflict)
            assertThat(workspace.people().count()).isEqualTo(DemoData.PEOPLE + 1);
            assertThat(workspace.people().countWithSalesforceId()).isEqualTo(DemoData.PEOPLE * 3 / 4 + 1);
            assertThat(report.pushed()).isPositive();
            // so the Unsubscribes tab's Name column has something to show in the demo
            assertThat(workspace.people().anyNamed()).isTrue();
            assertThat(workspace.people().withoutSalesforceId(5))
                    .allSatisfy(person -> assertThat(person.displayName())
                            .isNotEqualTo(person.email().value()));
            assertThat(workspace.conflicts().open(Optional.of(ConflictKind.NOT_IN_SALESFORCE), 10))
                    .anySatisfy(c -> assertThat(c.email().map(Object::toString)).contains(DemoData.UNKNOWN_ADDRESS));
        }
    }

    @Test
    void aSecondProcessOnTheDataDirectoryJoinsTheRunningDemoOrg() {
        try (AppWorkspace first = new AppWorkspace(
                dataDirectory, Database.openFile(dataDirectory), Clock.systemUTC(), "tester", Map.of())) {
            first.salesforce().connectDemo();
            first.connectionChanged();
            var running = first.currentOrg().current().orElseThrow();
            try (AppWorkspace second = new AppWorkspace(
                    dataDirectory, Database.openFile(dataDirectory), Clock.systemUTC(), "tester", Map.of())) {
                var joined = second.currentOrg().current().orElseThrow();
                assertThat(joined.identity().instanceUrl())
                        .isEqualTo(running.identity().instanceUrl());
                assertThat(joined.identity().demo()).isTrue();
            }
        }
    }
}
