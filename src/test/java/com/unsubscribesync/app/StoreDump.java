package com.unsubscribesync.app;

import com.unsubscribesync.store.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Every row of every table of a data directory's database, as text, to tell whether anything was written. */
final class StoreDump {
    private StoreDump() {}

    static String of(Path dataDirectory) {
        try (Database database = Database.openFile(dataDirectory)) {
            return database.read(connection -> {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT table_name FROM "
                                + "information_schema.tables WHERE table_schema = 'PUBLIC' ORDER BY table_name")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                StringBuilder dump = new StringBuilder();
                for (String table : tables) {
                    dump.append(table).append('\n');
                    try (PreparedStatement select =
                                    connection.prepareStatement("SELECT * FROM \"" + table + "\" ORDER BY 1");
                            ResultSet rows = select.executeQuery()) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int i = 1; i <= columns; i++) {
                                dump.append(rows.getString(i)).append('|');
                            }
                            dump.append('\n');
                        }
                    }
                }
                return dump.toString();
            });
        }
    }
}
