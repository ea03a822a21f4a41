package com.unsubscribesync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every {@value #EVERY}th address of the unsubscribe list, per search prefix. A page far down the list then starts
 * from a nearby address instead of H2 counting every row from the top (a page at 1 000 000 took a second).
 * Forgotten on every write made here; a write by another process may shift a page by the rows it added until then.
 */
final class ListPositions {
    static final int EVERY = 10_000;

    private final Database database;
    private final Map<String, List<String>> marksByPrefix = new ConcurrentHashMap<>();

    ListPositions(Database database) {
        this.database = database;
    }

    /** The addresses at positions 0, EVERY, 2 × EVERY, … of the list for this prefix. */
    List<String> marks(String prefix) {
        return marksByPrefix.computeIfAbsent(prefix, this::scan);
    }

    /** The marks of another listing, read by {@code scan} (every EVERYth address of it, in order) the first time. */
    List<String> marks(String key, java.util.function.Supplier<List<String>> scan) {
        return marksByPrefix.computeIfAbsent("\u0001" + key, k -> scan.get());
    }

    /** Where a page at an offset starts reading: from the nearest mark before it, then skipping the rest. */
    record Start(Optional<String> from, int skip) {
        static Start of(int offset, Supplier<List<String>> marks) {
            if (offset >= EVERY) {
                List<String> all = marks.get();
                int mark = Math.min(offset / EVERY, all.size() - 1);
                if (mark > 0) {
                    return new Start(Optional.of(all.get(mark)), offset - mark * EVERY);
                }
            }
            return new Start(Optional.empty(), offset);
        }
    }

    void forget() {
        marksByPrefix.clear();
    }

    private List<String> scan(String prefix) {
        return database.read(connection -> {
            String sql = "SELECT email FROM unsubscribes " + (prefix.isEmpty() ? "" : "WHERE email LIKE ? ESCAPE '\\' ")
                    + "ORDER BY email";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (!prefix.isEmpty()) {
                    select.setString(1, UnsubscribeRepository.likePrefix(prefix));
                }
                select.setFetchSize(EVERY);
                List<String> marks = new ArrayList<>();
                long position = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (position++ % EVERY == 0) {
                            marks.add(rows.getString(1));
                        }
                    }
                }
                return marks;
            }
        });
    }
}
