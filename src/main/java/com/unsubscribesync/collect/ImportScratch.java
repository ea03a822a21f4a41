package com.unsubscribesync.collect;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import's scratch folder, {@code import-work/unsubscribe-import-…} in the data directory, open to its owner
 * only: the sorted runs hold addresses and reasons. The import holds a lock on a file in it while it runs, so a
 * folder whose lock is free is the leftover of a killed import, removed by {@link #removeLeftovers} at the next
 * start of any front end (ADR 0027).
 */
public final class ImportScratch implements AutoCloseable {
    /** The folder under the data directory. */
    public static final String FOLDER = "import-work";

    private static final String PREFIX = "unsubscribe-import-";
    private static final String LOCK = "in-use.lock";
    /** A folder whose lock file is not there yet may be an import just starting. */
    private static final Duration STARTING = Duration.ofMinutes(1);

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Logger LOG = LoggerFactory.getLogger(ImportScratch.class);

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private ImportScratch(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /** Makes a new scratch folder under {@code workFolder} (created owner-only if missing) and locks it. */
    static ImportScratch create(Path workFolder) throws IOException {
        boolean posix = workFolder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(workFolder)) {
            Files.createDirectories(workFolder.toAbsolutePath().getParent());
            try {
                Files.createDirectory(
                        workFolder,
                        posix
                                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FOLDER)}
                                : new FileAttribute<?>[0]);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another import made it at the same moment.
            }
        }
        if (posix) {
            Files.setPosixFilePermissions(workFolder, OWNER_FOLDER);
        }
        Path folder = posix
                ? Files.createTempDirectory(workFolder, PREFIX, PosixFilePermissions.asFileAttribute(OWNER_FOLDER))
                : Files.createTempDirectory(workFolder, PREFIX);
        FileChannel channel = FileChannel.open(
                folder.resolve(LOCK),
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                attributes(folder));
        return new ImportScratch(folder, channel, channel.lock());
    }

    /** Creates a new empty file in the folder, readable and writable by the owner only. */
    Path newFile(String name) throws IOException {
        return Files.createFile(folder.resolve(name), attributes(folder));
    }

    Path folder() {
        return folder;
    }

    private static FileAttribute<?>[] attributes(Path folder) {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    /** Removes the folder and everything in it. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The lock goes with the channel; the folder is removed below either way.
        }
        try {
            deleteTree(folder);
        } catch (IOException e) {
            LOG.warn(
                    "The import's scratch folder {} could not be removed ({}); it is removed at the next start",
                    folder,
                    e.getMessage());
        }
    }

    /**
     * Removes the scratch folders of imports that are no longer running (killed, or stopped by a crash) and
     * returns how many. A folder still locked by a running import, in this process or another, is left alone.
     */
    public static int removeLeftovers(Path workFolder) {
        if (!Files.isDirectory(workFolder)) {
            return 0;
        }
        int removed = 0;
        List<Path> folders;
        try (Stream<Path> listed = Files.list(workFolder)) {
            folders = listed.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p))
                    .toList();
        } catch (IOException e) {
            LOG.warn(
                    "The import scratch folder {} could not be read, so no leftovers were removed: {}",
                    workFolder,
                    e.getMessage());
            return 0;
        }
        for (Path folder : folders) {
            try {
                if (isLeftover(folder)) {
                    deleteTree(folder);
                    removed++;
                }
            } catch (IOException e) {
                LOG.warn("A killed import's scratch folder {} could not be removed: {}", folder, e.getMessage());
            }
        }
        if (removed > 0) {
            LOG.info("Removed {} scratch folder(s) left by imports that did not finish", removed);
        }
        return removed;
    }

    private static boolean isLeftover(Path folder) throws IOException {
        Path lockFile = folder.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            FileTime made = Files.getLastModifiedTime(folder);
            return made.toInstant().isBefore(Instant.now().minus(STARTING));
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock free = channel.tryLock();
            if (free == null) {
                return false;
            }
            free.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
