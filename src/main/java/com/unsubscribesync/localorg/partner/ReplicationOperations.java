package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.soap.CallContext;
import com.unsubscribesync.localorg.soap.SoapFault;
import com.unsubscribesync.localorg.soap.XmlNode;
import com.unsubscribesync.localorg.soap.XmlOut;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.PersonTable;
import java.time.Duration;
import java.time.Instant;

/**
 * getUpdated and getDeleted. Seconds are ignored at both ends and both ends are inclusive: 12:30:15 to 12:35:15 asks
 * for the changes from 12:30:00 through 12:35:00. Changes are kept for 30 days and deletions for 15;
 * latestDateCovered is the end of the window, never later than the current minute.
 */
final class ReplicationOperations {
    private static final Duration UPDATED_WINDOW = Duration.ofDays(30);
    private static final Duration DELETED_WINDOW = Duration.ofDays(15);
    private static final int MAX_IDS = 600_000;

    private final OrgState state;

    ReplicationOperations(OrgState state) {
        this.state = state;
    }

    private record Window(PersonTable table, long start, long end, Instant latest) {}

    void getUpdated(XmlNode request, CallContext context, XmlOut out) {
        state.atomically(() -> {
            Window window = window(request, UPDATED_WINDOW);
            out.open("result");
            int count = 0;
            for (int row = 0; row < window.table().size(); row++) {
                long modified = window.table().modifiedMillis(row);
                if (!window.table().isDeleted(row) && modified >= window.start() && modified <= window.end()) {
                    if (++count > MAX_IDS) {
                        throw tooMany();
                    }
                    out.leaf("ids", window.table().id(row));
                }
            }
            out.leaf("latestDateCovered", WireValues.format(window.latest())).close();
        });
    }

    void getDeleted(XmlNode request, CallContext context, XmlOut out) {
        state.atomically(() -> {
            Window window = window(request, DELETED_WINDOW);
            out.open("result");
            int count = 0;
            for (int row = 0; row < window.table().size(); row++) {
                long deleted = window.table().deletedMillis(row);
                if (window.table().isDeleted(row) && deleted >= window.start() && deleted <= window.end()) {
                    if (++count > MAX_IDS) {
                        throw tooMany();
                    }
                    out.open("deletedRecords")
                            .leaf("deletedDate", WireValues.format(Instant.ofEpochMilli(deleted)))
                            .leaf("id", window.table().id(row))
                            .close();
                }
            }
            out.leaf("earliestDateAvailable", WireValues.format(earliest(DELETED_WINDOW)))
                    .leaf("latestDateCovered", WireValues.format(window.latest()))
                    .close();
        });
    }

    private Window window(XmlNode request, Duration kept) {
        String type = request.text("sObjectType");
        PersonTable table = state.people(type == null ? "" : type)
                .orElseThrow(() -> SoapFault.query(
                        "InvalidSObjectFault",
                        "INVALID_TYPE",
                        "sObject type '" + type + "' is not supported.",
                        -1,
                        -1));
        Instant start = WireValues.toMinute(WireValues.dateTime(request.text("startDate"), "startDate"));
        Instant end = WireValues.toMinute(WireValues.dateTime(request.text("endDate"), "endDate"));
        if (!start.isBefore(end)) {
            throw SoapFault.unexpected(
                    "INVALID_REPLICATION_DATE",
                    "startDate must chronologically precede endDate" + " by more than one minute");
        }
        if (start.isBefore(earliest(kept))) {
            throw SoapFault.unexpected(
                    "INVALID_REPLICATION_DATE", "startDate cannot be more than " + kept.toDays() + " days ago");
        }
        Instant now = WireValues.toMinute(state.now());
        Instant latest = end.isAfter(now) ? now : end;
        return new Window(table, start.toEpochMilli(), latest.toEpochMilli(), latest);
    }

    private Instant earliest(Duration kept) {
        return WireValues.toMinute(state.now().minus(kept));
    }

    private static SoapFault tooMany() {
        return SoapFault.unexpected("EXCEEDED_ID_LIMIT", "too many ids: narrow the date range (max " + MAX_IDS + ")");
    }
}
