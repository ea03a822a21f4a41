package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.HistoryEntry;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Unsubscribes with their history and their real-time outbox, always written together. */
public final class UnsubscribeRepository {
    private static final String INSERT_IF_ABSENT =
            "INSERT INTO unsubscribes (email, unsubscribed_at, source, actor, reason) "
                    + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM unsubscribes WHERE email = ?)";
    private static final String INSERT_HISTORY =
            "INSERT INTO unsubscribe_history (email, at, action, source, actor, reason) " + "VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_OUTBOX =
            "INSERT INTO outbox (email, created_at, next_attempt_at) VALUES (?, ?, ?)";
    private static final String LIST_COLUMNS = "SELECT u.email, u.unsubscribed_at, u.source, u.actor, u.reason, "
            + "p.email AS person_email, p.first_name, p.last_name, p.salesforce_id "
            + "FROM unsubscribes u LEFT JOIN people p ON p.email = u.email ";

    private final Database database;
    private final Clock clock;
    private final ListPositions positions;

    /** @param clock stamps the outbox entries an unsubscribe queues */
    public UnsubscribeRepository(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.positions = new ListPositions(database);
    }

    /**
     * Records an unsubscribe, its history line and its outbox entry in one transaction.
     *
     * @return false when the address was already unsubscribed (nothing is written then)
     */
    public boolean add(Unsubscribe unsubscribe) {
        return addAll(List.of(unsubscribe).iterator()) == 1;
    }

    /**
     * Records many unsubscribes, committing every batch of rows: each row's unsubscribe, history and outbox entry
     * are always committed together, and addresses already unsubscribed are left as they are, so an interrupted
     * import can simply be run again. (One transaction for a million rows made H2 several times slower.) Each batch
     * is its own transaction over a list of its own, so one run again after a deadlock writes the same rows
     * ({@link Batches}); a failure after a batch was committed is a {@link PartlySavedException}.
     */
    public long addAll(Iterator<Unsubscribe> unsubscribes) {
        positions.forget();
        return Batches.write(
                database,
                unsubscribes,
                "new unsubscribes",
                (connection, batch) -> count(writeBatch(connection, batch)));
    }

    private static long count(boolean[] added) {
        long count = 0;
        for (boolean one : added) {
            count += one ? 1 : 0;
        }
        return count;
    }

    /**
     * Records a few unsubscribes in one transaction, all or none: the clicks an intake gathered while the store was
     * busy, or one intake API request (ADR 0061). Meant for a request's worth; a file is {@link #addAll}'s.
     *
     * @return in order, whether each was new; addresses already unsubscribed are left as they are, and an address
     *     twice in the list is new once
     */
    public List<Boolean> addTogether(List<Unsubscribe> unsubscribes) {
        positions.forget();
        boolean[] added = database.inTransaction(connection -> writeBatch(connection, unsubscribes));
        List<Boolean> each = new java.util.ArrayList<>(added.length);
        for (boolean one : added) {
            each.add(one);
        }
        return each;
    }

    /**
     * Adds them as {@link #addAll(Iterator)} does, each batch in one transaction with the check that the run adding
     * them still holds the run lock: once another run took it over, the rest is refused with a
     * {@link Fence.LeaseLostException}.
     */
    public long addAll(Iterator<Unsubscribe> unsubscribes, Fence fence) {
        positions.forget();
        return Batches.write(database, unsubscribes, "new unsubscribes", (connection, batch) -> {
            fence.check(connection);
            return count(writeBatch(connection, batch));
        });
    }

    private boolean[] writeBatch(Connection connection, List<Unsubscribe> batch) throws SQLException {
        boolean[] added = new boolean[batch.size()];
        if (batch.isEmpty()) {
            return added;
        }
        int[] inserted;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_IF_ABSENT)) {
            for (Unsubscribe unsubscribe : batch) {
                insert.setString(1, unsubscribe.email().value());
                insert.setObject(2, Database.utc(unsubscribe.at()));
                insert.setString(3, unsubscribe.source().name());
                insert.setString(4, unsubscribe.actor());
                insert.setString(5, unsubscribe.reason().orElse(null));
                insert.setString(6, unsubscribe.email().value());
                insert.addBatch();
            }
            inserted = insert.executeBatch();
        }
        try (PreparedStatement history = connection.prepareStatement(INSERT_HISTORY);
                PreparedStatement outbox = connection.prepareStatement(INSERT_OUTBOX)) {
            Instant now = clock.instant();
            for (int i = 0; i < batch.size(); i++) {
                if (inserted[i] != 1) {
                    continue;
                }
                Unsubscribe unsubscribe = batch.get(i);
                added[i] = true;
                history.setString(1, unsubscribe.email().value());
                history.setObject(2, Database.utc(unsubscribe.at()));
                history.setString(3, HistoryEntry.Action.UNSUBSCRIBE.name());
                history.setString(4, unsubscribe.source().name());
                history.setString(5, unsubscribe.actor());
                history.setString(6, unsubscribe.reason().orElse(null));
                history.addBatch();
                // Opt-outs that came from Salesforce are already there; everything else must reach it.
                if (unsubscribe.source() != UnsubscribeSource.SALESFORCE_SYNC) {
                    outbox.setString(1, unsubscribe.email().value());
                    outbox.setObject(2, Database.utc(now));
                    outbox.setObject(3, Database.utc(now));
                    outbox.addBatch();
                }
            }
            history.executeBatch();
            outbox.executeBatch();
        }
        for (int i = 0; i < batch.size(); i++) {
            if (added[i]) {
                database.changed(Change.UNSUBSCRIBES);
                if (batch.get(i).source() != UnsubscribeSource.SALESFORCE_SYNC) {
                    database.changed(Change.OUTBOX);
                }
            }
        }
        return added;
    }

    /**
     * The admin's resubscribe: removes the unsubscribe and its pending pushes, and writes the history line.
     *
     * @return false when the address was not unsubscribed
     */
    public boolean resubscribe(Email email, String actor, String reason, Instant at) {
        positions.forget();
        return database.inTransaction(connection -> {
            Optional<Unsubscribe> existing = find(connection, email);
            if (existing.isEmpty()) {
                return false;
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM unsubscribes WHERE email = ?");
                    PreparedStatement dropPushes = connection.prepareStatement("DELETE FROM outbox WHERE email = ?");
                    PreparedStatement history = connection.prepareStatement(INSERT_HISTORY)) {
                delete.setString(1, email.value());
                delete.executeUpdate();
                dropPushes.setString(1, email.value());
                dropPushes.executeUpdate();
                history.setString(1, email.value());
                history.setObject(2, Database.utc(at));
                history.setString(3, HistoryEntry.Action.RESUBSCRIBE.name());
                history.setString(4, UnsubscribeSource.MANUAL.name());
                history.setString(5, actor);
                history.setString(6, reason);
                history.executeUpdate();
            }
            database.changed(Change.UNSUBSCRIBES);
            database.changed(Change.OUTBOX);
            return true;
        });
    }

    /** Records that an admin had the opt-out unchecked in Salesforce, naming the records. */
    public void recordUncheckedInSalesforce(Email email, String actor, String records, Instant at) {
        database.inTransaction(connection -> {
            database.changed(Change.UNSUBSCRIBES);
            try (PreparedStatement history = connection.prepareStatement(INSERT_HISTORY)) {
                history.setString(1, email.value());
                history.setObject(2, Database.utc(at));
                history.setString(3, HistoryEntry.Action.UNCHECKED_IN_SALESFORCE.name());
                history.setString(4, UnsubscribeSource.MANUAL.name());
                history.setString(5, actor);
                history.setString(6, records.length() > 1000 ? records.substring(0, 1000) : records);
                history.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Unsubscribe> find(Email email) {
        return database.read(connection -> find(connection, email));
    }

    private static Optional<Unsubscribe> find(Connection connection, Email email) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT email, unsubscribed_at, source, actor, reason FROM unsubscribes WHERE email = ?")) {
            select.setString(1, email.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(unsubscribe(rows)) : Optional.empty();
            }
        }
    }

    /** One page of unsubscribes in email order, those starting with the prefix when one is given. */
    public List<ListedUnsubscribe> list(String emailPrefix, int limit, int offset) {
        String prefix = emailPrefix == null ? "" : Email.searchPrefix(emailPrefix);
        ListPositions.Start at = ListPositions.Start.of(offset, () -> positions.marks(prefix));
        Optional<String> start = at.from();
        int rowsToSkip = at.skip();
        return database.read(connection -> {
            List<String> conditions = new ArrayList<>();
            if (!prefix.isEmpty()) {
                conditions.add("u.email LIKE ? ESCAPE '\\'");
            }
            start.ifPresent(email -> conditions.add("u.email >= ?"));
            String sql = LIST_COLUMNS + (conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + " ")
                    + "ORDER BY u.email LIMIT ? OFFSET ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int i = 1;
                if (!prefix.isEmpty()) {
                    select.setString(i++, likePrefix(prefix));
                }
                if (start.isPresent()) {
                    select.setString(i++, start.get());
                }
                select.setInt(i++, limit);
                select.setInt(i, rowsToSkip);
                List<ListedUnsubscribe> page = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(new ListedUnsubscribe(unsubscribe(rows), person(rows)));
                    }
                }
                return page;
            }
        });
    }

    /** The two kinds of people the list can show, each readable in email order through its {@code alias}. */
    private record Branch(String select, String alias) {
        static final Branch CURRENT = new Branch(
                "SELECT u.email, u.unsubscribed_at AS listed_at, u.source, u.actor, "
                        + "u.reason, FALSE AS resubscribed FROM unsubscribes u WHERE TRUE",
                "u");
        // The latest resubscribe of each address not unsubscribed again since.
        static final Branch RESUBSCRIBED = new Branch(
                "SELECT h.email, h.at AS listed_at, h.source, h.actor, h.reason, "
                        + "TRUE AS resubscribed FROM unsubscribe_history h WHERE h.action = 'RESUBSCRIBE' AND h.id = "
                        + "(SELECT MAX(x.id) FROM unsubscribe_history x WHERE x.email = h.email AND x.action = 'RESUBSCRIBE') "
                        + "AND NOT EXISTS (SELECT 1 FROM unsubscribes n WHERE n.email = h.email)",
                "h");

        static List<Branch> of(ListQuery.Shown shown) {
            return switch (shown) {
                case ALL -> List.of(CURRENT, RESUBSCRIBED);
                case UNSUBSCRIBED -> List.of(CURRENT);
                case RESUBSCRIBED -> List.of(RESUBSCRIBED);
            };
        }

        /** The branch narrowed to the search (address or name containing it) and to addresses from {@code from} on. */
        String narrowed(ListQuery query, Optional<String> from) {
            StringBuilder sql = new StringBuilder(select);
            if (!query.search().isEmpty()) {
                sql.append(" AND (")
                        .append(alias)
                        .append(".email LIKE ? ESCAPE '\\' OR ")
                        .append(alias)
                        .append(".email IN (SELECT s.email FROM people s WHERE LOWER(CONCAT_WS(' ', s.first_name, "
                                + "s.last_name)) LIKE ? ESCAPE '\\'))");
            }
            from.ifPresent(email -> sql.append(" AND ").append(alias).append(".email >= ?"));
            return sql.toString();
        }

        int bind(PreparedStatement statement, int first, ListQuery query, Optional<String> from) throws SQLException {
            int i = first;
            if (!query.search().isEmpty()) {
                String contains = "%" + likePrefix(query.search());
                statement.setString(i++, contains);
                statement.setString(i++, contains);
            }
            if (from.isPresent()) {
                statement.setString(i++, from.get());
            }
            return i;
        }
    }

    /**
     * One page of the list as the console shows it, in email order. Each kind of row is read through its email
     * index from a nearby mark on, at most as many as the page needs, so a page costs about the same anywhere in a
     * million rows; a search by part of an address or name reads the addresses in order and keeps those containing it.
     */
    public List<ListedUnsubscribe> page(ListQuery query, int limit, int offset) {
        ListPositions.Start at =
                ListPositions.Start.of(offset, () -> positions.marks(query.key(), () -> scanMarks(query)));
        Optional<String> start = at.from();
        int rowsToSkip = at.skip();
        List<Branch> branches = Branch.of(query.shown());
        return database.read(connection -> {
            // A row the nightly run imported names the opted-out record it came from, even with no person saved.
            StringBuilder sql = new StringBuilder("SELECT l.*, p.email AS person_email, p.first_name, p.last_name, "
                    + "p.salesforce_id, (SELECT MIN(m.id) FROM sf_mirror m WHERE m.email = l.email AND m.opted_out "
                    + "AND NOT m.is_deleted) AS mirror_id FROM (");
            for (int b = 0; b < branches.size(); b++) {
                Branch branch = branches.get(b);
                sql.append(b == 0 ? "" : " UNION ALL ")
                        .append("(")
                        .append(branch.narrowed(query, start))
                        .append(" ORDER BY ")
                        .append(branch.alias())
                        .append(".email FETCH FIRST ? ROWS ONLY)");
            }
            sql.append(") l LEFT JOIN people p ON p.email = l.email ORDER BY l.email LIMIT ? OFFSET ?");
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int i = 1;
                for (Branch branch : branches) {
                    i = branch.bind(select, i, query, start);
                    select.setInt(i++, rowsToSkip + limit);
                }
                select.setInt(i++, limit);
                select.setInt(i, rowsToSkip);
                List<ListedUnsubscribe> page = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(new ListedUnsubscribe(
                                new Unsubscribe(
                                        new Email(rows.getString("email")),
                                        Database.instant(rows, "listed_at"),
                                        UnsubscribeSource.valueOf(rows.getString("source")),
                                        rows.getString("actor"),
                                        Optional.ofNullable(rows.getString("reason"))),
                                personOrRecord(rows),
                                rows.getBoolean("resubscribed")));
                    }
                }
                return page;
            }
        });
    }

    /** How many rows the list shows for this query. */
    public long count(ListQuery query) {
        return database.read(connection -> {
            long total = 0;
            for (Branch branch : Branch.of(query.shown())) {
                if (branch == Branch.CURRENT && query.search().isEmpty()) {
                    // H2 knows a table's row count; counting through the branch's query would read every row.
                    total += Jdbc.count(connection, "SELECT COUNT(*) FROM unsubscribes");
                    continue;
                }
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM (" + branch.narrowed(query, Optional.empty()) + ") counted")) {
                    branch.bind(select, 1, query, Optional.empty());
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                        total += rows.getLong(1);
                    }
                }
            }
            return total;
        });
    }

    /** Every EVERYth address of the list, its kinds of rows merged in email order as they stream from the store. */
    private List<String> scanMarks(ListQuery query) {
        return database.read(connection -> {
            List<Branch> branches = Branch.of(query.shown());
            List<PreparedStatement> statements = new ArrayList<>();
            List<ResultSet> results = new ArrayList<>();
            try {
                List<String> heads = new ArrayList<>();
                for (Branch branch : branches) {
                    PreparedStatement select = connection.prepareStatement(
                            branch.narrowed(query, Optional.empty()) + " ORDER BY " + branch.alias() + ".email");
                    statements.add(select);
                    branch.bind(select, 1, query, Optional.empty());
                    select.setFetchSize(ListPositions.EVERY);
                    ResultSet rows = select.executeQuery();
                    results.add(rows);
                    heads.add(rows.next() ? rows.getString("email") : null);
                }
                List<String> marks = new ArrayList<>();
                long position = 0;
                while (true) {
                    int smallest = -1;
                    for (int b = 0; b < heads.size(); b++) {
                        if (heads.get(b) != null
                                && (smallest < 0 || heads.get(b).compareTo(heads.get(smallest)) < 0)) {
                            smallest = b;
                        }
                    }
                    if (smallest < 0) {
                        return marks;
                    }
                    if (position++ % ListPositions.EVERY == 0) {
                        marks.add(heads.get(smallest));
                    }
                    ResultSet rows = results.get(smallest);
                    heads.set(smallest, rows.next() ? rows.getString("email") : null);
                }
            } finally {
                for (ResultSet rows : results) {
                    rows.close();
                }
                for (PreparedStatement statement : statements) {
                    statement.close();
                }
            }
        });
    }

    public boolean isUnsubscribed(Email email) {
        return find(email).isPresent();
    }

    /** Unsubscribes of one source recorded at or after {@code since}: the intake's clicks today, for example. */
    public long countFrom(UnsubscribeSource source, Instant since) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT COUNT(*) FROM unsubscribes WHERE source = ? AND unsubscribed_at >= ?")) {
                select.setString(1, source.name());
                select.setObject(2, Database.utc(since));
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    public long count() {
        return database.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM unsubscribes"));
    }

    /** How many unsubscribes start with the prefix (all of them for an empty one). */
    public long count(String emailPrefix) {
        String prefix = emailPrefix == null ? "" : Email.searchPrefix(emailPrefix);
        if (prefix.isEmpty()) {
            return count();
        }
        return database.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT COUNT(*) FROM unsubscribes WHERE email LIKE ? ESCAPE '\\'")) {
                select.setString(1, likePrefix(prefix));
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** The history card of one address, oldest first. */
    public List<HistoryEntry> history(Email email) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT at, action, source, actor, reason "
                    + "FROM unsubscribe_history WHERE email = ? ORDER BY id")) {
                select.setString(1, email.value());
                List<HistoryEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new HistoryEntry(
                                email,
                                Database.instant(rows, "at"),
                                HistoryEntry.Action.valueOf(rows.getString("action")),
                                UnsubscribeSource.valueOf(rows.getString("source")),
                                rows.getString("actor"),
                                Optional.ofNullable(rows.getString("reason"))));
                    }
                }
                return entries;
            }
        });
    }

    static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Unsubscribe unsubscribe(ResultSet rows) throws SQLException {
        return new Unsubscribe(
                new Email(rows.getString("email")),
                Database.instant(rows, "unsubscribed_at"),
                UnsubscribeSource.valueOf(rows.getString("source")),
                rows.getString("actor"),
                Optional.ofNullable(rows.getString("reason")));
    }

    private static Optional<Person> personOrRecord(ResultSet rows) throws SQLException {
        Optional<Person> person = person(rows);
        String record = rows.getString("mirror_id");
        if (record == null || person.flatMap(Person::salesforceId).isPresent()) {
            return person;
        }
        return Optional.of(new Person(
                new Email(rows.getString("email")),
                person.flatMap(Person::firstName),
                person.flatMap(Person::lastName),
                Optional.of(new SalesforceId(record))));
    }

    private static Optional<Person> person(ResultSet rows) throws SQLException {
        String email = rows.getString("person_email");
        if (email == null) {
            return Optional.empty();
        }
        String id = rows.getString("salesforce_id");
        return Optional.of(new Person(
                new Email(email),
                Optional.ofNullable(rows.getString("first_name")),
                Optional.ofNullable(rows.getString("last_name")),
                id == null ? Optional.empty() : Optional.of(new SalesforceId(id))));
    }
}
