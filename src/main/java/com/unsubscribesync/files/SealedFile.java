package com.unsubscribesync.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret kept in the data directory encrypted with AES-256-GCM under a key file of its own beside it, both
 * owner-only, so a copied database, log or backup of one file alone carries no usable secret.
 */
public final class SealedFile {
    private static final int KEY_BYTES = 32;

    private final Path file;
    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private final GcmSeal seal;

    /** @param purpose bound into the seal, so a file sealed for one purpose does not open as another's */
    public SealedFile(Path file, Path keyFile, String purpose) {
        this.file = file;
        this.keyFile = keyFile;
        this.seal = new GcmSeal(purpose.getBytes(StandardCharsets.UTF_8), random);
    }

    /** Why a sealed file that is there cannot be opened. */
    public enum Problem {
        KEY_MISSING,
        KEY_DAMAGED,
        DOES_NOT_OPEN
    }

    /** The sealed file is there but cannot be opened; {@link #problem()} says why. */
    public static final class Unopenable extends Exception {
        private static final long serialVersionUID = 1L;
        private final Problem problem;

        Unopenable(Problem problem) {
            super(problem.name());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public Path file() {
        return file;
    }

    public Path keyFile() {
        return keyFile;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    /** Seals the content under the key, made now when it is missing or damaged, since what it sealed is replaced. */
    public void seal(byte[] content) {
        try {
            byte[] sealed = seal.seal(content, keyForSealing());
            Files.createDirectories(file.toAbsolutePath().getParent());
            OwnerOnly.write(file, sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java cannot encrypt with AES-GCM (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** The content; empty when nothing was sealed. */
    public Optional<byte[]> open() throws Unopenable {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            byte[] stored = Files.readAllBytes(file);
            SecretKey key = existingKey().orElseThrow(() -> new Unopenable(Problem.KEY_MISSING));
            return Optional.of(seal.open(stored, key));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new Unopenable(Problem.DOES_NOT_OPEN);
        }
    }

    /** Deletes the sealed file and its key; true when there was something to delete. */
    public boolean delete() {
        try {
            boolean had = Files.deleteIfExists(file);
            return Files.deleteIfExists(keyFile) || had;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }

    private SecretKey keyForSealing() throws GeneralSecurityException, IOException {
        try {
            Optional<SecretKey> existing = existingKey();
            if (existing.isPresent()) {
                return existing.get();
            }
        } catch (Unopenable damaged) {
            // replaced below
        }
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(KEY_BYTES * 8, random);
        SecretKey key = generator.generateKey();
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        OwnerOnly.write(keyFile, key.getEncoded());
        return key;
    }

    private Optional<SecretKey> existingKey() throws IOException, Unopenable {
        if (!Files.exists(keyFile)) {
            return Optional.empty();
        }
        byte[] key = Files.readAllBytes(keyFile);
        if (key.length != KEY_BYTES) {
            throw new Unopenable(Problem.KEY_DAMAGED);
        }
        return Optional.of(new SecretKeySpec(key, "AES"));
    }
}
