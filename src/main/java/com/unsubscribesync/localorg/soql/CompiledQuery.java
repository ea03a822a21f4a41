package com.unsubscribesync.localorg.soql;

import com.unsubscribesync.localorg.state.RecordTable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/** A query resolved against one table, ready to run. */
public final class CompiledQuery {
    private final RecordTable table;
    private final List<SelectedColumn> columns;
    private final boolean countOnly;
    private final IntPredicate filter;
    private final Comparator<Integer> order;
    private final Integer limit;
    private final Integer offset;
    private final boolean filtered;
    private final boolean includeDeleted;

    CompiledQuery(
            RecordTable table,
            List<SelectedColumn> columns,
            boolean countOnly,
            IntPredicate filter,
            Comparator<Integer> order,
            Integer limit,
            Integer offset,
            boolean filtered,
            boolean includeDeleted) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.countOnly = countOnly;
        this.filter = filter;
        this.order = order;
        this.limit = limit;
        this.offset = offset;
        this.filtered = filtered;
        this.includeDeleted = includeDeleted;
    }

    public RecordTable table() {
        return table;
    }

    public List<SelectedColumn> columns() {
        return columns;
    }

    public boolean countOnly() {
        return countOnly;
    }

    /** Whether the statement has an OFFSET clause (even OFFSET 0). */
    public boolean hasOffset() {
        return offset != null;
    }

    /** Whether nothing but WHERE follows FROM: no ORDER BY, LIMIT or OFFSET. */
    public boolean onlyWhere() {
        return order == null && limit == null && offset == null;
    }

    /** Whether the statement has a WHERE clause. */
    public boolean filtered() {
        return filtered;
    }

    /** Whether the row is in the result, leaving ORDER BY, LIMIT and OFFSET aside. */
    public boolean matches(int row) {
        return (includeDeleted || !table.isDeleted(row)) && filter.test(row);
    }

    /** The matching rows in result order, after OFFSET and LIMIT. */
    public int[] run() {
        int[] rows = new int[Math.min(table.size(), 1024)];
        int count = 0;
        for (int row = 0; row < table.size(); row++) {
            if (matches(row)) {
                if (count == rows.length) {
                    rows = Arrays.copyOf(rows, rows.length * 2);
                }
                rows[count++] = row;
            }
        }
        rows = Arrays.copyOf(rows, count);
        if (order != null) {
            Integer[] boxed = Arrays.stream(rows).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, order);
            rows = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }
        int from = Math.min(offset == null ? 0 : offset, rows.length);
        int to = limit == null ? rows.length : (int) Math.min(rows.length, (long) from + limit);
        return from == 0 && to == rows.length ? rows : Arrays.copyOfRange(rows, from, to);
    }
}
