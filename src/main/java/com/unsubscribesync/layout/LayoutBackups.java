package com.unsubscribesync.layout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original layouts, one JSON file per change under {@code layout-backups} in the data directory:
 * {@code <readable prefix>-<hash>-<UTC time>.json}. The prefix is the full name folded to ASCII letters, digits,
 * {@code _} and {@code -} and cut to {@value #PREFIX_LENGTH} characters; the hash (the first 12 hex digits of the
 * full name's SHA-256) tells apart names that fold alike. So every name is well under 255 bytes and valid on
 * Windows, macOS and Linux, whatever the layout is called (ADR 0026). A backup is found by the full name inside it,
 * never by its file name, so files named the old way ({@code <full name, URL-encoded>-<UTC time>.json}) are still
 * found. They hold layout documents only, no session or secret. An undone backup is renamed
 * {@code .restored.json} and kept, so a second undo goes one change further back.
 */
public final class LayoutBackups {
    /** The directory under the data directory. */
    public static final String DIRECTORY = "layout-backups";

    private static final String SUFFIX = ".json";
    private static final String RESTORED = ".restored.json";
    static final int PREFIX_LENGTH = 60;
    private static final int HASH_LENGTH = 12;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final Logger LOG = LoggerFactory.getLogger(LayoutBackups.class);

    private final Path directory;

    public LayoutBackups(Path directory) {
        this.directory = directory;
    }

    /** What a backup file holds. */
    private record Stored(String fullName, String organizationId, String takenAt, String original, String installed) {}

    /** Keeps the layout as it is before a change. */
    LayoutBackup save(String fullName, String organizationId, Instant takenAt, String original) {
        try {
            Files.createDirectories(directory);
            String base = fileStem(fullName) + "-" + STAMP.format(takenAt);
            Path file = directory.resolve(base + SUFFIX);
            for (int n = 2; Files.exists(file); n++) {
                file = directory.resolve(base + "-" + n + SUFFIX);
            }
            LayoutBackup backup = new LayoutBackup(fullName, organizationId, takenAt, original, Optional.empty(), file);
            write(backup);
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException("The original layout could not be kept in " + directory, e);
        }
    }

    /** The start of a backup's file name: a readable ASCII prefix of the full name and a short hash of all of it. */
    static String fileStem(String fullName) {
        String folded = Normalizer.normalize(fullName, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("[^A-Za-z0-9_-]+", "_")
                .replaceAll("^[_-]+|[_-]+$", "");
        String readable = folded.isEmpty() ? "layout" : folded.substring(0, Math.min(PREFIX_LENGTH, folded.length()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fullName.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Adds the layout as it read after the change, so undo can tell whether someone changed it since. */
    LayoutBackup recordInstalled(LayoutBackup backup, String installed) {
        LayoutBackup complete = new LayoutBackup(
                backup.fullName(),
                backup.organizationId(),
                backup.takenAt(),
                backup.original(),
                Optional.of(installed),
                backup.file());
        write(complete);
        return complete;
    }

    /** Drops a backup of a change that did not happen. */
    void discard(LayoutBackup backup) {
        try {
            Files.deleteIfExists(backup.file());
        } catch (IOException e) {
            throw new UncheckedIOException("An unused layout backup could not be removed: " + backup.file(), e);
        }
    }

    /** Marks a backup as undone; it is kept but no longer offered. */
    void markRestored(LayoutBackup backup) {
        String name = backup.file().getFileName().toString();
        Path restored = backup.file().resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + RESTORED);
        try {
            Files.move(backup.file(), restored, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("The undone layout backup could not be renamed: " + backup.file(), e);
        }
    }

    /** The newest backup not yet undone of a layout of this org. */
    public Optional<LayoutBackup> newest(String organizationId, String fullName) {
        return all(organizationId).stream()
                .filter(b -> b.fullName().equals(fullName))
                .findFirst();
    }

    /** Every backup not yet undone of this org, newest first. */
    public List<LayoutBackup> all(String organizationId) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<LayoutBackup> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(LayoutBackups::isOpen).toList()) {
                try {
                    LayoutBackup backup = read(file);
                    if (backup.organizationId().equals(organizationId)) {
                        found.add(backup);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Skipping the unreadable layout backup {}: {}", file.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The layout backups in " + directory + " could not be read", e);
        }
        found.sort(Comparator.comparing(LayoutBackup::takenAt).reversed());
        return found;
    }

    private static boolean isOpen(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) && !name.endsWith(RESTORED);
    }

    private void write(LayoutBackup backup) {
        Stored stored = new Stored(
                backup.fullName(),
                backup.organizationId(),
                backup.takenAt().toString(),
                backup.original(),
                backup.installed().orElse(null));
        try {
            Path temporary = backup.file().resolveSibling(backup.file().getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), stored);
            Files.move(temporary, backup.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The original layout could not be kept in " + backup.file(), e);
        }
    }

    private static LayoutBackup read(Path file) throws IOException {
        Stored stored = JSON.readValue(file.toFile(), Stored.class);
        return new LayoutBackup(
                stored.fullName(),
                stored.organizationId(),
                Instant.parse(stored.takenAt()),
                stored.original(),
                Optional.ofNullable(stored.installed()),
                file);
    }
}
