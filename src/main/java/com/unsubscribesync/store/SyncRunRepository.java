package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The record of every nightly run and preview. */
public final class SyncRunRepository {
    private static final String COLUMNS =
            "SELECT id, started_at, ended_at, run_trigger, dry_run, outcome, pulled, pushed, "
                    + "imported, conflicts, api_calls, message, watermark, origin, failed, instance_url FROM sync_runs ";
    /**
     * Rows of each list (pushed, imported, failed) a run keeps for its detail: enough to look through and to find a
     * pattern in; a million-row run keeps these and counts the rest (ADR 0041).
     */
    public static final int DETAIL_CAP = 1000;

    private final Database database;

    public SyncRunRepository(Database database) {
        this.database = database;
    }

    public long start(SyncRun.Trigger trigger, boolean dryRun, Instant now) {
        return start(trigger, SyncRun.Origin.UNKNOWN, Optional.empty(), dryRun, now);
    }

    /** @param instanceUrl the org's address, kept for links to the records the run touches */
    public long start(
            SyncRun.Trigger trigger, SyncRun.Origin origin, Optional<String> instanceUrl, boolean dryRun, Instant now) {
        return database.inTransaction(connection -> {
            database.changed(Change.RUNS);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sync_runs "
                            + "(started_at, run_trigger, dry_run, outcome, origin, instance_url) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setObject(1, Database.utc(now));
                insert.setString(2, trigger.name());
                insert.setBoolean(3, dryRun);
                insert.setString(4, SyncRun.Outcome.RUNNING.name());
                insert.setString(5, origin.name());
                insert.setString(6, instanceUrl.map(url -> cut(url, 400)).orElse(null));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /**
     * Marks runs still open as failed: called by a run that has just taken the run lock, so any other open run belongs
     * to a process that stopped without finishing (killed, power cut). Returns how many there were.
     */
    public int closeAbandoned(Instant now) {
        return database.inTransaction(connection -> {
            database.changed(Change.RUNS);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE sync_runs SET outcome = ?, ended_at = ?, " + "message = ? WHERE outcome = ?")) {
                update.setString(1, SyncRun.Outcome.FAILED.name());
                update.setObject(2, Database.utc(now));
                update.setString(
                        3,
                        "The process running this sync stopped before it finished; the counts are what it "
                                + "had done by then. Nothing is lost: the next run starts from the last good one.");
                update.setString(4, SyncRun.Outcome.RUNNING.name());
                return update.executeUpdate();
            }
        });
    }

    /**
     * Saves what a run still going has done so far, so that a run whose process dies shows its real counts once
     * the next run closes it as failed.
     */
    public void recordProgress(long id, SyncRun.Counts counts) {
        recordProgress(id, counts, 0, List.of());
    }

    /**
     * Saves a run's counts and the records it did since the last save in one transaction, so the detail never
     * disagrees with the counts; rows beyond {@link #DETAIL_CAP} of a list are only counted.
     */
    public void recordProgress(long id, SyncRun.Counts counts, int failed, List<RunRecord> records) {
        database.inTransaction(connection -> {
            database.changed(Change.RUNS);
            try (PreparedStatement update = connection.prepareStatement("UPDATE sync_runs SET pulled = ?, pushed = ?, "
                    + "imported = ?, conflicts = ?, api_calls = ?, failed = ? WHERE id = ? AND outcome = ?")) {
                update.setInt(1, counts.pulled());
                update.setInt(2, counts.pushed());
                update.setInt(3, counts.imported());
                update.setInt(4, counts.conflicts());
                update.setInt(5, counts.apiCalls());
                update.setInt(6, failed);
                update.setLong(7, id);
                update.setString(8, SyncRun.Outcome.RUNNING.name());
                update.executeUpdate();
            }
            keep(connection, id, records);
            return null;
        });
    }

    private static void keep(Connection connection, long id, List<RunRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        Map<RunRecord.Kind, Integer> kept = new EnumMap<>(RunRecord.Kind.class);
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT outcome, COUNT(*) AS n FROM " + "sync_run_records WHERE run_id = ? GROUP BY outcome")) {
            count.setLong(1, id);
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    kept.put(RunRecord.Kind.valueOf(rows.getString("outcome")), rows.getInt("n"));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_run_records (run_id, outcome, "
                + "line_no, object_type, record_id, email, status_code, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RunRecord record : records) {
                int line = kept.getOrDefault(record.kind(), 0);
                if (line >= DETAIL_CAP) {
                    continue;
                }
                kept.put(record.kind(), line + 1);
                insert.setLong(1, id);
                insert.setString(2, record.kind().name());
                insert.setInt(3, line);
                insert.setString(
                        4, record.objectType().map(SObjectType::apiName).orElse(null));
                insert.setString(5, record.recordId().map(Object::toString).orElse(null));
                insert.setString(6, record.email().map(Email::value).orElse(null));
                insert.setString(
                        7, record.statusCode().map(code -> cut(code, 100)).orElse(null));
                insert.setString(
                        8, record.message().map(message -> cut(message, 1000)).orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    /** A run with the records it kept, if there is such a run. */
    public Optional<RunDetail> detail(long id) {
        return database.read(connection -> {
            SyncRun run;
            try (PreparedStatement select = connection.prepareStatement(COLUMNS + "WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    run = run(rows);
                }
            }
            Map<RunRecord.Kind, List<RunRecord>> lists = new EnumMap<>(RunRecord.Kind.class);
            for (RunRecord.Kind kind : RunRecord.Kind.values()) {
                lists.put(kind, new ArrayList<>());
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT outcome, object_type, record_id, "
                    + "email, status_code, message FROM sync_run_records WHERE run_id = ? ORDER BY outcome, line_no")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        RunRecord.Kind kind = RunRecord.Kind.valueOf(rows.getString("outcome"));
                        lists.get(kind)
                                .add(new RunRecord(
                                        kind,
                                        Optional.ofNullable(rows.getString("object_type"))
                                                .flatMap(SObjectType::ofApiName),
                                        Optional.ofNullable(rows.getString("record_id"))
                                                .map(String::strip)
                                                .map(SalesforceId::parse),
                                        Optional.ofNullable(rows.getString("email"))
                                                .map(Email::new),
                                        Optional.ofNullable(rows.getString("status_code")),
                                        Optional.ofNullable(rows.getString("message"))));
                    }
                }
            }
            return Optional.of(new RunDetail(
                    run,
                    lists.get(RunRecord.Kind.PUSHED),
                    lists.get(RunRecord.Kind.IMPORTED),
                    lists.get(RunRecord.Kind.FAILED)));
        });
    }

    /**
     * Closes a run. The watermark is stored only for a run that succeeded, so the next run starts from the last
     * good one.
     */
    public void finish(
            long id,
            SyncRun.Outcome outcome,
            SyncRun.Counts counts,
            Optional<String> message,
            Optional<Instant> watermark,
            Instant now) {
        finish(id, outcome, counts, 0, List.of(), message, watermark, now);
    }

    /** Closes a run, keeping the last of its records in the same transaction as its final counts. */
    public void finish(
            long id,
            SyncRun.Outcome outcome,
            SyncRun.Counts counts,
            int failed,
            List<RunRecord> records,
            Optional<String> message,
            Optional<Instant> watermark,
            Instant now) {
        database.inTransaction(connection -> {
            close(connection, id, outcome, counts, failed, records, message, watermark, now);
            return null;
        });
    }

    /**
     * Closes a run as {@link #finish} does, in one transaction with the check that the run still holds the run lock:
     * a run another one took over from is refused with a {@link Fence.LeaseLostException}, and nothing is written.
     */
    public void finishHolding(
            Fence fence,
            long id,
            SyncRun.Outcome outcome,
            SyncRun.Counts counts,
            int failed,
            List<RunRecord> records,
            Optional<String> message,
            Optional<Instant> watermark,
            Instant now) {
        database.inTransaction(connection -> {
            fence.check(connection);
            close(connection, id, outcome, counts, failed, records, message, watermark, now);
            return null;
        });
    }

    private void close(
            Connection connection,
            long id,
            SyncRun.Outcome outcome,
            SyncRun.Counts counts,
            int failed,
            List<RunRecord> records,
            Optional<String> message,
            Optional<Instant> watermark,
            Instant now)
            throws SQLException {
        database.changed(Change.RUNS);
        keep(connection, id, records);
        try (PreparedStatement update = connection.prepareStatement("UPDATE sync_runs SET ended_at = ?, outcome = ?, "
                + "pulled = ?, pushed = ?, imported = ?, conflicts = ?, api_calls = ?, message = ?, watermark = ?, "
                + "failed = GREATEST(failed, ?) WHERE id = ?")) {
            update.setObject(1, Database.utc(now));
            update.setString(2, outcome.name());
            update.setInt(3, counts.pulled());
            update.setInt(4, counts.pushed());
            update.setInt(5, counts.imported());
            update.setInt(6, counts.conflicts());
            update.setInt(7, counts.apiCalls());
            update.setString(
                    8,
                    message.map(m -> m.length() > 4000 ? m.substring(0, 4000) : m)
                            .orElse(null));
            update.setObject(
                    9,
                    outcome == SyncRun.Outcome.SUCCEEDED
                            ? watermark.map(Database::utc).orElse(null)
                            : null);
            update.setInt(10, failed);
            update.setLong(11, id);
            update.executeUpdate();
        }
    }

    /** Where the next incremental pull starts: the watermark of the last successful real run. */
    public Optional<Instant> lastWatermark() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                            "SELECT watermark FROM sync_runs "
                                    + "WHERE outcome = 'SUCCEEDED' AND dry_run = FALSE AND watermark IS NOT NULL ORDER BY id DESC LIMIT 1");
                    ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(Database.instant(rows, "watermark")) : Optional.empty();
            }
        });
    }

    /** The newest runs first. */
    public List<SyncRun> recent(int limit, boolean includePreviews) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    COLUMNS + (includePreviews ? "" : "WHERE dry_run = FALSE ") + "ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                List<SyncRun> runs = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        runs.add(run(rows));
                    }
                }
                return runs;
            }
        });
    }

    public Optional<SyncRun> last() {
        return recent(1, false).stream().findFirst();
    }

    private static SyncRun run(ResultSet rows) throws SQLException {
        return new SyncRun(
                rows.getLong("id"),
                Database.instant(rows, "started_at"),
                Optional.ofNullable(Database.instant(rows, "ended_at")),
                SyncRun.Trigger.valueOf(rows.getString("run_trigger")),
                rows.getBoolean("dry_run"),
                SyncRun.Outcome.valueOf(rows.getString("outcome")),
                new SyncRun.Counts(
                        rows.getInt("pulled"),
                        rows.getInt("pushed"),
                        rows.getInt("imported"),
                        rows.getInt("conflicts"),
                        rows.getInt("api_calls")),
                Optional.ofNullable(rows.getString("message")),
                Optional.ofNullable(Database.instant(rows, "watermark")),
                Optional.ofNullable(rows.getString("origin"))
                        .map(SyncRun.Origin::valueOf)
                        .orElse(SyncRun.Origin.UNKNOWN),
                rows.getInt("failed"),
                Optional.ofNullable(rows.getString("instance_url")));
    }
}
