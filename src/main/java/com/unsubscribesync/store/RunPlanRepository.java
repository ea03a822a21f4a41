package com.unsubscribesync.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Opens the plan of a run or preview, and clears away plans whose run died before it could. */
public final class RunPlanRepository {
    /** How long a plan outlives its last sign of life; a run renews it as it goes. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final Database database;

    public RunPlanRepository(Database database) {
        this.database = database;
    }

    /**
     * A new, empty plan. A preview's plan also keeps what the preview pulls, so that {@code sf_mirror} stays as it was.
     *
     * @param page how many rows each read of the plan's lists returns at most
     */
    public RunPlan open(boolean preview, int page, Instant now) {
        for (long lapsed : lapsed(now)) {
            RunPlan.clear(database, lapsed);
        }
        long id = database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO run_plans (lease_until) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setObject(1, Database.utc(now.plus(LEASE)));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        RunPlan plan = new RunPlan(database, id, preview, page);
        if (preview) {
            plan.keepPulledApart();
        }
        return plan;
    }

    /** Plans still in the database, a run's or a preview's that is going on or one that died. */
    public long count() {
        return database.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM run_plans"));
    }

    private List<Long> lapsed(Instant now) {
        return database.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT id FROM run_plans WHERE lease_until < ?")) {
                select.setObject(1, Database.utc(now));
                List<Long> ids = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
                return ids;
            }
        });
    }
}
