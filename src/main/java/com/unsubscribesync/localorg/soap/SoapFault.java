package com.unsubscribesync.localorg.soap;

/**
 * A call that fails as a whole. {@code detailType} names the partner fault type (e.g. UnexpectedErrorFault) the
 * client turns into its exception; null means no detail, as the Metadata API sends. Query faults carry a row and
 * column.
 */
public final class SoapFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String detailType;
    private final String exceptionMessage;
    private final int row;
    private final int column;

    private SoapFault(String code, String detailType, String exceptionMessage, int row, int column) {
        super(code + ": " + exceptionMessage);
        this.code = code;
        this.detailType = detailType;
        this.exceptionMessage = exceptionMessage;
        this.row = row;
        this.column = column;
    }

    public static SoapFault unexpected(String code, String message) {
        return new SoapFault(code, "UnexpectedErrorFault", message, 0, 0);
    }

    public static SoapFault typed(String detailType, String code, String message) {
        return new SoapFault(code, detailType, message, 0, 0);
    }

    public static SoapFault query(String detailType, String code, String message, int row, int column) {
        return new SoapFault(code, detailType, message, row, column);
    }

    public static SoapFault withoutDetail(String code, String message) {
        return new SoapFault(code, null, message, 0, 0);
    }

    public static SoapFault invalidSession() {
        return unexpected("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session");
    }

    public String code() {
        return code;
    }

    public String detailType() {
        return detailType;
    }

    public String exceptionMessage() {
        return exceptionMessage;
    }

    public boolean hasPosition() {
        return detailType != null
                && (detailType.equals("InvalidFieldFault")
                        || detailType.equals("MalformedQueryFault")
                        || detailType.equals("InvalidSObjectFault"));
    }

    public int row() {
        return row;
    }

    public int column() {
        return column;
    }

    /** The same fault without a detail element, as the Metadata API reports it. */
    public SoapFault withoutDetail() {
        return new SoapFault(code, null, exceptionMessage, row, column);
    }
}
