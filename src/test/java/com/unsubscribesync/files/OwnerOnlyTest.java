package com.unsubscribesync.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {
    @TempDir
    Path folder;

    @BeforeEach
    void posixPermissions() {
        assertThat(OwnerOnly.supported(folder))
                .as("the tests run on a file system with POSIX permissions")
                .isTrue();
    }

    @Test
    void filesAndFoldersMadeWithAnOpenUmaskAreTightenedToTheOwner() throws Exception {
        Path nested = Files.createDirectories(folder.resolve("layout-backups"));
        Files.setPosixFilePermissions(nested, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path log = Files.writeString(folder.resolve("unsubscribe-sync.log"), "ann@example.com");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        Path backup = Files.writeString(nested.resolve("Contact-Layout.json"), "{}");
        Files.setPosixFilePermissions(backup, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnly.restrictTree(folder);

        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(nested)).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rw-------");
        assertThat(mode(backup)).isEqualTo("rw-------");
    }

    @Test
    void aSymbolicLinkIsNotFollowedOutOfTheFolder(@TempDir Path elsewhere) throws Exception {
        Path outside = Files.writeString(elsewhere.resolve("shared.txt"), "not ours to change");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(folder.resolve("link.txt"), outside);

        OwnerOnly.restrictTree(folder);

        assertThat(mode(outside)).isEqualTo("rw-r--r--");
    }

    @Test
    void aFolderGivenAsALinkIsTheFolderItPointsAt(@TempDir Path elsewhere) throws Exception {
        Path real = Files.createDirectory(elsewhere.resolve("data"));
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = Files.createSymbolicLink(folder.resolve("data-link"), real);

        OwnerOnly.restrictTree(link);

        assertThat(mode(real)).isEqualTo("rwx------");
    }

    @Test
    void aWrittenFileIsOwnerOnlyFromItsFirstByte() throws Exception {
        Path file = folder.resolve("console-window.properties");
        OwnerOnly.write(file, "width=900".getBytes(StandardCharsets.UTF_8));
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("width=900");

        Path empty = folder.resolve("unsubscribe-sync.log");
        OwnerOnly.createFile(empty);
        assertThat(mode(empty)).isEqualTo("rw-------");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file left")
                    .containsExactlyInAnyOrder("console-window.properties", "unsubscribe-sync.log");
        }
    }

    @Test
    void ofTwoWritersOfANewFileTheFirstWinsAndTheSecondIsToldSo() throws Exception {
        Path file = folder.resolve("unsubscribe-sync.db-passwords");
        assertThat(OwnerOnly.writeNew(file, "first".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(OwnerOnly.writeNew(file, "second".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(Files.readString(file)).isEqualTo("first");
        assertThat(mode(file)).isEqualTo("rw-------");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(
                Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }
}
