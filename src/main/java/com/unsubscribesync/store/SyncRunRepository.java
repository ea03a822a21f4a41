package com.unsubscribesync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The record of every nightly run and preview. */
public final class SyncRunRepository {
    private static final String COLUMNS = "SELECT id, started_at, ended_at, run_trigger, dry_run, outcome, pulled, pushed, "
            + "imported, conflicts, api_calls, message, watermark FROM sync_runs ";

    private final Database database;

    public SyncRunRepository(Database database) {
        this.database = database;
    }

    public long start(SyncRun.Trigger trigger, boolean dryRun, Instant now) {
        return database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sync_runs "
                    + "(started_at, run_trigger, dry_run, outcome) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setObject(1, Database.utc(now));
                insert.setString(2, trigger.name());
                insert.setBoolean(3, dryRun);
                insert.setString(4, SyncRun.Outcome.RUNNING.name());
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
            try (PreparedStatement update = connection.prepareStatement("UPDATE sync_runs SET outcome = ?, ended_at = ?, "
                    + "message = ? WHERE outcome = ?")) {
                update.setString(1, SyncRun.Outcome.FAILED.name());
                update.setObject(2, Database.utc(now));
                update.setString(3, "The process running this sync stopped before it finished; the counts are what it "
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
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sync_runs SET pulled = ?, pushed = ?, "
                    + "imported = ?, conflicts = ?, api_calls = ? WHERE id = ? AND outcome = ?")) {
                update.setInt(1, counts.pulled());
                update.setInt(2, counts.pushed());
                update.setInt(3, counts.imported());
                update.setInt(4, counts.conflicts());
                update.setInt(5, counts.apiCalls());
                update.setLong(6, id);
                update.setString(7, SyncRun.Outcome.RUNNING.name());
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Closes a run. The watermark is stored only for a run that succeeded, so the next run starts from the last
     * good one.
     */
    public void finish(long id, SyncRun.Outcome outcome, SyncRun.Counts counts, Optional<String> message,
            Optional<Instant> watermark, Instant now) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sync_runs SET ended_at = ?, outcome = ?, "
                    + "pulled = ?, pushed = ?, imported = ?, conflicts = ?, api_calls = ?, message = ?, watermark = ? "
                    + "WHERE id = ?")) {
                update.setObject(1, Database.utc(now));
                update.setString(2, outcome.name());
                update.setInt(3, counts.pulled());
                update.setInt(4, counts.pushed());
                update.setInt(5, counts.imported());
                update.setInt(6, counts.conflicts());
                update.setInt(7, counts.apiCalls());
                update.setString(8, message.map(m -> m.length() > 4000 ? m.substring(0, 4000) : m).orElse(null));
                update.setObject(9, outcome == SyncRun.Outcome.SUCCEEDED ? watermark.map(Database::utc).orElse(null) : null);
                update.setLong(10, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Where the next incremental pull starts: the watermark of the last successful real run. */
    public Optional<Instant> lastWatermark() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT watermark FROM sync_runs "
                    + "WHERE outcome = 'SUCCEEDED' AND dry_run = FALSE AND watermark IS NOT NULL ORDER BY id DESC LIMIT 1");
                    ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(Database.instant(rows, "watermark")) : Optional.empty();
            }
        });
    }

    /** The newest runs first. */
    public List<SyncRun> recent(int limit, boolean includePreviews) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(COLUMNS
                    + (includePreviews ? "" : "WHERE dry_run = FALSE ") + "ORDER BY id DESC LIMIT ?")) {
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
        return new SyncRun(rows.getLong("id"), Database.instant(rows, "started_at"),
                Optional.ofNullable(Database.instant(rows, "ended_at")), SyncRun.Trigger.valueOf(rows.getString("run_trigger")),
                rows.getBoolean("dry_run"), SyncRun.Outcome.valueOf(rows.getString("outcome")),
                new SyncRun.Counts(rows.getInt("pulled"), rows.getInt("pushed"), rows.getInt("imported"),
                        rows.getInt("conflicts"), rows.getInt("api_calls")),
                Optional.ofNullable(rows.getString("message")), Optional.ofNullable(Database.instant(rows, "watermark")));
    }
}
