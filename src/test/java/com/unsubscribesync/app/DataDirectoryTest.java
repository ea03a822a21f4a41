package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    private static final Path HOME = Path.of("/home/ann");

    @Test
    void optionWinsOverEnvironmentAndDefault() {
        assertThat(DataDirectory.locate(
                        Optional.of(Path.of("/x")), Map.of("UNSUBSCRIBE_SYNC_HOME", "/y"), "Linux", HOME))
                .isEqualTo(Path.of("/x"));
        assertThat(DataDirectory.locate(Optional.empty(), Map.of("UNSUBSCRIBE_SYNC_HOME", "/y"), "Linux", HOME))
                .isEqualTo(Path.of("/y"));
    }

    @Test
    void aNewDataDirectoryIsOpenToItsOwnerOnly(@org.junit.jupiter.api.io.TempDir Path parent) throws Exception {
        Path created = DataDirectory.prepare(parent.resolve("nested").resolve("data"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        java.nio.file.Files.getPosixFilePermissions(created)))
                .isEqualTo("rwx------");
    }

    @Test
    void anExistingDataDirectoryOpenToOthersIsTightenedWithItsFiles(@org.junit.jupiter.api.io.TempDir Path parent)
            throws Exception {
        Path data = java.nio.file.Files.createDirectory(parent.resolve("data"));
        Path log = java.nio.file.Files.writeString(data.resolve("unsubscribe-sync.log"), "ann@example.com");
        java.nio.file.Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        java.nio.file.Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

        DataDirectory.prepare(data);

        assertThat(PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(log)))
                .isEqualTo("rw-------");
    }

    /** Only root can give a folder to another user: tag root, run when the build runs as root (CI does). */
    @Test
    @Tag("root")
    void aDataDirectoryOfAnotherUserIsRefusedAndLeftAsItIs(@org.junit.jupiter.api.io.TempDir Path parent)
            throws Exception {
        Path data = java.nio.file.Files.createDirectory(parent.resolve("data"));
        assertThat(System.getProperty("user.name"))
                .as("only root can give a folder to another user")
                .isEqualTo("root");
        java.nio.file.Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        java.nio.file.Files.setOwner(
                data, data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataDirectory.prepare(data))
                .isInstanceOf(com.unsubscribesync.domain.InvalidInputException.class)
                .hasMessage("data directory " + data + " belongs to nobody, not to root who runs Unsubscribe Sync: "
                        + "run it as nobody, or give a folder of your own with --data-dir");
        assertThat(PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(data)))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    void eachOperatingSystemHasItsUsualPlace() {
        assertThat(DataDirectory.locate(Optional.empty(), Map.of(), "Linux", HOME))
                .isEqualTo(Path.of("/home/ann/.local/share/unsubscribe-sync"));
        assertThat(DataDirectory.locate(Optional.empty(), Map.of("XDG_DATA_HOME", "/data"), "Linux", HOME))
                .isEqualTo(Path.of("/data/unsubscribe-sync"));
        assertThat(DataDirectory.locate(Optional.empty(), Map.of(), "Mac OS X", HOME))
                .isEqualTo(Path.of("/home/ann/Library/Application Support/Unsubscribe Sync"));
        assertThat(DataDirectory.locate(Optional.empty(), Map.of("APPDATA", "/appdata"), "Windows 11", HOME))
                .isEqualTo(Path.of("/appdata/Unsubscribe Sync"));
    }
}
