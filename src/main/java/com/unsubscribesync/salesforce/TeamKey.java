package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.files.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key a team's nodes share to seal and open the team's Salesforce connection (ADR 0065): 32 random bytes,
 * written as one line of base64, read from the file {@value #FILE_VARIABLE} names or from {@value #VARIABLE}
 * itself. It is never written to the store; a key file others may read is refused, as ssh refuses such a key.
 */
public final class TeamKey {
    public static final String FILE_VARIABLE = "UNSUBSCRIBE_SYNC_TEAM_KEY_FILE";
    public static final String VARIABLE = "UNSUBSCRIBE_SYNC_TEAM_KEY";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = Set.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private TeamKey() {}

    /** What a node without the key is told: where the key goes, and how a team gets one. */
    public static String missing() {
        return "no team key is set, and with a shared store the Salesforce connection is the team's: set "
                + FILE_VARIABLE + " to the team's key file (or " + VARIABLE + " to its text); a team makes one "
                + "once with 'team-key make FILE'";
    }

    /** The key from the environment; empty when neither variable is set. */
    public static Optional<SecretKey> from(Map<String, String> env) {
        String file = env.getOrDefault(FILE_VARIABLE, "").strip();
        if (!file.isEmpty()) {
            return Optional.of(fromFile(Path.of(file)));
        }
        String text = env.getOrDefault(VARIABLE, "").strip();
        if (!text.isEmpty()) {
            return Optional.of(parse(text, VARIABLE));
        }
        return Optional.empty();
    }

    private static SecretKey fromFile(Path file) {
        try {
            if (OwnerOnly.supported(file)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(OPEN_TO_OTHERS::contains)) {
                    throw new InvalidInputException("permissions " + octal(permissions) + " for the team key file "
                            + file + " are too open: it must be readable by its owner only (chmod 600 " + file + ")");
                }
            }
            return parse(Files.readString(file, StandardCharsets.US_ASCII), FILE_VARIABLE + " (" + file + ")");
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("the team key file " + file + " named by " + FILE_VARIABLE + " does not "
                    + "exist: copy the team's key file there, or correct " + FILE_VARIABLE);
        } catch (IOException e) {
            throw new InvalidInputException("the team key file " + file + " could not be read (" + e.getMessage()
                    + "): check that the user this runs as owns it");
        }
    }

    private static SecretKey parse(String text, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new InvalidInputException("the team key in " + where + " is not " + KEY_BYTES
                    + " bytes of base64: give the team's key as 'team-key make FILE' wrote it");
        }
        return new SecretKeySpec(key, "AES");
    }

    /**
     * Writes a new key into a file that must not exist yet, owner-only before a byte goes in.
     *
     * @throws InvalidInputException when the file exists (a key is never overwritten) or its folder does not
     */
    public static void make(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new InvalidInputException("the folder of " + file + " does not exist: make it first, or give "
                    + "the key file another place");
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        String line = Base64.getEncoder().encodeToString(key) + "\n";
        if (!OwnerOnly.writeNew(file, line.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidInputException(file + " exists already: a team key is never overwritten (the team's "
                    + "connection is sealed with it); give a new file name");
        }
    }

    private static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%04o", mode);
    }
}
