package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.soql.CompiledQuery;
import com.unsubscribesync.localorg.state.RecordIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Open query cursors. A locator is {@code <18-char id starting 01g>-<offset>}; clients treat it as opaque. The
 * oldest cursors are forgotten first, which bounds memory when clients never finish their queries.
 */
final class QueryCursors {
    private static final int MAX_OPEN = 64;

    /** The rows a query matched, held until the client pages through them. */
    record Cursor(CompiledQuery query, int[] rows, int batchSize) {}

    private final Map<String, Cursor> open = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > MAX_OPEN;
        }
    };
    private int next;

    synchronized String register(Cursor cursor) {
        String id = RecordIds.idOf("01g", next++);
        open.put(id, cursor);
        return id;
    }

    synchronized Optional<Cursor> find(String cursorId) {
        return Optional.ofNullable(open.get(cursorId));
    }

    synchronized void close(String cursorId) {
        open.remove(cursorId);
    }
}
