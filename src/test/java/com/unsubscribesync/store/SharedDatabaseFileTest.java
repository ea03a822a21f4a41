package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lock file left by a killed process does not make the next opener wait: H2 alone waits until the file is 2 s
 * old and then 2 s more before it believes the owner is gone.
 */
class SharedDatabaseFileTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Duration H2_ALONE_AT_LEAST = Duration.ofSeconds(4);

    @TempDir
    Path data;

    @Test
    void lockFileOfAKilledServeWhosePortNobodyListensOnIsRemovedWithoutWaiting() throws Exception {
        Database.openFile(data).close();
        int gone;
        try (ServerSocket socket = new ServerSocket(0)) {
            gone = socket.getLocalPort();
        }
        Files.writeString(
                lock(),
                "#FileLock\nid=1a2370aac4c8a6ab5e3c62a4ae64bd904b9589a61b0\nmethod=file\n" + "server=localhost\\:"
                        + gone + "\nhostName=localhost\n");

        Duration took = timeToOpen();

        System.out.println("opened past a killed server's lock file in " + took.toMillis() + " ms");
        assertThat(took).isLessThan(H2_ALONE_AT_LEAST.minusMillis(500));
    }

    @Test
    void lockFileOfAProcessKilledWhileOpeningHasNoServerAndIsRemovedWithoutWaiting() throws Exception {
        Database.openFile(data).close();
        Files.writeString(lock(), "#FileLock\nid=1a2370afa56f24cc28f3889c822257c42143495284e\nmethod=file\n");

        assertThat(timeToOpen()).isLessThan(H2_ALONE_AT_LEAST.minusMillis(500));
    }

    @Test
    void lockFileOfAProcessServingTheDatabaseIsLeftAlone() throws Exception {
        try (Database owner = Database.openFile(data)) {
            String before = Files.readString(lock());
            assertThat(before).contains("server=");

            try (Database another = Database.openFile(data)) {
                assertThat(new UnsubscribeRepository(another, CLOCK).count()).isZero();
            }
            assertThat(Files.readString(lock())).isEqualTo(before);
        }
    }

    @Test
    void theFileOpenersTakeTurnsOnIsOwnerOnly() throws Exception {
        Database.openFile(data).close();

        Path opening = data.resolve("unsubscribe-sync" + SharedDatabaseFile.OPENING_LOCK_SUFFIX);
        assertThat(opening).exists();
        if (data.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(opening)))
                    .isEqualTo("rw-------");
        }
    }

    private Duration timeToOpen() {
        long started = System.nanoTime();
        try (Database database = Database.openFile(data)) {
            assertThat(new UnsubscribeRepository(database, CLOCK).count()).isZero();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private Path lock() {
        return data.resolve("unsubscribe-sync.lock.db");
    }
}
