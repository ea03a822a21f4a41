package com.unsubscribesync.salesforce;

import com.sforce.soap.partner.sobject.SObject;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The columns the engine reads from a Lead or Contact, and how a returned row becomes an {@link OrgRecord}. */
final class RecordColumns {
    private final SObjectType type;
    private final String field;
    private final boolean withDeletion;

    RecordColumns(SObjectType type, String fieldApiName, boolean withDeletion) {
        this.type = type;
        this.field = SoqlLiteral.name(fieldApiName);
        this.withDeletion = withDeletion;
    }

    String select() {
        return "SELECT " + String.join(", ", names()) + " FROM " + type.apiName();
    }

    /** The fields read, in SELECT order. */
    List<String> names() {
        List<String> columns = new ArrayList<>(List.of("Id", "Email", field));
        if (type == SObjectType.LEAD) {
            columns.add("IsConverted");
            columns.add("ConvertedContactId");
        }
        columns.add("SystemModstamp");
        if (withDeletion) {
            columns.add("IsDeleted");
            columns.add("MasterRecordId");
        }
        return columns;
    }

    OrgRecord read(SObject row) {
        return read(name -> {
            Object value = name.equals("Id") ? row.getId() : row.getField(name);
            return value == null ? null : value.toString();
        });
    }

    /** A row of a Bulk API query result, where a null comes as an empty value. */
    OrgRecord read(BulkQuery.Row row) {
        return read(name -> {
            String value = row.value(name);
            return value == null || value.isEmpty() ? null : value;
        });
    }

    private OrgRecord read(Function<String, String> row) {
        String rawEmail = row.apply("Email");
        return new OrgRecord(
                SalesforceId.parse(row.apply("Id")),
                email(rawEmail),
                Optional.ofNullable(rawEmail),
                flag(row, field),
                type == SObjectType.LEAD && flag(row, "IsConverted"),
                id(row, type == SObjectType.LEAD ? "ConvertedContactId" : null),
                withDeletion && flag(row, "IsDeleted"),
                id(row, withDeletion ? "MasterRecordId" : null),
                instant(row.apply("SystemModstamp")));
    }

    /** A deleted record the recycle bin no longer shows: only its id and when it went are known. */
    OrgRecord purged(String id, Instant deletedAt) {
        return new OrgRecord(
                SalesforceId.parse(id),
                Optional.empty(),
                Optional.empty(),
                false,
                false,
                Optional.empty(),
                true,
                Optional.empty(),
                deletedAt);
    }

    private static Optional<Email> email(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Email.parse(raw));
        } catch (IllegalArgumentException e) {
            // Salesforce holds what people typed; an address this app refuses leaves the record without one, as a
            // record with no address, so one odd record never stops a run.
            return Optional.empty();
        }
    }

    private static boolean flag(Function<String, String> row, String name) {
        return Boolean.parseBoolean(row.apply(name));
    }

    private static Optional<SalesforceId> id(Function<String, String> row, String name) {
        String value = name == null ? null : row.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(SalesforceId.parse(value));
    }

    private static Instant instant(String value) {
        return value == null ? Instant.EPOCH : Instant.parse(value);
    }
}
