package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.MirrorRecord;
import com.unsubscribesync.domain.SalesforceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the pulls saw of each Lead and Contact. {@code opted_out_before} remembers that a record was once opted out,
 * so that Salesforce unchecking it can be noticed and explained.
 */
public final class MirrorRepository {
    /** A pulled row as the source {@code n} of an upsert, bound by {@link #bind}. */
    static final String PULLED_ROW = "(VALUES (CAST(? AS CHAR(18)), CAST(? AS VARCHAR(16)), "
            + "CAST(? AS VARCHAR(254)), CAST(? AS BOOLEAN), CAST(? AS BOOLEAN), CAST(? AS CHAR(18)), CAST(? AS BOOLEAN), "
            + "CAST(? AS CHAR(18)), CAST(? AS TIMESTAMP WITH TIME ZONE))) "
            + "AS n (id, object_type, email, opted_out, is_converted, converted_contact_id, is_deleted, master_record_id, "
            + "system_modstamp) ";

    private static final SqlDialect.Upsert MERGE = SqlDialect.Upsert.orUpdate(
                    "sf_mirror",
                    "m",
                    PULLED_ROW,
                    List.of("id"),
                    "id, object_type, email, opted_out, opted_out_before, is_converted, converted_contact_id, is_deleted, "
                            + "master_record_id, system_modstamp",
                    "n.id, n.object_type, n.email, n.opted_out, n.opted_out, n.is_converted, n.converted_contact_id, "
                            + "n.is_deleted, n.master_record_id, n.system_modstamp",
                    "object_type = n.object_type, email = n.email, opted_out = n.opted_out, "
                            + "opted_out_before = (m.opted_out_before OR m.opted_out OR n.opted_out), "
                            + "is_converted = n.is_converted, converted_contact_id = n.converted_contact_id, "
                            + "is_deleted = n.is_deleted, master_record_id = n.master_record_id, "
                            + "system_modstamp = n.system_modstamp")
            // A row pulled again as it was (an idle run's overlap) is left alone: rewriting it costs H2 a page.
            .onlyWhen("m.object_type IS DISTINCT FROM n.object_type OR m.email IS DISTINCT FROM n.email "
                    + "OR m.opted_out IS DISTINCT FROM n.opted_out OR m.is_converted IS DISTINCT FROM n.is_converted "
                    + "OR m.converted_contact_id IS DISTINCT FROM n.converted_contact_id "
                    + "OR m.is_deleted IS DISTINCT FROM n.is_deleted "
                    + "OR m.master_record_id IS DISTINCT FROM n.master_record_id "
                    + "OR m.system_modstamp IS DISTINCT FROM n.system_modstamp");
    private static final List<String> RECORD_COLUMNS = List.of(
            "id",
            "email",
            "opted_out",
            "opted_out_before",
            "is_converted",
            "converted_contact_id",
            "is_deleted",
            "master_record_id");
    private static final String COLUMNS = "SELECT " + recordColumns("sf_mirror") + " FROM sf_mirror ";

    private final Database database;

    public MirrorRepository(Database database) {
        this.database = database;
    }

    /** A row as pulled; the modstamp is kept for explanations. */
    public record Pulled(MirrorRecord record, Instant systemModstamp) {}

    /** Returns how many rows were new or differed from what the mirror held. */
    public int save(Collection<Pulled> rows) {
        return save(rows, Optional.empty());
    }

    /**
     * Keeps what a sync run pulled, only while the run still holds its lock: a run paused past its lease does not
     * put its older reading over the one the run that took over keeps (ADR 0060).
     *
     * @throws Fence.LeaseLostException when another run took the lock over; nothing is written
     */
    public int save(Collection<Pulled> rows, Fence fence) {
        return save(rows, Optional.of(fence));
    }

    private int save(Collection<Pulled> rows, Optional<Fence> fence) {
        if (rows.isEmpty()) {
            return 0;
        }
        return database.inTransaction(connection -> {
            if (fence.isPresent()) {
                fence.get().check(connection);
            }
            List<Pulled> changed = changedOrNew(connection, rows);
            if (changed.isEmpty()) {
                return 0;
            }
            try (PreparedStatement merge =
                    connection.prepareStatement(database.dialect().upsert(MERGE))) {
                for (Pulled pulled : changed) {
                    bind(merge, pulled);
                    merge.addBatch();
                }
                int written = 0;
                for (int count : merge.executeBatch()) {
                    written += Math.max(0, count);
                }
                return written;
            }
        });
    }

    /**
     * The rows the mirror does not hold as they are. An incremental run pulls again what changed in the last minutes
     * (the overlap), mostly as the mirror holds it: one read of the rows by id costs H2 a fraction of a merge per
     * row that then writes nothing.
     *
     * <p>A row whose only change is its SystemModstamp (an edit of a field the mirror does not keep, or the run's
     * own push read back the next night) is held as well, unless a dismissal names its record: only a dismissal
     * reads the modstamp, to see whether the record changed since the admin dismissed (ADR 0028, ADR 0088).
     */
    private List<Pulled> changedOrNew(Connection connection, Collection<Pulled> rows) throws SQLException {
        Map<String, Pulled> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.record().id().value(), row));
        List<Pulled> changed = new ArrayList<>(rows);
        if (byId.size() < rows.size()) {
            return changed; // a record twice: each merged in turn, the last reading last
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + HELD_COLUMNS + ", EXISTS (SELECT 1 "
                + "FROM conflicts c WHERE c.salesforce_id = m.id AND c.resolution = ?) FROM "
                + database.dialect().addressTable("wanted")
                + " JOIN sf_mirror m ON m.id = CAST(wanted.address AS CHAR(18))")) {
            select.setString(1, ConflictRepository.DISMISS);
            SqlDialect.bindAddresses(connection, select, 2, byId.keySet().toArray(String[]::new));
            Set<String> held = new HashSet<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String id = row.getString(1);
                    Pulled pulled = byId.get(id);
                    if (pulled != null && heldAsPulled(row, pulled)) {
                        held.add(id);
                    }
                }
            }
            changed.removeIf(pulled -> held.contains(pulled.record().id().value()));
        }
        return changed;
    }

    /** The columns the merge compares, in the order {@link #heldAsPulled} reads them; then whether a dismissal watches. */
    private static final String HELD_COLUMNS = "m.id, m.object_type, m.email, m.opted_out, m.is_converted, "
            + "m.converted_contact_id, m.is_deleted, m.master_record_id, m.system_modstamp";

    private static boolean heldAsPulled(ResultSet row, Pulled pulled) throws SQLException {
        MirrorRecord r = pulled.record();
        return r.objectType().name().equals(row.getString(2))
                && Objects.equals(r.email().map(Email::value).orElse(null), row.getString(3))
                && r.optedOut() == row.getBoolean(4)
                && r.converted() == row.getBoolean(5)
                && Objects.equals(
                        r.convertedContactId().map(SalesforceId::value).orElse(null), row.getString(6))
                && r.deleted() == row.getBoolean(7)
                && Objects.equals(r.masterRecordId().map(SalesforceId::value).orElse(null), row.getString(8))
                && (!row.getBoolean(10)
                        || Objects.equals(pulled.systemModstamp(), Database.instant(row, "system_modstamp")));
    }

    /** Binds the nine parameters of {@link #PULLED_ROW}. */
    static void bind(PreparedStatement merge, Pulled pulled) throws SQLException {
        MirrorRecord r = pulled.record();
        merge.setString(1, r.id().value());
        merge.setString(2, r.objectType().name());
        merge.setString(3, r.email().map(Email::value).orElse(null));
        merge.setBoolean(4, r.optedOut());
        merge.setBoolean(5, r.converted());
        merge.setString(6, r.convertedContactId().map(SalesforceId::value).orElse(null));
        merge.setBoolean(7, r.deleted());
        merge.setString(8, r.masterRecordId().map(SalesforceId::value).orElse(null));
        merge.setObject(9, pulled.systemModstamp() == null ? null : Database.utc(pulled.systemModstamp()));
    }

    /** Records that a push set the field: the record is opted out now. */
    public void markOptedOut(Collection<SalesforceId> ids) {
        update("UPDATE sf_mirror SET opted_out = TRUE, opted_out_before = TRUE WHERE id = ?", ids);
    }

    /** An admin accepted that Salesforce unchecked the record: stop treating it as a resubscribe to explain. */
    public void forgetEarlierOptOut(Collection<SalesforceId> ids) {
        update("UPDATE sf_mirror SET opted_out_before = opted_out WHERE id = ?", ids);
    }

    /** An admin unchecked the field in Salesforce through the app. */
    public void markOptedIn(Collection<SalesforceId> ids) {
        update("UPDATE sf_mirror SET opted_out = FALSE, opted_out_before = FALSE WHERE id = ?", ids);
    }

    private void update(String sql, Collection<SalesforceId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (SalesforceId id : ids) {
                    update.setString(1, id.value());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    public List<MirrorRecord> byEmail(Email email) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(COLUMNS + "WHERE email = ? ORDER BY id")) {
                select.setString(1, email.value());
                return read(select);
            }
        });
    }

    /**
     * The live (not deleted) records the last pulls saw with each of these addresses; addresses no record had are
     * left out.
     */
    public Map<Email, List<MirrorRecord>> liveByEmail(Collection<Email> emails) {
        Map<Email, List<MirrorRecord>> byEmail = new HashMap<>();
        if (emails.isEmpty()) {
            return byEmail;
        }
        // The addresses as a table joined to the index: for 10 000 addresses several times faster in H2 than one
        // statement per address, "= ANY(array)" or IN lists of parameters.
        List<MirrorRecord> records = database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT m.id, m.email, m.opted_out, "
                    + "m.opted_out_before, m.is_converted, m.converted_contact_id, m.is_deleted, m.master_record_id "
                    + "FROM " + database.dialect().addressTable("wanted")
                    + " JOIN sf_mirror m ON m.email = wanted.address "
                    + "WHERE m.is_deleted = FALSE")) {
                SqlDialect.bindAddresses(
                        connection,
                        select,
                        1,
                        emails.stream().map(Email::value).distinct().toArray(String[]::new));
                return read(select);
            }
        });
        records.forEach(r -> byEmail.computeIfAbsent(r.email().orElseThrow(), e -> new ArrayList<>())
                .add(r));
        return byEmail;
    }

    public Optional<MirrorRecord> find(SalesforceId id) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(COLUMNS + "WHERE id = ?")) {
                select.setString(1, id.value());
                return read(select).stream().findFirst();
            }
        });
    }

    public long count() {
        return database.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM sf_mirror"));
    }

    /** The columns {@link #read} expects, of the table or alias given (a preview keeps what it pulled in the same columns). */
    static String recordColumns(String table) {
        return RECORD_COLUMNS.stream().map(column -> table + "." + column).collect(Collectors.joining(", "));
    }

    static List<MirrorRecord> read(PreparedStatement select) throws SQLException {
        List<MirrorRecord> records = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                records.add(new MirrorRecord(
                        new SalesforceId(rows.getString(1)),
                        Optional.ofNullable(rows.getString(2)).map(Email::new),
                        rows.getBoolean(3),
                        rows.getBoolean(4),
                        rows.getBoolean(5),
                        optionalId(rows.getString(6)),
                        rows.getBoolean(7),
                        optionalId(rows.getString(8))));
            }
        }
        return records;
    }

    private static Optional<SalesforceId> optionalId(String value) {
        return value == null ? Optional.empty() : Optional.of(new SalesforceId(value));
    }
}
