package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.state.RecordIds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The local org tells a benchmark each opt-out as a write sets it, through SOAP or Bulk, and only a new one. */
class OptOutWatchTest {
    private static final String OPT_OUT = OptOutField.EMAIL_OPT_OUT_API_NAME;
    private final TestOrgs orgs = new TestOrgs();

    @Test
    void theWatchHearsEachRecordWhoseOptOutASoapUpdateOrABulkJobTurnsOn() throws Exception {
        try (LocalOrg org = TestOrgs.start(3_000);
                ForceWscOrg connected = orgs.connect(org)) {
            List<String> heard = new CopyOnWriteArrayList<>();
            org.state().watchOptOuts(heard::add);

            connected.records().setOptOut(SObjectType.CONTACT, OPT_OUT, contacts(0, 3), true);
            connected.records().setOptOut(SObjectType.CONTACT, OPT_OUT, contacts(0, 3), true);
            connected.bulk().setOptOutInBulk(SObjectType.CONTACT, OPT_OUT, contacts(10, 2), true);

            assertThat(heard)
                    .as("each record once, only when its opt-out turned on")
                    .containsExactlyInAnyOrderElementsOf(ids(contacts(0, 3), contacts(10, 2)));
        }
    }

    @Test
    void noWatchHearsAfterItIsTakenAway() throws Exception {
        try (LocalOrg org = TestOrgs.start(300);
                ForceWscOrg connected = orgs.connect(org)) {
            List<String> heard = new CopyOnWriteArrayList<>();
            org.state().watchOptOuts(heard::add);
            org.state().watchOptOuts(null);

            connected.records().setOptOut(SObjectType.CONTACT, OPT_OUT, contacts(0, 2), true);

            assertThat(heard).isEmpty();
            assertThat(org.state().read(contacts(0, 1).get(0).value()).optedOut())
                    .isTrue();
        }
    }

    private static List<String> ids(List<SalesforceId> first, List<SalesforceId> second) {
        List<String> all = new ArrayList<>();
        first.forEach(id -> all.add(id.value()));
        second.forEach(id -> all.add(id.value()));
        return all;
    }

    private static List<SalesforceId> contacts(int from, int count) {
        List<SalesforceId> ids = new ArrayList<>(count);
        for (int row = from; row < from + count; row++) {
            ids.add(SalesforceId.parse(RecordIds.idOf("003", row)));
        }
        return ids;
    }
}
