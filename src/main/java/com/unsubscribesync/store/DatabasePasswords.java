package com.unsubscribesync.store;

import com.unsubscribesync.domain.DamagedFileException;
import com.unsubscribesync.files.OwnerOnly;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The two random passwords of one install's database, in an owner-only file beside it: the app's user, who may
 * only read and write rows, and the admin ({@code sa}), used to create the database and apply migrations. It is a
 * file of its own, not the Salesforce key, because {@code disconnect} deletes that key and the database must
 * outlive a disconnect.
 */
record DatabasePasswords(String app, String admin) {
    static final String FILE = "unsubscribe-sync.db-passwords";
    private static final int BYTES = 24;

    static DatabasePasswords random() {
        SecureRandom random = new SecureRandom();
        return new DatabasePasswords(secret(random), secret(random));
    }

    /** The passwords in the data directory; empty when the file does not exist. */
    static Optional<DatabasePasswords> read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties values = new Properties();
        try {
            values.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        } catch (IOException | IllegalArgumentException e) {
            throw damaged(file);
        }
        String app = values.getProperty("app", "");
        String admin = values.getProperty("admin", "");
        if (!wellFormed(app) || !wellFormed(admin)) {
            throw damaged(file);
        }
        return Optional.of(new DatabasePasswords(app, admin));
    }

    /** Saves these passwords unless another process saved its own first; the ones in the file are returned. */
    DatabasePasswords keep(Path directory) {
        OwnerOnly.writeNew(
                directory.resolve(FILE),
                ("# The passwords of the database unsubscribe-sync.mv.db beside this "
                                + "file. Back it up with the database: the database cannot be opened without it.\napp="
                                + app
                                + "\nadmin=" + admin + "\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        return read(directory).orElseThrow(() -> new UncheckedIOException(new IOException(FILE + " vanished")));
    }

    private static boolean wellFormed(String password) {
        return password.length() >= 16
                && password.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    private static DamagedFileException damaged(Path file) {
        return new DamagedFileException("the database password file " + file + " is damaged: restore it from the "
                + "same backup as " + DatabaseFile.NAME + ".mv.db");
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabasePasswords[hidden]";
    }
}
