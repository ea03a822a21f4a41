package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.PersonMatch;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.SyncSettings;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The records of a Salesforce org, through the Partner SOAP API: what the engine reads and writes. Every call may
 * throw {@link SalesforceException}, whose {@link SalesforceException.Kind} says whether to retry, stop, or ask the
 * admin; per-record problems come back as {@link WriteOutcome}s instead. Its Bulk API is {@link SalesforceBulk},
 * its page layouts {@link SalesforceLayouts}; {@link OpenOrg} holds the three of one connection.
 */
public interface SalesforceOrg {
    /** Which org and user this is. */
    OrgIdentity identity();

    /**
     * Describes Lead and Contact and reports, for the chosen field, whether it exists, is a checkbox and can be
     * written by the connected user. The Marketo Sales Opt Out field is found by its label unless an API name is given.
     */
    FieldCheck checkField(OptOutFieldRequest request);

    /**
     * Streams the rows of one object changed after {@code since} (all rows when empty), in chunks of at most
     * 2 000, without holding the object in memory. The rows include the records deleted or merged away that
     * Salesforce still keeps, flagged {@code deleted} with their master record. Salesforce keeps change times to
     * the second, so rows changed within the second of {@code since} are included too.
     *
     * @param bulkQueryFrom from how many records a full read goes through one Bulk query job (never when 0, the
     *     admin's {@code bulk-query-from=off}); an org that cannot run Bulk queries reads in pages whatever the number
     */
    void pullChanged(
            SObjectType type,
            String fieldApiName,
            Optional<Instant> since,
            long bulkQueryFrom,
            Consumer<List<OrgRecord>> chunk);

    /** {@link #pullChanged(SObjectType, String, Optional, long, Consumer)} from the default number of records. */
    default void pullChanged(
            SObjectType type, String fieldApiName, Optional<Instant> since, Consumer<List<OrgRecord>> chunk) {
        pullChanged(type, fieldApiName, since, SyncSettings.DEFAULT_BULK_QUERY_FROM, chunk);
    }

    /** The live rows of one object with any of these addresses (queried in batches, safely escaped). */
    List<OrgRecord> findByEmails(SObjectType type, String fieldApiName, Collection<Email> emails);

    /** The live rows of one object with these ids (deleted or unknown ids are simply absent). */
    List<OrgRecord> findByIds(SObjectType type, String fieldApiName, Collection<SalesforceId> ids);

    /**
     * These records of one object as they are now, those deleted or merged away included and flagged {@code deleted}
     * with their master record; an id Salesforce no longer keeps at all is absent. Every record changed after the
     * epoch, so this is {@link #changedSince} from then: one {@code queryAll} per few thousand ids.
     */
    default List<OrgRecord> findByIdsIncludingDeleted(
            SObjectType type, String fieldApiName, Collection<SalesforceId> ids) {
        return changedSince(type, fieldApiName, ids, Instant.EPOCH);
    }

    /**
     * Which of these records of one object changed after {@code since}: their state now, deleted ones included and
     * flagged {@code deleted}. An id not returned is as it was at {@code since}. An implementation may also return
     * records that did not change; the ids go many to a query.
     */
    List<OrgRecord> changedSince(SObjectType type, String fieldApiName, Collection<SalesforceId> ids, Instant since);

    /** Records deleted from one object in the window, each with its master record when it was merged away. */
    List<OrgRecord> deletedBetween(SObjectType type, String fieldApiName, Instant start, Instant end);

    /**
     * Sets the field to {@code value} on the records, in calls of at most 200 ids. Only an admin's confirmed
     * resubscribe ever passes {@code false}.
     *
     * @return one outcome per id, in the order given
     */
    List<WriteOutcome> setOptOut(SObjectType type, String fieldApiName, List<SalesforceId> ids, boolean value);

    /**
     * Live Contacts, and Leads not converted, whose email or name contains {@code text} (ignoring case), at most
     * {@code limit} of each, by name: one query per object.
     */
    List<PersonMatch> findPeople(String text, int limit);

    /** The live Lead or Contact with this id, if the connected user can see it: one query. */
    Optional<PersonMatch> findPerson(SalesforceId id);

    /** API usage as last reported by the org's {@code LimitInfoHeader}; empty before the first call. */
    Optional<ApiUsage> apiUsage();

    /** Calls made through this connection so far. */
    long callsMade();

    /** The org's clock, used for watermarks so that local clock drift cannot skip changes. */
    Instant serverTime();

    /** Whether the org is a sandbox ({@code Organization.IsSandbox}); empty when the org would not say. */
    Optional<Boolean> isSandbox();
}
