package com.unsubscribesync.links;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unsubscribesync.domain.DamagedFileException;
import com.unsubscribesync.files.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * The link keys of a data directory, in one owner-only file made on first use. A rotation writes the whole file anew
 * (a new current key, the old one kept until a date); a running {@code serve} sees it on its next request, because
 * the file is read again whenever it was replaced.
 */
final class LinkKeys {
    static final String FILE = "unsubscribe-links.keys";
    private static final int KEY_BYTES = 32;

    private final Path file;
    private final Clock clock;
    private final SecureRandom random;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Loaded loaded;

    private record Loaded(Object fileKey, Instant modified, List<LinkKey> keys) {
        boolean of(BasicFileAttributes attributes) {
            return Objects.equals(fileKey, attributes.fileKey())
                    && modified.equals(attributes.lastModifiedTime().toInstant());
        }
    }

    LinkKeys(Path dataDirectory, Clock clock, SecureRandom random) {
        this.file = dataDirectory.resolve(FILE);
        this.clock = clock;
        this.random = random;
    }

    /** The key new links are sealed with; made (by one of any processes racing) when there is none yet. */
    synchronized LinkKey current() {
        if (!Files.exists(file)) {
            OwnerOnly.writeNew(file, bytes(List.of(newKey())));
        }
        return keys().stream().filter(LinkKey::current).findFirst().orElseThrow(() -> damaged("it has no current key"));
    }

    /**
     * The key with this id when it still opens links now; null otherwise (also when there is no key file). Every click
     * asks this, so it takes no lock while the file is the one already read (ADR 0068).
     */
    LinkKey accepted(int id) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw damaged("it cannot be read (" + e.getMessage() + ")");
        }
        Loaded seen = loaded;
        List<LinkKey> keys = seen != null && seen.of(attributes) ? seen.keys() : readAgain();
        Instant now = clock.instant();
        return keys.stream()
                .filter(key -> key.id() == id && key.opensAt(now))
                .findFirst()
                .orElse(null);
    }

    private synchronized List<LinkKey> readAgain() {
        return keys();
    }

    /**
     * Seals new links with a new key from now on; links of the current key keep working for {@code keepOld}, and keys
     * retired earlier whose time is up are dropped.
     */
    synchronized KeyRotation rotate(Duration keepOld) {
        LinkKey old = current();
        Instant now = clock.instant();
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        keys().forEach(key -> taken.add(key.id()));
        LinkKey fresh = newKey();
        while (taken.contains(fresh.id())) {
            fresh = newKey();
        }
        List<LinkKey> kept = new ArrayList<>();
        kept.add(fresh);
        for (LinkKey key : keys()) {
            if (key.current()) {
                kept.add(key.retiredUntil(now.plus(keepOld)));
            } else if (key.opensAt(now)) {
                kept.add(key);
            }
        }
        OwnerOnly.write(file, bytes(kept));
        return new KeyRotation(fresh.idText(), old.idText(), now.plus(keepOld), kept.size() - 1);
    }

    private LinkKey newKey() {
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        return new LinkKey(random.nextInt(), new SecretKeySpec(secret, "AES"), clock.instant(), Optional.empty());
    }

    private List<LinkKey> keys() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Instant modified = attributes.lastModifiedTime().toInstant();
            Loaded seen = loaded;
            if (seen == null || !seen.of(attributes)) {
                seen = new Loaded(attributes.fileKey(), modified, parse(Files.readAllBytes(file)));
                loaded = seen;
            }
            return seen.keys();
        } catch (NoSuchFileException e) {
            throw damaged("it is missing");
        } catch (IOException e) {
            throw damaged("it cannot be read (" + e.getMessage() + ")");
        }
    }

    private List<LinkKey> parse(byte[] content) {
        try {
            List<LinkKey> keys = new ArrayList<>();
            for (JsonNode node : json.readTree(content).path("keys")) {
                byte[] secret = Base64.getDecoder().decode(node.path("secret").asText());
                if (secret.length != KEY_BYTES) {
                    throw damaged("a key has the wrong length");
                }
                JsonNode until = node.path("acceptedUntil");
                keys.add(new LinkKey(
                        Integer.parseUnsignedInt(node.path("id").asText(), 16),
                        new SecretKeySpec(secret, "AES"),
                        Instant.parse(node.path("created").asText()),
                        until.isTextual() ? Optional.of(Instant.parse(until.asText())) : Optional.empty()));
            }
            if (keys.isEmpty()) {
                throw damaged("it holds no key");
            }
            return List.copyOf(keys);
        } catch (IOException | RuntimeException e) {
            if (e instanceof DamagedFileException damaged) {
                throw damaged;
            }
            throw damaged("it is not a key file this version can read");
        }
    }

    private byte[] bytes(List<LinkKey> keys) {
        ObjectNode root = json.createObjectNode();
        root.put("version", 1);
        ArrayNode array = root.putArray("keys");
        for (LinkKey key : keys) {
            ObjectNode node = array.addObject();
            node.put("id", key.idText());
            node.put("secret", Base64.getEncoder().encodeToString(key.secret().getEncoded()));
            node.put("created", key.created().toString());
            key.acceptedUntil()
                    .ifPresentOrElse(
                            until -> node.put("acceptedUntil", until.toString()), () -> node.putNull("acceptedUntil"));
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("could not write the link keys", e);
        }
    }

    private DamagedFileException damaged(String why) {
        return new DamagedFileException("the link key file " + file + " cannot be used: " + why
                + " — restore it from the backup of this data directory (links made with it stop working "
                + "otherwise), or delete it to start with a new key");
    }
}
