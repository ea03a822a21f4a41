package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.util.List;

/** The Bulk API of a Salesforce org: large opt-out pushes in one job. */
@FunctionalInterface
public interface SalesforceBulk {
    /** Salesforce's most records in one Bulk API batch; {@link #setOptOutInBulk} makes as many batches as needed. */
    int BATCH_RECORDS = 10_000;

    /**
     * Sets the field like {@link SalesforceOrg#setOptOut}, in one Bulk API job of CSV batches of at most
     * {@value #BATCH_RECORDS} ids. It costs a handful of API calls whatever the number of ids, but takes at least one
     * polling wait, so it pays from a few thousand records on. Outcomes are classified as
     * {@link SalesforceOrg#setOptOut}'s; a batch that failed as a whole, or was not finished in time, leaves its
     * records {@link WriteOutcome.Result#RETRYABLE}.
     *
     * @return one outcome per id, in the order given
     */
    List<WriteOutcome> setOptOutInBulk(SObjectType type, String fieldApiName, List<SalesforceId> ids, boolean value);
}
