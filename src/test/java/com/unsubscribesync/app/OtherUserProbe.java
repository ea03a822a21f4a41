package com.unsubscribesync.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What another local user tries, run by {@link OtherLocalUserTest} as that user with only H2 on its class path.
 * Arguments: {@code read FILE…}, {@code login URL USER PASSWORD [SQL]}. Prints one line per attempt.
 */
public final class OtherUserProbe {
    private OtherUserProbe() {}

    public static void main(String[] args) {
        if (args[0].equals("read")) {
            for (int i = 1; i < args.length; i++) {
                try {
                    Files.readAllBytes(Path.of(args[i]));
                    System.out.println("READ " + args[i]);
                } catch (IOException e) {
                    System.out.println("DENIED " + args[i] + " " + e.getClass().getSimpleName());
                }
            }
            return;
        }
        try (Connection connection = DriverManager.getConnection(args[1], args[2], args[3])) {
            System.out.println("CONNECTED " + args[2]);
            if (args.length > 4) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(args[4]);
                    System.out.println("RAN " + args[4]);
                } catch (SQLException e) {
                    System.out.println("REFUSED " + e.getErrorCode());
                }
            }
        } catch (SQLException e) {
            System.out.println("NOT CONNECTED " + args[2] + " " + e.getErrorCode());
        }
    }
}
