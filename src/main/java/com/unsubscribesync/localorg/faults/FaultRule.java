package com.unsubscribesync.localorg.faults;

import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.ObjectAccess;
import com.unsubscribesync.localorg.state.Permission;
import java.time.Duration;

/** One item of a fault spec. */
public sealed interface FaultRule {

    /** Records of an operation fail with a status code at a rate (0..1). */
    record RecordError(String operation, String statusCode, double rate) implements FaultRule {}

    /** Every session finds itself expired on its n-th call (n is 2 or more, so each session serves a call). */
    record SessionExpiry(int everyCalls) implements FaultRule {
        public SessionExpiry {
            if (everyCalls < 2) {
                throw new IllegalArgumentException("a session must serve at least one call before it expires: "
                        + "expire it every 2 calls or more, not " + everyCalls);
            }
        }
    }

    record Latency(Duration delay) implements FaultRule {}

    /** An HTML maintenance page with status 503 instead of a SOAP answer. */
    record MaintenancePage(double rate) implements FaultRule {}

    /** The connection closes without an answer. */
    record DroppedConnection(double rate) implements FaultRule {}

    record DailyApiLimit(int limit) implements FaultRule {}

    /**
     * The Metadata API goes down for maintenance once this many more page layouts have been saved: every later
     * Metadata call gets the maintenance page until the faults are cleared. A run of layout saves thus fails part-way.
     */
    record MetadataOutageAfterSaves(int saves) implements FaultRule {
        public MetadataOutageAfterSaves {
            if (saves < 0) {
                throw new IllegalArgumentException("the number of saves before the outage cannot be negative");
            }
        }
    }

    record FieldSecurityRule(String object, String field, FieldAccess access) implements FaultRule {}

    /** The local user's profile gains or loses a permission, e.g. API Enabled. */
    record PermissionRule(Permission permission, boolean granted) implements FaultRule {}

    /** The local user's object permission on Lead or Contact. */
    record ObjectAccessRule(String object, ObjectAccess access) implements FaultRule {}
}
