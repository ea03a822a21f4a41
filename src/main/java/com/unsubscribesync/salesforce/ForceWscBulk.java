package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.util.List;

/** {@link SalesforceBulk} over force-wsc's Bulk API 1.0 connection: one {@link BulkOptOutJob} per push. */
final class ForceWscBulk implements SalesforceBulk {
    private final BulkOptOutJob job;
    private final ApiReserve reserve;

    ForceWscBulk(OrgCalls calls, ApiReserve reserve, BulkPolling polling) {
        this.job = new BulkOptOutJob(calls, polling);
        this.reserve = reserve;
    }

    @Override
    public List<WriteOutcome> setOptOutInBulk(
            SObjectType type, String fieldApiName, List<SalesforceId> ids, boolean value) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String field = SoqlLiteral.name(fieldApiName);
        String what = "setting " + type.apiName() + "." + field + " to " + value + " through the Bulk API";
        reserve.require(BulkOptOutJob.plannedCalls(ids.size()), what);
        return job.run(type, field, ids, value, what);
    }
}
