package com.unsubscribesync.localorg.bulk;

import com.unsubscribesync.localorg.soap.XmlOut;

/**
 * A Bulk API request refused as a whole. It is answered with the {@code error} document that force-wsc reads into
 * an {@code AsyncApiException}; the code must be one of force-wsc's {@code AsyncExceptionCode} names.
 */
final class AsyncError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String exceptionMessage;

    AsyncError(int status, String code, String exceptionMessage) {
        super(code + " : " + exceptionMessage);
        this.status = status;
        this.code = code;
        this.exceptionMessage = exceptionMessage;
    }

    static AsyncError invalidSession() {
        return new AsyncError(400, "InvalidSessionId", "Invalid session id");
    }

    static AsyncError notFound(String code, String id) {
        return new AsyncError(400, code, "Unable to find object: " + id);
    }

    int status() {
        return status;
    }

    String document() {
        XmlOut out = new XmlOut();
        out.open("error", "xmlns", BulkXml.NAMESPACE)
                .leaf("exceptionCode", code)
                .leaf("exceptionMessage", exceptionMessage)
                .close();
        return BulkXml.DECLARATION + out;
    }
}
