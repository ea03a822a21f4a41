package com.unsubscribesync.localorg.soql;

import com.unsubscribesync.localorg.soap.SoapFault;

/** Query faults in Salesforce's shape: the query line, a caret under the spot, the row and column, the reason. */
final class QueryErrors {
    private final String query;

    QueryErrors(String query) {
        this.query = query;
    }

    SoapFault malformed(Token at, String reason) {
        return fault("MalformedQueryFault", "MALFORMED_QUERY", at.row(), at.column(), reason);
    }

    SoapFault malformed(int row, int column, String reason) {
        return fault("MalformedQueryFault", "MALFORMED_QUERY", row, column, reason);
    }

    SoapFault tooLong(int limit) {
        return SoapFault.query(
                "MalformedQueryFault",
                "MALFORMED_QUERY",
                "SOQL statements cannot be longer than " + limit + " characters.",
                0,
                0);
    }

    SoapFault invalidField(Token at, String reason) {
        return fault("InvalidFieldFault", "INVALID_FIELD", at.row(), at.column(), reason);
    }

    SoapFault noSuchColumn(Token at, String field, String object) {
        return invalidField(
                at,
                "No such column '" + field + "' on entity '" + object + "'. If you are attempting"
                        + " to use a custom field, be sure to append the '__c' after the custom field name. Please reference"
                        + " your WSDL or the describe call for the appropriate names.");
    }

    SoapFault invalidType(Token at, String object) {
        return fault(
                "InvalidSObjectFault",
                "INVALID_TYPE",
                at.row(),
                at.column(),
                "sObject type '" + object
                        + "' is not supported. If you are attempting to use a custom object, be sure to append the '__c'"
                        + " after the entity name. Please reference your WSDL or the describe call for the appropriate"
                        + " names.");
    }

    SoapFault invalidId(Token at, String value) {
        return fault(
                "MalformedQueryFault",
                "INVALID_QUERY_FILTER_OPERATOR",
                at.row(),
                at.column(),
                "invalid ID field: " + value);
    }

    private SoapFault fault(String type, String code, int row, int column, String reason) {
        String[] lines = query.split("\n", -1);
        String line = row >= 1 && row <= lines.length ? lines[row - 1] : "";
        String message = "\n" + line + "\n" + " ".repeat(Math.max(0, column - 1)) + "^\nERROR at Row:" + row
                + ":Column:" + column + "\n" + reason;
        return SoapFault.query(type, code, message, row, column);
    }
}
