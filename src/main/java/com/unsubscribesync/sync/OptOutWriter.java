package com.unsubscribesync.sync;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.salesforce.SalesforceBulk;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.salesforce.WriteOutcome;
import java.util.List;

/**
 * How opt-outs for one object are written, chosen by how many there are at once: SOAP updates of 200 below the
 * admin's bulk threshold, Bulk API jobs from it on (a handful of API calls per job however many records, at the
 * price of waiting for Salesforce to process them).
 */
enum OptOutWriter {
    SOAP(200) {
        @Override
        List<WriteOutcome> write(
                SalesforceOrg org, SalesforceBulk bulk, SObjectType type, String fieldApiName, List<SalesforceId> ids) {
            return org.setOptOut(type, fieldApiName, ids, true);
        }

        @Override
        long plannedCalls(int records) {
            return (records + batch() - 1) / batch();
        }
    },
    /** One job per step of up to five full batches, so a run can stop between jobs. */
    BULK(5 * SalesforceBulk.BATCH_RECORDS) {
        @Override
        List<WriteOutcome> write(
                SalesforceOrg org, SalesforceBulk bulk, SObjectType type, String fieldApiName, List<SalesforceId> ids) {
            return bulk.setOptOutInBulk(type, fieldApiName, ids, true);
        }

        /** Per job: create, close, one look at its batches, and per batch the upload and its results. */
        @Override
        long plannedCalls(int records) {
            long calls = 0;
            for (int from = 0; from < records; from += batch()) {
                int inJob = Math.min(batch(), records - from);
                calls += 3 + 2L * ((inJob + SalesforceBulk.BATCH_RECORDS - 1) / SalesforceBulk.BATCH_RECORDS);
            }
            return calls;
        }
    };

    private final int step;

    OptOutWriter(int step) {
        this.step = step;
    }

    /** The records of one SOAP call, or of one Bulk API job. */
    int batch() {
        return step;
    }

    /** The writer for {@code records} opt-outs of one object to be written in one go. */
    static OptOutWriter forRecords(int records, SyncSettings settings) {
        return records >= settings.bulkThreshold() ? BULK : SOAP;
    }

    /**
     * The most ids one {@link #write} should be given, so that a run can check its limits in between: for SOAP, a
     * batch of 200 for each call that may go at once, as long as the calls left above the API reserve allow.
     */
    int step(SyncSettings settings, long callsLeft) {
        if (this == BULK) {
            return step;
        }
        return step * (int) Math.max(1, Math.min(settings.callsInFlight(), callsLeft));
    }

    /** Sets the opt-out on the records, through the org's SOAP or Bulk API; one outcome per id, in order. */
    abstract List<WriteOutcome> write(
            SalesforceOrg org, SalesforceBulk bulk, SObjectType type, String fieldApiName, List<SalesforceId> ids);

    /** API calls writing {@code records} opt-outs this way takes when nothing is retried. */
    abstract long plannedCalls(int records);
}
