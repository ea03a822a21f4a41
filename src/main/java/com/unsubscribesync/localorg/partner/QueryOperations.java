package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.soap.CallContext;
import com.unsubscribesync.localorg.soap.SoapFault;
import com.unsubscribesync.localorg.soap.XmlNode;
import com.unsubscribesync.localorg.soap.XmlOut;
import com.unsubscribesync.localorg.soql.CompiledQuery;
import com.unsubscribesync.localorg.soql.QueryEngine;
import com.unsubscribesync.localorg.state.OrgState;

/** query, queryAll and queryMore, paged by the QueryOptions batch size (default 500, held to 200..2000). */
final class QueryOperations {
    static final int DEFAULT_BATCH = 500;

    private final OrgState state;
    private final QueryEngine engine;
    private final QueryCursors cursors = new QueryCursors();

    QueryOperations(OrgState state) {
        this.state = state;
        this.engine = new QueryEngine(state);
    }

    void query(XmlNode request, CallContext context, XmlOut out) {
        start(request, context, out, false);
    }

    void queryAll(XmlNode request, CallContext context, XmlOut out) {
        start(request, context, out, true);
    }

    private void start(XmlNode request, CallContext context, XmlOut out, boolean includeDeleted) {
        String soql = request.text("queryString");
        if (soql == null || soql.isBlank()) {
            throw SoapFault.query("MalformedQueryFault", "MALFORMED_QUERY", "empty query", 1, 1);
        }
        int batch = batchSize(context);
        state.atomically(() -> {
            CompiledQuery query = engine.compile(soql, context.userRow(), includeDeleted);
            int[] rows = query.run();
            if (query.countOnly()) {
                out.open("result", "xsi:type", "QueryResult")
                        .leaf("done", true)
                        .nil("queryLocator")
                        .leaf("size", rows.length)
                        .close();
                return;
            }
            QueryCursors.Cursor cursor = new QueryCursors.Cursor(query, rows, batch);
            page(out, cursor, rows.length > batch ? cursors.register(cursor) : null, 0);
        });
    }

    void queryMore(XmlNode request, CallContext context, XmlOut out) {
        String locator = request.text("queryLocator");
        int dash = locator == null ? -1 : locator.lastIndexOf('-');
        QueryCursors.Cursor cursor = null;
        int offset = -1;
        if (dash > 0) {
            cursor = cursors.find(locator.substring(0, dash)).orElse(null);
            try {
                offset = Integer.parseInt(locator.substring(dash + 1));
            } catch (NumberFormatException e) {
                offset = -1;
            }
        }
        if (cursor == null || offset < 0 || offset >= cursor.rows().length) {
            throw SoapFault.typed("InvalidQueryLocatorFault", "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        QueryCursors.Cursor found = cursor;
        int from = offset;
        String cursorId = locator.substring(0, dash);
        state.atomically(() -> page(out, found, cursorId, from));
    }

    private void page(XmlOut out, QueryCursors.Cursor cursor, String cursorId, int from) {
        int total = cursor.rows().length;
        int to = Math.min(total, from + cursor.batchSize());
        boolean done = to >= total;
        out.open("result", "xsi:type", "QueryResult").leaf("done", done);
        if (done) {
            out.nil("queryLocator");
            if (cursorId != null) {
                cursors.close(cursorId);
            }
        } else {
            out.leaf("queryLocator", cursorId + "-" + to);
        }
        CompiledQuery query = cursor.query();
        for (int i = from; i < to; i++) {
            RecordWriter.write(out, "records", query.table(), cursor.rows()[i], query.columns());
        }
        out.leaf("size", total).close();
    }

    private static int batchSize(CallContext context) {
        String requested = context.headerValue("QueryOptions", "batchSize");
        if (requested == null) {
            return DEFAULT_BATCH;
        }
        try {
            return Math.max(200, Math.min(2000, Integer.parseInt(requested.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_BATCH;
        }
    }
}
