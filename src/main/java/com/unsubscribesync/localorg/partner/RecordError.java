package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.faults.StatusCodes;
import com.unsubscribesync.localorg.soap.XmlOut;
import java.util.List;

/** A per-record failure, written as an Error in WSDL order: fields*, message, statusCode. */
public record RecordError(String statusCode, String message, List<String> fields) {

    static RecordError of(String statusCode, String message, String... fields) {
        return new RecordError(statusCode, message, List.of(fields));
    }

    static RecordError injected(String statusCode) {
        return of(statusCode, StatusCodes.messageFor(statusCode));
    }

    void write(XmlOut out) {
        out.open("errors");
        for (String field : fields) {
            out.leaf("fields", field);
        }
        out.leaf("message", message).leaf("statusCode", statusCode).close();
    }
}
