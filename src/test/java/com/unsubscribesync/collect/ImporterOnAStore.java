package com.unsubscribesync.collect;

import com.unsubscribesync.store.Database;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** An importer over a fresh in-memory store on a fixed clock, with its scratch and the test's files in one folder. */
final class ImporterOnAStore implements AutoCloseable {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    final Database database;
    final UnsubscribeRepository unsubscribes;
    final UnsubscribeImporter importer;
    private final Path folder;

    ImporterOnAStore(Path folder) {
        this.folder = folder;
        database = Database.openInMemory("import-" + UUID.randomUUID());
        unsubscribes = new UnsubscribeRepository(database, CLOCK);
        importer = new UnsubscribeImporter(unsubscribes, CLOCK, folder.resolve(ImportScratch.FOLDER));
    }

    /** A new UTF-8 file in the folder holding {@code text}. */
    Path write(String text) throws IOException {
        Path file = folder.resolve("file-" + UUID.randomUUID() + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public void close() {
        database.close();
    }
}
