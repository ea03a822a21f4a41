package com.unsubscribesync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    private static final Path HOME = Path.of("/home/ann");

    @Test
    void optionWinsOverEnvironmentAndDefault() {
        assertThat(DataDirectory.locate(Optional.of(Path.of("/x")), Map.of("UNSUBSCRIBE_SYNC_HOME", "/y"), "Linux", HOME))
                .isEqualTo(Path.of("/x"));
        assertThat(DataDirectory.locate(Optional.empty(), Map.of("UNSUBSCRIBE_SYNC_HOME", "/y"), "Linux", HOME))
                .isEqualTo(Path.of("/y"));
    }

    @Test
    void aNewDataDirectoryIsOpenToItsOwnerOnly(@org.junit.jupiter.api.io.TempDir Path parent) throws Exception {
        Path created = DataDirectory.prepare(parent.resolve("nested").resolve("data"));
        org.junit.jupiter.api.Assumptions.assumeTrue(created.getFileSystem().supportedFileAttributeViews()
                .contains("posix"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(created))).isEqualTo("rwx------");
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
