package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Another local user ({@code nobody}, through {@code runuser}) against a data directory that root made 0755, as
 * README's server setup leaves it: after the app has opened it, that user can read none of its files (the
 * database, H2's lock file with the auto-server's key, the log, the keys) and cannot log in to the auto-server,
 * which it can reach on loopback. Only root can switch users with {@code runuser}, so the test carries the tag
 * {@code root} and runs when the build runs as root (CI does).
 */
@Tag("root")
class OtherLocalUserTest {
    private static final String OTHER = "nobody";
    private Path base;

    @BeforeEach
    void onlyAsRoot() throws IOException {
        assertThat(System.getProperty("user.name"))
                .as("running as another user needs root")
                .isEqualTo("root");
        assertThat(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")))
                .as("runuser (util-linux) installed")
                .isTrue();
        base = Files.createTempDirectory("other-user-test");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeEverything() throws IOException {
        if (base != null) {
            try (Stream<Path> all = Files.walk(base)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void anotherUserCannotReadTheDataDirectoryNorLogInToTheDatabaseServer() throws Exception {
        Path data = Files.createDirectory(base.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path notes = Files.writeString(data.resolve("notes.txt"), "left here by the admin");
        Files.setPosixFilePermissions(notes, PosixFilePermissions.fromString("rw-r--r--"));
        Path probe = probeFolder();
        assertThat(probe(probe, "read", notes.toString()))
                .as("the other user could read before the app opened it")
                .containsExactly("READ " + notes);

        assertThat(app(data, "connect", "--demo").waitFor()).isZero();
        assertThat(app(data, "unsubscribe", "add", "ann@example.com").waitFor()).isZero();
        Process serve = app(data, "serve");
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("serving");

            assertThat(mode(data)).isEqualTo("rwx------");
            List<String> files = new ArrayList<>();
            try (Stream<Path> all = Files.walk(data)) {
                for (Path path : all.filter(p -> !p.equals(data)).toList()) {
                    assertThat(mode(path))
                            .as(path.toString())
                            .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
                    files.add(path.toString());
                }
            }
            assertThat(files)
                    .contains(
                            data.resolve("unsubscribe-sync.mv.db").toString(),
                            data.resolve("unsubscribe-sync.lock.db").toString(),
                            data.resolve("unsubscribe-sync.log").toString(),
                            data.resolve("salesforce-connection.key").toString(),
                            data.resolve("unsubscribe-sync.db-passwords").toString(),
                            notes.toString());
            List<String> reads = new ArrayList<>(List.of("read"));
            reads.addAll(files);
            assertThat(probe(probe, reads.toArray(String[]::new)))
                    .hasSize(files.size())
                    .allSatisfy(line -> assertThat(line).startsWith("DENIED "));

            // Even given the port and key only root could read in the lock file, no login without the password.
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(data.resolve("unsubscribe-sync.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            assertThat(server)
                    .as("bound to loopback (ListenersStayOnLoopbackTest)")
                    .matches("(127\\.0\\.0\\.1|localhost):\\d+");
            String url = "jdbc:h2:tcp://" + server + "/" + lock.getProperty("id");
            assertThat(probe(probe, "login", url, "sa", "")).containsExactly("NOT CONNECTED sa 28000");
            assertThat(probe(probe, "login", url, "UNSUBSCRIBE_SYNC", ""))
                    .containsExactly("NOT CONNECTED UNSUBSCRIBE_SYNC 28000");

            // The server is reachable: with the app's password (which the other user cannot read) a login works,
            // and still reads no file.
            Properties passwords = new Properties();
            try (InputStream in = Files.newInputStream(data.resolve("unsubscribe-sync.db-passwords"))) {
                passwords.load(in);
            }
            assertThat(probe(
                            probe,
                            "login",
                            url,
                            "UNSUBSCRIBE_SYNC",
                            passwords.getProperty("app"),
                            "SELECT FILE_READ('" + data.resolve("salesforce-connection.key") + "')"))
                    .containsExactly("CONNECTED UNSUBSCRIBE_SYNC", "REFUSED 90040");
        } finally {
            assertThat(AppProcess.stops(serve)).as("serve stops on SIGTERM").isTrue();
        }
    }

    @Test
    void aDataDirectoryOwnedByAnotherUserIsRefusedWithExitTwoAndNothingWritten() throws Exception {
        Path data = Files.createDirectory(base.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setOwner(
                data, data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OTHER));

        Process add = app(data, "unsubscribe", "add", "ann@example.com");
        String err = new String(add.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(add.waitFor()).isEqualTo(2);
        assertThat(err.strip().lines())
                .singleElement()
                .asString()
                .isEqualTo("error: data directory " + data
                        + " belongs to nobody, not to root who runs Unsubscribe Sync: run it as nobody, or give a folder of "
                        + "your own with --data-dir");
        try (Stream<Path> left = Files.list(data)) {
            assertThat(left).isEmpty();
        }
    }

    /** The probe's class and H2's jar, in a folder the other user can read. */
    private Path probeFolder() throws Exception {
        Path folder = Files.createDirectories(
                base.resolve("probe").resolve("com").resolve("unsubscribesync").resolve("app"));
        Path classes = Path.of(OtherUserProbe.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Files.copy(
                classes.resolve("com/unsubscribesync/app/OtherUserProbe.class"),
                folder.resolve("OtherUserProbe.class"));
        Files.copy(
                Path.of(org.h2.Driver.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI()),
                base.resolve("probe").resolve("h2.jar"));
        try (Stream<Path> all = Files.walk(base.resolve("probe"))) {
            for (Path path : all.toList()) {
                Files.setPosixFilePermissions(
                        path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return base.resolve("probe");
    }

    private static List<String> probe(Path folder, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "runuser",
                "-u",
                OTHER,
                "--",
                java(),
                "-cp",
                folder + ":" + folder.resolve("h2.jar"),
                OtherUserProbe.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(false)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(err).isZero();
        return out.strip().lines().toList();
    }

    private static Process app(Path data, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("--data-dir", data.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(AppProcess.javaCommand(List.of(), command.toArray(String[]::new))).start();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(
                Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }
}
