package com.unsubscribesync.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unsubscribesync.cli.ServeState;
import com.unsubscribesync.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code serve} processes running on a data directory, each announced by an owner-only file under
 * {@value #DIRECTORY}: its process id, since when it serves, whether it waits for Salesforce (what {@code status}
 * shows), and the loopback port and random token on which a datagram wakes its real-time pusher, so that an
 * unsubscribe recorded by a command is pushed at once instead of at the next poll (ADR 0022).
 */
final class RunningServes {
    static final String DIRECTORY = "running";
    private static final int TOKEN_BYTES = 16;
    private static final Logger LOG = LoggerFactory.getLogger(RunningServes.class);

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper();

    RunningServes(Path dataDirectory) {
        this.directory = dataDirectory.resolve(DIRECTORY);
    }

    /** Announces this process as serving the data directory; {@code wake} runs when a command asks. */
    Announcement announce(Instant startedAt, Runnable wake) {
        byte[] token = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(token);
        try {
            DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Announcement announcement = new Announcement(socket, token, startedAt, wake);
            announcement.write(Optional.empty());
            return announcement;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "serve could not announce itself in " + directory + " (" + e.getMessage()
                            + "): check that the data directory is writable",
                    e);
        }
    }

    /** The serve processes alive now; files of processes that are gone are removed. */
    List<ServeState> live() {
        List<ServeState> states = new ArrayList<>();
        forEachLive((node, file) -> states.add(state(node)));
        return states;
    }

    /** Wakes the pusher of every serve running here; a serve that does not hear it still polls. */
    void wakeAll() {
        forEachLive((node, file) -> {
            byte[] token = HexFormat.of().parseHex(node.path("wakeToken").asText());
            try (DatagramSocket socket = new DatagramSocket()) {
                socket.send(new DatagramPacket(
                        token,
                        token.length,
                        InetAddress.getLoopbackAddress(),
                        node.path("wakePort").asInt()));
            } catch (IOException e) {
                LOG.debug("Could not wake the serve of {}: {}", file, e.getMessage());
            }
        });
    }

    private void forEachLive(java.util.function.BiConsumer<JsonNode, Path> action) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "serve-*.json")) {
            for (Path file : files) {
                JsonNode node;
                try {
                    node = json.readTree(Files.readAllBytes(file));
                } catch (IOException e) {
                    continue;
                }
                if (ProcessHandle.of(node.path("pid").asLong())
                        .map(ProcessHandle::isAlive)
                        .orElse(false)) {
                    action.accept(node, file);
                } else {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not read the running serve processes in {}: {}", directory, e.getMessage());
        }
    }

    private static ServeState state(JsonNode node) {
        JsonNode waiting = node.path("waitingForSalesforce");
        return new ServeState(
                node.path("pid").asLong(),
                Instant.parse(node.path("startedAt").asText()),
                waiting.isObject()
                        ? Optional.of(new ServeState.Waiting(
                                Instant.parse(waiting.path("since").asText()),
                                Instant.parse(waiting.path("nextTry").asText()),
                                waiting.path("problem").asText()))
                        : Optional.empty(),
                node.hasNonNull("intake") ? Optional.of(node.path("intake").asText()) : Optional.empty());
    }

    /** This process's announcement: kept up to date while it serves, removed when it stops. */
    final class Announcement implements AutoCloseable {
        private final DatagramSocket socket;
        private final byte[] token;
        private final Instant startedAt;
        private final Path file;
        private final Thread listener;
        private Optional<ServeState.Waiting> waiting = Optional.empty();
        private Optional<String> intake = Optional.empty();

        private Announcement(DatagramSocket socket, byte[] token, Instant startedAt, Runnable wake) {
            this.socket = socket;
            this.token = token;
            this.startedAt = startedAt;
            this.file = directory.resolve("serve-" + ProcessHandle.current().pid() + ".json");
            this.listener = new Thread(() -> listen(wake), "serve-wake-listener");
            listener.setDaemon(true);
            listener.start();
        }

        private void listen(Runnable wake) {
            byte[] buffer = new byte[TOKEN_BYTES];
            while (!socket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (IOException e) {
                    return;
                }
                byte[] received = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                if (MessageDigest.isEqual(received, token)) {
                    wake.run();
                }
            }
        }

        /** Writes what {@code status} shows: whether this serve waits for Salesforce, and until when. */
        synchronized void write(Optional<ServeState.Waiting> now) {
            waiting = now;
            ObjectNode node = json.createObjectNode();
            node.put("pid", ProcessHandle.current().pid());
            node.put("startedAt", startedAt.toString());
            node.put("wakePort", socket.getLocalPort());
            node.put("wakeToken", HexFormat.of().formatHex(token));
            waiting.ifPresent(w -> node.putObject("waitingForSalesforce")
                    .put("since", w.since().toString())
                    .put("nextTry", w.nextTry().toString())
                    .put("problem", w.problem()));
            intake.ifPresent(address -> node.put("intake", address));
            try {
                Files.createDirectories(directory, ownerOnly("rwx------"));
                OwnerOnly.write(file, json.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Could not write serve's state to {}: {}", file, e.getMessage());
            }
        }

        /** Where this serve's intake listens now, for {@code status}; empty once it stopped. */
        synchronized void intakeListening(Optional<String> address) {
            intake = address;
            write(waiting);
        }

        @Override
        public synchronized void close() {
            socket.close();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Could not remove {}: {}", file, e.getMessage());
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }
}
