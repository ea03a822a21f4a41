package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.salesforce.OrgRecord;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: the demo org must hold a pending conflict of every kind, so each resolution can be tried. */
class DemoConflictsTest {
    @TempDir
    Path dataDirectory;

    @Test
    void aFreshDemoDirectoryHoldsAPendingConflictOfEveryKind() {
        try (AppWorkspace workspace = new AppWorkspace(
                dataDirectory, Database.openFile(dataDirectory), Clock.systemUTC(), "tester", Map.of())) {
            workspace.salesforce().connectDemo();
            workspace.connectionChanged();
            SalesforceOrg demo = workspace.currentOrg().current().orElseThrow();

            DemoData.prepare(workspace, demo);

            assertThat(workspace.conflicts().openCountsByKind())
                    .allSatisfy(
                            (kind, count) -> assertThat(count).as(kind.title()).isPositive());
            Conflict deleted = workspace
                    .conflicts()
                    .open(Optional.of(ConflictKind.RECORD_DELETED), 10)
                    .get(0);
            assertThat(demo.findByIds(
                            deleted.recordId().get().objectType(),
                            OptOutField.EMAIL_OPT_OUT_API_NAME,
                            List.of(deleted.recordId().get())))
                    .as("deleted in the demo org")
                    .isEmpty();
            Conflict unchecked = workspace
                    .conflicts()
                    .open(Optional.of(ConflictKind.RESUBSCRIBED_IN_SALESFORCE), 10)
                    .get(0);
            assertThat(demo.findByIds(
                            unchecked.recordId().get().objectType(),
                            OptOutField.EMAIL_OPT_OUT_API_NAME,
                            List.of(unchecked.recordId().get())))
                    .singleElement()
                    .extracting(OrgRecord::optedOut)
                    .as("unchecked in the demo org")
                    .isEqualTo(false);
            assertThat(workspace.unsubscribes().isUnsubscribed(unchecked.email().get()))
                    .isTrue();
        }
    }
}
