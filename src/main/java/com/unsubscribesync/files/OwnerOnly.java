package com.unsubscribesync.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Files of the data directory are the app user's alone: 0600 for files, 0700 for folders, whatever the umask.
 * Java cannot change the umask, so files made by libraries (H2, the log) are tightened after the fact; the data
 * directory itself is 0700 first, so nobody else can open them in between. On file systems without POSIX
 * permissions (Windows) every method leaves the permissions as they are.
 */
public final class OwnerOnly {
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {}

    public static boolean supported(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Writes a whole file through an owner-only temporary file, so no reader ever sees a partial or open copy. */
    public static void write(Path target, byte[] content) {
        try {
            Path temporary = Files.createTempFile(
                    target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp", fileAttributes(target));
            try {
                Files.write(temporary, content);
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    /**
     * Writes a file only if it does not exist yet, atomically: of two processes writing at once, one wins and the
     * other's content is dropped. True when this call wrote it.
     */
    public static boolean writeNew(Path target, byte[] content) {
        try {
            Path temporary = Files.createTempFile(
                    target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp", fileAttributes(target));
            try {
                Files.write(temporary, content);
                return linkNew(target, temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    /** Gives {@code existing} the name {@code target} unless that name is taken; true when it got the name. */
    public static boolean linkNew(Path target, Path existing) throws IOException {
        try {
            Files.createLink(target, existing);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            if (Files.exists(target)) {
                return false;
            }
            Files.move(existing, target);
            return true;
        }
    }

    /** Creates an empty owner-only file unless it exists (then it is made owner-only). */
    public static void createFile(Path file) {
        try {
            Files.createFile(file, fileAttributes(file));
        } catch (FileAlreadyExistsException e) {
            restrict(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + file, e);
        }
    }

    /** Makes one file or folder owner-only, when this user owns it. */
    public static void restrict(Path path) {
        try {
            if (!supported(path) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
                return;
            }
            Set<PosixFilePermission> wanted = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE;
            if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)
                    && ownedByThisUser(path)) {
                Files.setPosixFilePermissions(path, wanted);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // Deleted meanwhile (an H2 temporary file, a lock released): nothing left to protect.
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + path + " readable by its owner only", e);
        }
    }

    /**
     * Makes a folder and everything in it that this user owns owner-only; symbolic links inside it are not
     * followed (a folder given as a link is the folder it points at).
     */
    public static void restrictTree(Path folder) {
        if (!supported(folder) || !Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder.toRealPath(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    restrict(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!attributes.isSymbolicLink()) {
                        restrict(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the files in " + folder + " owner-only", e);
        }
    }

    /** Whether this process's user owns the path (always true where the file system has no owners). */
    public static boolean ownedByThisUser(Path path) throws IOException {
        if (!supported(path)) {
            return true;
        }
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).equals(thisUser(path));
    }

    public static UserPrincipal thisUser(Path onFileSystem) throws IOException {
        return onFileSystem
                .getFileSystem()
                .getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }

    private static FileAttribute<?>[] fileAttributes(Path path) {
        return supported(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
    }
}
