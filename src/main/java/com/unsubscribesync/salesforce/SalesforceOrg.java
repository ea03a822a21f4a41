package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.PersonMatch;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the engine needs from a Salesforce org. Every call may throw {@link SalesforceException}, whose
 * {@link SalesforceException.Kind} says whether to retry, stop, or ask the admin; per-record problems come back
 * as {@link WriteOutcome}s instead.
 */
public interface SalesforceOrg extends AutoCloseable {
    /** Salesforce's most records in one Bulk API batch; {@link #setOptOutInBulk} makes as many batches as needed. */
    int BULK_BATCH_RECORDS = 10_000;

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
     */
    void pullChanged(SObjectType type, String fieldApiName, Optional<Instant> since, Consumer<List<OrgRecord>> chunk);

    /** The live rows of one object with any of these addresses (queried in batches, safely escaped). */
    List<OrgRecord> findByEmails(SObjectType type, String fieldApiName, Collection<Email> emails);

    /** The live rows of one object with these ids (deleted or unknown ids are simply absent). */
    List<OrgRecord> findByIds(SObjectType type, String fieldApiName, Collection<SalesforceId> ids);

    /**
     * These records of one object as they are now, those deleted or merged away included and flagged {@code deleted}
     * with their master record; an id Salesforce no longer keeps at all is absent. Every record changed after the
     * epoch, so this is {@link #changedSince} from then: one {@code queryAll} per few thousand ids.
     */
    default List<OrgRecord> findByIdsIncludingDeleted(SObjectType type, String fieldApiName,
            Collection<SalesforceId> ids) {
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
     * Sets the field like {@link #setOptOut}, in one Bulk API job of CSV batches of at most 10 000 ids. It costs a
     * handful of API calls whatever the number of ids, but takes at least one polling wait, so it pays from a few
     * thousand records on. Outcomes are classified as {@link #setOptOut}'s; a batch that failed as a whole, or was
     * not finished in time, leaves its records {@link WriteOutcome.Result#RETRYABLE}.
     *
     * @return one outcome per id, in the order given
     */
    List<WriteOutcome> setOptOutInBulk(SObjectType type, String fieldApiName, List<SalesforceId> ids, boolean value);

    /**
     * Live Contacts, and Leads not converted, whose email or name contains {@code text} (ignoring case), at most
     * {@code limit} of each, by name: one query per object. The default refuses, for connections that do not search.
     */
    default List<PersonMatch> findPeople(String text, int limit) {
        throw new SalesforceException(SalesforceException.Kind.REFUSED, "UNSUPPORTED", "This connection cannot search "
                + "Leads and Contacts: connect to a Salesforce org to search.", null);
    }

    /** The live Lead or Contact with this id, if the connected user can see it: one query. */
    default Optional<PersonMatch> findPerson(SalesforceId id) {
        throw new SalesforceException(SalesforceException.Kind.REFUSED, "UNSUPPORTED", "This connection cannot look "
                + "Leads and Contacts up: connect to a Salesforce org to link records.", null);
    }

    /** API usage as last reported by the org's {@code LimitInfoHeader}; empty before the first call. */
    Optional<ApiUsage> apiUsage();

    /** Calls made through this connection so far. */
    long callsMade();

    /** The org's clock, used for watermarks so that local clock drift cannot skip changes. */
    Instant serverTime();

    // Page layouts, through the Metadata API. The defaults refuse, so that connections that do not speak the
    // Metadata API (test doubles of the engine) need not implement them.

    /** The connected user's permissions that decide whether page layouts can be read and saved. */
    default LayoutPermissions layoutPermissions() {
        throw layoutsUnsupported();
    }

    /** Every page layout of the object, named as the org names them ({@code listMetadata}). */
    default List<ListedLayout> listLayouts(SObjectType type) {
        throw layoutsUnsupported();
    }

    /** The page layouts of several objects; an org that can list them all at once does it in one call. */
    default java.util.Map<SObjectType, List<ListedLayout>> listLayouts(java.util.Set<SObjectType> types) {
        java.util.Map<SObjectType, List<ListedLayout>> listed = new java.util.EnumMap<>(SObjectType.class);
        types.forEach(type -> listed.put(type, listLayouts(type)));
        return listed;
    }

    /** Whether the org is a sandbox ({@code Organization.IsSandbox}); empty when this connection cannot tell. */
    default Optional<Boolean> isSandbox() {
        return Optional.empty();
    }

    /**
     * The named layouts, whole, in the order given; a name the org does not know is left out. Names must come
     * from {@link #listLayouts}.
     */
    default List<PageLayout> readLayouts(List<String> fullNames) {
        throw layoutsUnsupported();
    }

    /**
     * Adds a field to the layout {@code current} (as read just before) and saves the whole layout; Salesforce
     * replaces a layout whole, so nothing else on it may change.
     *
     * @return the layout as saved
     * @throws SalesforceException {@code REFUSED} with the org's status code when the org does not save it
     */
    default PageLayout addField(PageLayout current, FieldPlacement placement) {
        throw layoutsUnsupported();
    }

    /**
     * Saves a layout exactly as it was read before (undo of {@link #addField}).
     *
     * @param document the layout's {@link PageLayout#document()} as it was read
     */
    default void restoreLayout(String fullName, String document) {
        throw layoutsUnsupported();
    }

    @Override
    void close();

    private static SalesforceException layoutsUnsupported() {
        return new SalesforceException(SalesforceException.Kind.REFUSED, "UNSUPPORTED", "This connection cannot "
                + "read or change page layouts: connect to a Salesforce org to work on layouts.", null);
    }
}
