package com.unsubscribesync.domain;

/** Valid 18-character ids for tests. */
public final class TestIds {
    private TestIds() {}

    public static SalesforceId of(SObjectType type, int number) {
        String id15 = type.keyPrefix() + "5g000" + String.format("%07d", number);
        return SalesforceId.parse(id15);
    }
}
