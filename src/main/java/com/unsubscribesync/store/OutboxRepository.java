package com.unsubscribesync.store;

/** Real-time pushes that have not reached Salesforce yet. */
public final class OutboxRepository {
    private final Database database;

    public OutboxRepository(Database database) {
        this.database = database;
    }

    public long pendingCount() {
        return database.read(connection -> Jdbc.count(connection, "SELECT COUNT(*) FROM outbox"));
    }
}
