package com.unsubscribesync.ui.conflicts;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.ui.Formats;
import java.time.ZoneId;

/** One conflict as the inbox lists it. */
public record ConflictRow(
        long id,
        ConflictKind kind,
        String email,
        String record,
        String statusCode,
        String explanation,
        String created,
        String resolution) {

    static ConflictRow of(Conflict conflict, ZoneId zone) {
        String record = conflict.recordId()
                .map(id -> id.objectType().apiName() + " " + id)
                .orElse(conflict.objectType().map(t -> t.apiName()).orElse(""));
        String resolution = conflict.resolution()
                .map(r -> r
                        + conflict.resolvedBy().map(by -> " by " + by).orElse("")
                        + conflict.resolvedAt()
                                .map(at -> ", " + Formats.dateTime(at, zone))
                                .orElse(""))
                .orElse("");
        return new ConflictRow(
                conflict.id(),
                conflict.kind(),
                conflict.email().map(Object::toString).orElse(""),
                record,
                conflict.statusCode().orElse(""),
                conflict.explanation(),
                Formats.compact(conflict.createdAt(), zone),
                resolution);
    }
}
