package com.unsubscribesync.salesforce;

import com.sforce.async.AsyncApiException;
import com.sforce.async.AsyncExceptionCode;
import com.sforce.soap.partner.Error;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.SoapFaultException;
import com.sforce.ws.bind.HTMLResponseException;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Decides once, for the whole app, what a Salesforce failure means: for one record of a write, whether trying
 * again later can help; for a whole call, whether to retry, renew the session, stop, or ask the admin.
 */
public final class FaultClassifier {
    private static final Set<String> RETRYABLE_RECORD_CODES = Set.of(
            "UNABLE_TO_LOCK_ROW",
            "UNABLE_TO_LOCK_RECORD",
            "SERVER_UNAVAILABLE",
            "SERVICE_UNAVAILABLE",
            "QUERY_TIMEOUT",
            "REQUEST_RUNNING_TOO_LONG",
            "ALL_OR_NONE_OPERATION_ROLLED_BACK");
    private static final Set<String> UNAVAILABLE_CALL_CODES = Set.of(
            "SERVER_UNAVAILABLE",
            "QUERY_TIMEOUT",
            "REQUEST_TIMEOUT_OR_CONFLICT",
            "FUNCTIONALITY_TEMPORARILY_UNAVAILABLE",
            "UNABLE_TO_LOCK_ROW",
            "API_CURRENTLY_DISABLED", /* Bulk API: */
            "InternalServerError",
            "Timeout",
            "TooManyLockFailure");
    private static final Set<String> AUTHENTICATION_CALL_CODES = Set.of(
            "INVALID_SESSION_ID",
            "INVALID_LOGIN",
            "LOGIN_MUST_USE_SECURITY_TOKEN",
            "PASSWORD_LOCKOUT",
            "ORG_LOCKED",
            "ORG_ADMIN_LOCKED",
            "TXN_SECURITY_END_A_SESSION",
            "UNSUPPORTED_API_VERSION",
            "InvalidSessionId");

    /** The code of a user without API Enabled; the same code also means a passing outage, told by its message. */
    public static final String API_CURRENTLY_DISABLED = "API_CURRENTLY_DISABLED";

    public static final String API_DISABLED_FOR_ORG = "API_DISABLED_FOR_ORG";

    private FaultClassifier() {}

    /**
     * Whether the org refuses the API to this user or org for good: API_DISABLED_FOR_ORG, or API_CURRENTLY_DISABLED
     * with "API is disabled for this User" (without that message the code means a passing outage). Bulk API says
     * InvalidUser.
     */
    static boolean isApiDisabled(String code, String message) {
        boolean forThisUser =
                message != null && message.toLowerCase(java.util.Locale.ROOT).contains("disabled for this user");
        return code.equals(API_DISABLED_FOR_ORG)
                || ((code.equals(API_CURRENTLY_DISABLED) || code.equals("InvalidUser")) && forThisUser);
    }

    /** Whether a refused call means the connected user, or the org, may not use the API at all. */
    public static boolean isApiDisabled(SalesforceException e) {
        return e.kind() == SalesforceException.Kind.REFUSED
                && e.statusCode()
                        .filter(code -> code.equals(API_CURRENTLY_DISABLED) || code.equals(API_DISABLED_FOR_ORG))
                        .isPresent();
    }

    /** Whether a record that failed with this status code is worth trying again later. */
    public static WriteOutcome.Result recordResult(String statusCode) {
        return RETRYABLE_RECORD_CODES.contains(statusCode)
                ? WriteOutcome.Result.RETRYABLE
                : WriteOutcome.Result.PERMANENT;
    }

    /** The outcome of one failed record, carrying Salesforce's first error. */
    static WriteOutcome failedRecord(com.unsubscribesync.domain.SalesforceId id, Error[] errors) {
        boolean reasonGiven = errors != null && errors.length > 0 && errors[0].getStatusCode() != null;
        return failedRecord(
                id, reasonGiven ? errors[0].getStatusCode().name() : null, reasonGiven ? errors[0].getMessage() : null);
    }

    /** The outcome of one failed record from its status code and message (either API); no code is retryable. */
    static WriteOutcome failedRecord(com.unsubscribesync.domain.SalesforceId id, String statusCode, String message) {
        if (statusCode == null || statusCode.isBlank()) {
            return new WriteOutcome(
                    id,
                    WriteOutcome.Result.RETRYABLE,
                    Optional.of("UNKNOWN_EXCEPTION"),
                    Optional.of("Salesforce reported a failure without a reason"));
        }
        return new WriteOutcome(id, recordResult(statusCode), Optional.of(statusCode), Optional.ofNullable(message));
    }

    /** The status code of an API fault, when the failure is one. */
    static Optional<ExceptionCode> exceptionCode(Throwable failure) {
        return failure instanceof ApiFault fault ? Optional.ofNullable(fault.getExceptionCode()) : Optional.empty();
    }

    static boolean isInvalidSession(Throwable failure) {
        return failure instanceof AsyncApiException async
                        && async.getExceptionCode() == AsyncExceptionCode.InvalidSessionId
                || exceptionCode(failure)
                        .filter(code -> code == ExceptionCode.INVALID_SESSION_ID)
                        .isPresent()
                || (failure instanceof SoapFaultException soap
                        && soap.getFaultCode() != null
                        && "INVALID_SESSION_ID".equals(soap.getFaultCode().getLocalPart()));
    }

    /**
     * Turns a failed call into a {@link SalesforceException} whose kind tells the caller what to do.
     *
     * @param what the call in the admin's words, e.g. "reading Contacts"
     */
    public static SalesforceException classify(Throwable failure, String what) {
        if (failure instanceof SalesforceException known) {
            return known;
        }
        if (failure instanceof ApiFault fault) {
            String code = fault.getExceptionCode() == null
                    ? "UNKNOWN_EXCEPTION"
                    : fault.getExceptionCode().name();
            String message = fault.getExceptionMessage() == null ? code : fault.getExceptionMessage();
            return fromCode(code, message, what, failure, fault instanceof LoginFault);
        }
        if (failure instanceof AsyncApiException async) {
            return fromBulk(async, what);
        }
        if (failure instanceof HTMLResponseException) {
            return new SalesforceException(
                    SalesforceException.Kind.UNAVAILABLE,
                    "HTML_RESPONSE",
                    "Salesforce answered " + what + " with a web page instead of data (maintenance or a proxy): "
                            + "it is tried again later.",
                    failure);
        }
        if (failure instanceof SoapFaultException soap) {
            String code = soap.getFaultCode() == null
                    ? "UNKNOWN_EXCEPTION"
                    : soap.getFaultCode().getLocalPart();
            // force-wsc puts the fault code in front of the fault string; the sentence names the code once.
            String message = soap.getMessage() == null ? code : soap.getMessage();
            if (message.startsWith(code + ": ")) {
                message = message.substring(code.length() + 2);
            }
            return fromCode(code, message, what, failure, false);
        }
        if (isNetworkFailure(failure)) {
            return unreachable(failure, what);
        }
        return new SalesforceException(
                SalesforceException.Kind.REFUSED,
                null,
                "Salesforce's answer to " + what + " could not be understood (" + failure.getMessage()
                        + "): see the log file for details.",
                failure);
    }

    private static SalesforceException unreachable(Throwable failure, String what) {
        return new SalesforceException(
                SalesforceException.Kind.UNAVAILABLE,
                "CONNECTION_FAILED",
                "Salesforce could not be reached while " + what + " (" + networkReason(failure)
                        + "): check the network; it is tried again later.",
                failure);
    }

    private static SalesforceException fromCode(
            String code, String rawMessage, String what, Throwable failure, boolean login) {
        // SOQL errors come on several lines (the statement, a caret, the reason): the sentence keeps them on one.
        String message = rawMessage.strip().replaceAll("\\s+", " ");
        SalesforceException.Kind kind;
        String sentence;
        if (isApiDisabled(code, message)) {
            kind = SalesforceException.Kind.REFUSED;
            sentence = code.equals(API_DISABLED_FOR_ORG)
                    ? "Salesforce refused " + what + " because this org's "
                            + "edition has no API access (" + code + ": " + message + "): the org needs Enterprise, "
                            + "Unlimited, Performance or Developer Edition, or the API add-on."
                    : "Salesforce refused " + what + " because the connected user may not use the API (" + code
                            + ": " + message
                            + "): ask a Salesforce admin to turn on \"API Enabled\" in the user's profile "
                            + "or a permission set.";
        } else if (code.equals("REQUEST_LIMIT_EXCEEDED") || code.equals("ExceededQuota")) {
            kind = SalesforceException.Kind.API_LIMIT_EXCEEDED;
            sentence = "Salesforce refused " + what + " because the org's API allowance is used up (" + message
                    + "): the rest waits for the next run.";
        } else if (UNAVAILABLE_CALL_CODES.contains(code)) {
            kind = SalesforceException.Kind.UNAVAILABLE;
            sentence = "Salesforce is busy and could not finish " + what + " (" + code + ": " + message
                    + "): it is tried again later.";
        } else if (login || AUTHENTICATION_CALL_CODES.contains(code)) {
            kind = SalesforceException.Kind.AUTHENTICATION;
            sentence = "Salesforce refused the session while " + what + " (" + code + ": " + message
                    + "): connect again with 'connect'.";
        } else {
            kind = SalesforceException.Kind.REFUSED;
            sentence = "Salesforce refused " + what + " (" + code + ": " + message + "): an admin must fix this "
                    + "in the org or in the settings.";
        }
        return new SalesforceException(kind, code, sentence, failure);
    }

    /**
     * Bulk API failures. force-wsc reports a dropped connection, and an answer that is not the Bulk API's own XML (a
     * maintenance page), as ClientInputError; both mean "try again later".
     */
    private static SalesforceException fromBulk(AsyncApiException failure, String what) {
        AsyncExceptionCode code =
                failure.getExceptionCode() == null ? AsyncExceptionCode.Unknown : failure.getExceptionCode();
        String message = failure.getExceptionMessage() == null ? code.name() : failure.getExceptionMessage();
        if (code == AsyncExceptionCode.ClientInputError) {
            if (isNetworkFailure(failure)) {
                return unreachable(failure, what);
            }
            return new SalesforceException(
                    SalesforceException.Kind.UNAVAILABLE,
                    "HTML_RESPONSE",
                    "Salesforce "
                            + "answered " + what + " with something other than Bulk API data (" + message
                            + "): it is tried "
                            + "again later.",
                    failure);
        }
        return fromCode(code.name(), message, what, failure, false);
    }

    private static boolean isNetworkFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
            if (t instanceof ConnectionException c
                    && c.getMessage() != null
                    && (c.getMessage().contains("timed out") || c.getMessage().startsWith("Failed to send request"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String networkReason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException
                    || (t.getMessage() != null && t.getMessage().contains("timed out"))) {
                return "timed out";
            }
            if (t.getCause() == null || t.getCause() == t) {
                return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            }
        }
        return "connection failed";
    }
}
