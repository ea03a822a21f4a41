package com.unsubscribesync.ui.history;

import com.unsubscribesync.store.RunRecord;
import com.unsubscribesync.store.SyncRun;
import java.util.Optional;

/**
 * One record of a run's detail as the screen lists it.
 *
 * @param url the record in Salesforce: the org's address, "/" and the id
 */
public record RecordRow(String object, String recordId, String email, String status, Optional<String> url) {

    static RecordRow of(RunRecord record, SyncRun run) {
        String status = record.statusCode()
                .map(code -> code + record.message().map(m -> ": " + m).orElse(""))
                .or(record::message)
                .orElse("");
        return new RecordRow(
                record.objectType().map(type -> type.apiName()).orElse(""),
                record.recordId().map(Object::toString).orElse(""),
                record.email().map(Object::toString).orElse(""),
                status,
                record.recordId().flatMap(run::recordUrl));
    }
}
