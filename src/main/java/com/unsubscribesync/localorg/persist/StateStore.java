package com.unsubscribesync.localorg.persist;

import com.unsubscribesync.localorg.metadata.LayoutStore;
import com.unsubscribesync.localorg.metadata.LayoutXml;
import com.unsubscribesync.localorg.metadata.StoredLayout;
import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.ObjectAccess;
import com.unsubscribesync.localorg.state.OrgCredentials;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.Permission;
import com.unsubscribesync.localorg.state.PersonTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a local org in its own H2 file ({@code localorg.mv.db} in the state directory). The whole org is written as
 * a snapshot (people, layouts, field security, object and profile permissions, credentials) in one transaction; the org saves after
 * changes settle and on close, and loads the last snapshot on start. Simple, and fast enough for demo-sized orgs.
 */
public final class StateStore implements AutoCloseable {
    static {
        // H2 reads its bind address once, when its first class loads; if this store loads H2 before the app's store
        // does, the app's auto-server would otherwise listen on every interface.
        System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    private static final String[] PERSON_COLUMNS = {
        "first_name",
        "last_name",
        "email",
        "title",
        "phone",
        "company",
        "flags",
        "status",
        "converted_contact",
        "converted_day",
        "master_record",
        "created",
        "modified",
        "deleted_at"
    };

    private final Connection connection;

    public StateStore(Path directory) throws SQLException {
        connection = DriverManager.getConnection(
                "jdbc:h2:file:" + directory.toAbsolutePath().resolve("localorg") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS org_info (name VARCHAR(200) PRIMARY KEY, val VARCHAR(4000))");
            s.execute("CREATE TABLE IF NOT EXISTS person (object VARCHAR(16), row_no INT, first_name VARCHAR(255),"
                    + " last_name VARCHAR(255), email VARCHAR(255), title VARCHAR(255), phone VARCHAR(64),"
                    + " company VARCHAR(255), flags TINYINT, status TINYINT, converted_contact INT, converted_day INT,"
                    + " master_record INT, created BIGINT, modified BIGINT, deleted_at BIGINT,"
                    + " PRIMARY KEY (object, row_no))");
            s.execute("CREATE TABLE IF NOT EXISTS layout (full_name VARCHAR(255) PRIMARY KEY, number INT,"
                    + " created BIGINT, modified BIGINT, document CLOB)");
            s.execute("CREATE TABLE IF NOT EXISTS field_access (rule VARCHAR(255) PRIMARY KEY, access VARCHAR(16))");
        }
        connection.setAutoCommit(false);
    }

    public synchronized Optional<OrgCredentials> credentials() throws SQLException {
        Map<String, String> info = new java.util.HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, val FROM org_info")) {
            while (rs.next()) {
                info.put(rs.getString(1), rs.getString(2));
            }
        }
        connection.commit();
        if (!info.containsKey("clientId")) {
            return Optional.empty();
        }
        return Optional.of(new OrgCredentials(
                info.get("orgId"),
                info.get("username"),
                info.get("password"),
                info.get("clientId"),
                info.get("clientSecret")));
    }

    /** Loads people, layouts, field security and permissions into an empty org. */
    public synchronized void load(OrgState state, LayoutStore layouts) throws SQLException {
        state.atomically(() -> {
            try {
                loadPeople(state.contacts(), "Contact");
                loadPeople(state.leads(), "Lead");
                loadLayouts(layouts);
                loadRules(state);
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void loadPeople(PersonTable table, String object) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + String.join(", ", PERSON_COLUMNS) + " FROM person WHERE object = ? ORDER BY row_no")) {
            select.setString(1, object);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Object[] columns = new Object[PERSON_COLUMNS.length];
                    for (int i = 0; i < columns.length; i++) {
                        columns[i] = rs.getObject(i + 1);
                        if (i >= 11 && columns[i] != null) {
                            columns[i] = ((Number) columns[i]).longValue();
                        }
                    }
                    table.restore(columns);
                }
            }
        }
    }

    private void loadLayouts(LayoutStore layouts) throws SQLException {
        layouts.clear();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT full_name, number, created, modified, document FROM layout ORDER BY number")) {
            while (rs.next()) {
                layouts.restore(new StoredLayout(
                        rs.getString(1),
                        LayoutXml.parse(rs.getString(5)),
                        rs.getInt(2),
                        Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4))));
            }
        }
    }

    private void loadRules(OrgState state) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT rule, access FROM field_access")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("\\.", 2);
                state.fieldSecurity().set(parts[0], parts[1], FieldAccess.valueOf(rs.getString(2)));
            }
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, val FROM org_info WHERE name LIKE 'profile.%'")) {
            while (rs.next()) {
                int profile = Integer.parseInt(rs.getString(1).substring("profile.".length()));
                EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
                for (String name : rs.getString(2).split(",")) {
                    if (!name.isBlank()) {
                        permissions.add(Permission.valueOf(name));
                    }
                }
                if (profile < state.directory().profileCount()) {
                    state.directory().setPermissionsOfProfile(profile, permissions);
                }
            }
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT name, val FROM org_info WHERE name LIKE 'object.%'")) {
            while (rs.next()) {
                state.objectSecurity()
                        .set(rs.getString(1).substring("object.".length()), ObjectAccess.valueOf(rs.getString(2)));
            }
        }
    }

    /** Replaces the stored snapshot with the org as it is now. */
    public synchronized void save(OrgState state, LayoutStore layouts, OrgCredentials credentials) throws SQLException {
        try {
            state.atomically(() -> {
                try {
                    write(state, layouts, credentials);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            connection.commit();
        } catch (SQLException e) {
            throw rolledBack(e);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw rolledBack(sql);
            }
            throw rolledBack(e);
        }
    }

    /**
     * Rolls the failed save back, so that the next one starts from what the file holds; a rollback that fails too
     * (a closed store) is kept beside the failure rather than hiding why the save failed.
     */
    private <E extends Exception> E rolledBack(E failure) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
        }
        return failure;
    }

    private void write(OrgState state, LayoutStore layouts, OrgCredentials credentials) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM person");
            s.execute("DELETE FROM layout");
            s.execute("DELETE FROM field_access");
            s.execute("DELETE FROM org_info");
        }
        try (PreparedStatement info = connection.prepareStatement("INSERT INTO org_info VALUES (?, ?)")) {
            put(info, "orgId", credentials.orgId());
            put(info, "username", credentials.username());
            put(info, "password", credentials.password());
            put(info, "clientId", credentials.clientId());
            put(info, "clientSecret", credentials.clientSecret());
            for (int profile = 0; profile < state.directory().profileCount(); profile++) {
                put(
                        info,
                        "profile." + profile,
                        String.join(
                                ",",
                                state.directory().permissionsOfProfile(profile).stream()
                                        .map(Enum::name)
                                        .toList()));
            }
            for (Map.Entry<String, ObjectAccess> rule :
                    state.objectSecurity().snapshot().entrySet()) {
                put(info, "object." + rule.getKey(), rule.getValue().name());
            }
            info.executeBatch();
        }
        writePeople(state.contacts(), "Contact");
        writePeople(state.leads(), "Lead");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO layout VALUES (?, ?, ?, ?, ?)")) {
            for (StoredLayout layout : layouts.all()) {
                insert.setString(1, layout.fullName());
                insert.setInt(2, layout.number());
                insert.setLong(3, layout.created().toEpochMilli());
                insert.setLong(4, layout.modified().toEpochMilli());
                insert.setString(5, LayoutXml.document(layout.content()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO field_access VALUES (?, ?)")) {
            for (Map.Entry<String, FieldAccess> rule :
                    state.fieldSecurity().snapshot().entrySet()) {
                insert.setString(1, rule.getKey());
                insert.setString(2, rule.getValue().name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void writePeople(PersonTable table, String object) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO person (object, row_no, "
                + String.join(", ", PERSON_COLUMNS) + ") VALUES (?, ?" + ", ?".repeat(PERSON_COLUMNS.length) + ")")) {
            for (int row = 0; row < table.size(); row++) {
                insert.setString(1, object);
                insert.setInt(2, row);
                Object[] columns = table.columns(row);
                for (int i = 0; i < columns.length; i++) {
                    insert.setObject(i + 3, columns[i]);
                }
                insert.addBatch();
                if (row % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void put(PreparedStatement info, String name, String value) throws SQLException {
        info.setString(1, name);
        info.setString(2, value);
        info.addBatch();
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
