package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged or empty database and a missing or damaged key are refused with the file and the fix, never replaced. */
class DamagedFilesCommandLineTest {
    private static final String KEY = "salesforce-connection.key";

    @TempDir
    Path data;

    @Test
    void anEmptyDatabaseFileExitsWithTwoAndNamesTheFileAndTheBackup() throws Exception {
        assertThat(run("unsubscribe", "add", "ann@example.com").exit()).isZero();
        Path file = data.resolve("unsubscribe-sync.mv.db");
        Files.write(file, new byte[0]);

        CliRun status = run("status", "--json");

        assertThat(status.exit()).isEqualTo(2);
        assertThat(status.out()).isEmpty();
        assertThat(status.err().strip().lines())
                .singleElement()
                .asString()
                .isEqualTo("error: the database file "
                        + file.toAbsolutePath()
                        + " is empty (0 bytes): restore it from a backup (or move it aside to start "
                        + "empty)");
        assertThat(file).isEmptyFile();
    }

    @Test
    void aDatabaseFileCutShortExitsWithTwoAndIsLeftAsItIs() throws Exception {
        assertThat(run("unsubscribe", "add", "ann@example.com").exit()).isZero();
        Path file = data.resolve("unsubscribe-sync.mv.db");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(12_000);
        }

        CliRun add = run("unsubscribe", "add", "bob@example.com");

        assertThat(add.exit()).isEqualTo(2);
        assertThat(add.err().strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: the database file " + file.toAbsolutePath() + " is damaged (")
                .endsWith("restore it from a backup (or move it aside to " + "start empty)");
        assertThat(Files.size(file)).isEqualTo(12_000);
    }

    @Test
    void aMovedAsideDatabaseStartsEmpty() throws Exception {
        assertThat(run("unsubscribe", "add", "ann@example.com").exit()).isZero();
        Files.move(data.resolve("unsubscribe-sync.mv.db"), data.resolve("unsubscribe-sync.mv.db.damaged"));

        CliRun list = run("unsubscribe", "list", "--json");
        assertThat(list.exit()).isZero();
        assertThat(list.out().strip()).isEqualTo("[ ]");
    }

    @Test
    void aMissingKeyIsNamedByStatusAndRefusedByCommandsThatNeedTheOrgUntilConnectReplacesIt() throws Exception {
        assertThat(run("connect", "--demo").exit()).isZero();
        Files.delete(data.resolve(KEY));
        String sentence = "the key file " + data.resolve(KEY) + " is missing, so the saved Salesforce connection "
                + "cannot be opened: restore it from the backup of this data directory, or reconnect ('disconnect', "
                + "then 'connect')";

        CliRun status = run("status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("not connected").contains(sentence);

        CliRun push = run("sync", "push");
        assertThat(push.exit()).isEqualTo(3);
        assertThat(push.err().strip()).isEqualTo("error: " + sentence);
        assertThat(data.resolve(KEY)).as("nothing written").doesNotExist();

        CliRun connect = run("connect", "--demo");
        assertThat(connect.exit()).isZero();
        assertThat(connect.err())
                .contains("the saved connection could not be opened and is replaced by this one")
                .contains(KEY);
        assertThat(run("status", "--json").out()).contains("\"connected\" : true");
    }

    @Test
    void aDamagedSavedConnectionIsNamedAsUnreadableNotAsNeverConnectedAndLeftAsItIs() throws Exception {
        assertThat(run("connect", "--demo").exit()).isZero();
        Path file = data.resolve("salesforce-connection.enc");
        byte[] sealed = Files.readAllBytes(file);
        sealed[sealed.length / 2] ^= 1;
        Files.write(file, sealed);
        String sentence = "the saved Salesforce connection in " + file + " cannot be read: ";

        CliRun status = run("status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("not connected").contains(sentence);

        CliRun push = run("sync", "push");
        assertThat(push.exit())
                .as("refused as a connection that cannot be used, like a missing key")
                .isEqualTo(3);
        assertThat(push.err().strip().lines())
                .singleElement()
                .asString()
                .startsWith("error: " + sentence)
                .endsWith("connect again with 'connect'");
        assertThat(file).as("nothing written").hasBinaryContent(sealed);

        assertThat(run("connect", "--demo").exit()).isZero();
        assertThat(run("status", "--json").out()).contains("\"connected\" : true");
    }

    @Test
    void anEmptyKeyNoLongerBreaksConnect() throws Exception {
        assertThat(run("connect", "--demo").exit()).isZero();
        Files.write(data.resolve(KEY), new byte[0]);

        CliRun push = run("sync", "push");
        assertThat(push.exit()).isEqualTo(3);
        assertThat(push.err())
                .contains(KEY + " is damaged (0 bytes instead of 32)")
                .contains("reconnect");

        CliRun connect = run("connect", "--demo");
        assertThat(connect.exit()).as(connect.err()).isZero();
        assertThat(connect.err()).doesNotContain("unexpected problem");
        assertThat(Files.size(data.resolve(KEY))).isEqualTo(32);
        assertThat(run("sync", "push").exit()).isZero();
    }

    private CliRun run(String... args) {
        return CliRun.in(data, args);
    }
}
