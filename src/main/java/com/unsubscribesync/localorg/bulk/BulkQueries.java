package com.unsubscribesync.localorg.bulk;

import com.unsubscribesync.localorg.soap.SoapFault;
import com.unsubscribesync.localorg.soql.CompiledQuery;
import com.unsubscribesync.localorg.soql.QueryEngine;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.RecordTable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SOQL of a query batch: compiled as the SOAP query compiles it, refused where Bulk API query refuses more
 * (COUNT(), OFFSET, a nested query; with PK chunking anything after WHERE), and split into PK chunks over the object's
 * id order. A refusal is an IllegalArgumentException whose message is the failed batch's stateMessage.
 */
final class BulkQueries {
    private static final Pattern NESTED = Pattern.compile("(?is)^\\s*SELECT\\s[^()]*?\\(\\s*SELECT\\b");

    private final OrgState state;
    private final QueryEngine engine;

    BulkQueries(OrgState state) {
        this.state = state;
        this.engine = new QueryEngine(state);
    }

    /**
     * One PK chunk of a query: the rows {@code from} (inclusive) to {@code to} (exclusive) in id order, and its SOQL.
     */
    record Chunk(CompiledQuery query, int from, int to, String soql) {}

    CompiledQuery compile(BulkJob job, String soql) {
        if (NESTED.matcher(soql).find()) {
            throw notSupported("Aggregate Relationships not supported in Bulk Query");
        }
        CompiledQuery query;
        try {
            query = state.atomically(() -> engine.compile(soql.strip(), job.ownerRow, job.includesDeleted()));
        } catch (SoapFault fault) {
            throw failed(fault.code() + ": " + fault.exceptionMessage());
        }
        if (query.countOnly()) {
            throw notSupported("Aggregate queries are not supported in Bulk Query");
        }
        if (query.hasOffset()) {
            throw notSupported("OFFSET is not supported in Bulk Query");
        }
        if (job.chunking != null && !query.onlyWhere()) {
            throw notSupported("PK chunking works only with queries that have no clause other than WHERE");
        }
        return query;
    }

    /**
     * The chunks of {@code chunkSize} ids from {@code startRow} (or the first record) to the last: each a range of ids,
     * deleted ones included, so a chunk may return fewer records than its size. At least one chunk.
     */
    List<Chunk> chunks(CompiledQuery query, String soql, PkChunking chunking) {
        RecordTable table = query.table();
        int size = state.atomically(table::size);
        int first = 0;
        if (chunking.startRow() != null) {
            first = table.rowOf(chunking.startRow());
            if (first < 0) {
                throw failed("INVALID_QUERY_FILTER_OPERATOR: invalid ID field: " + chunking.startRow());
            }
        }
        List<Chunk> chunks = new ArrayList<>();
        int from = first;
        do {
            int to = (int) Math.min(size, (long) from + chunking.chunkSize());
            boolean last = to >= size;
            String bounds = "Id >= '" + table.id(from) + "'" + (last ? "" : " AND Id < '" + table.id(to) + "'");
            String bounded = query.filtered() ? soql.strip() + " AND " + bounds : soql.strip() + " WHERE " + bounds;
            chunks.add(new Chunk(query, from, last ? Integer.MAX_VALUE : to, bounded));
            from = to;
        } while (from < size);
        return chunks;
    }

    private static IllegalArgumentException notSupported(String what) {
        return failed("FUNCTIONALITY_NOT_ENABLED: " + what);
    }

    private static IllegalArgumentException failed(String reason) {
        return new IllegalArgumentException("InvalidBatch : Failed to process query: " + reason);
    }
}
