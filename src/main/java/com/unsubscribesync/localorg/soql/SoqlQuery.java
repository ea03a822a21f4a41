package com.unsubscribesync.localorg.soql;

import java.util.List;

/** A parsed, not yet resolved SOQL statement. */
record SoqlQuery(
        List<FieldRef> fields,
        boolean countOnly,
        Token object,
        Condition where,
        List<Order> orderBy,
        Integer limit,
        Integer offset) {

    /** A field as written, possibly through one relationship ({@code ConvertedContact.Email}). */
    record FieldRef(String path, Token at) {}

    record Order(FieldRef field, boolean descending, boolean nullsFirst) {}

    sealed interface Condition {}

    record All(List<Condition> parts) implements Condition {}

    record Any(List<Condition> parts) implements Condition {}

    record Not(Condition inner) implements Condition {}

    record Compare(FieldRef field, String operator, Token value) implements Condition {}

    record In(FieldRef field, boolean negated, List<Token> values) implements Condition {}

    record Like(FieldRef field, Token pattern) implements Condition {}
}
