package com.unsubscribesync.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import's scratch files stay in the data directory, owner-only, and a killed import's are removed later. */
class ImportScratchTest {
    @TempDir
    Path work;

    @Test
    void theSortedRunsOfAnImportLiveOwnerOnlyInTheWorkFolderAndAreGoneWhenItEnds() throws IOException {
        List<Unsubscribe> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new Unsubscribe(
                    Email.parse("p" + i + "@example.com"),
                    Instant.EPOCH,
                    UnsubscribeSource.IMPORT,
                    "tester",
                    Optional.of("private reason " + i)));
        }
        try (SortedByEmail sorted = new SortedByEmail(rows.iterator(), work)) {
            List<Path> scratch = scratchFolders();
            assertThat(scratch).singleElement().satisfies(folder -> {
                assertThat(folder.getFileName().toString()).startsWith("unsubscribe-import-");
                assertThat(Files.readString(folder.resolve("run-0"), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .contains("private reason 3");
                if (posix()) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work)))
                            .isEqualTo("rwx------");
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                            .isEqualTo("rwx------");
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("run-0"))))
                            .isEqualTo("rw-------");
                }
            });
            assertThat(ImportScratch.removeLeftovers(work))
                    .as("a running import's folder is kept")
                    .isZero();
            sorted.forEachRemaining(row -> {});
        }
        assertThat(scratchFolders()).isEmpty();
    }

    @Test
    void aKilledImportsFolderIsRemovedAndARunningImportsFolderIsKept() throws IOException {
        Path killed = Files.createDirectories(work.resolve("unsubscribe-import-123"));
        Files.writeString(killed.resolve("in-use.lock"), "");
        Files.writeString(killed.resolve("run-0"), "someone@example.com moved away");
        Path stillStarting = Files.createDirectories(work.resolve("unsubscribe-import-456"));
        Path startedLongAgo = Files.createDirectories(work.resolve("unsubscribe-import-789"));
        Files.setLastModifiedTime(startedLongAgo, FileTime.from(Instant.now().minusSeconds(3600)));
        Path unrelated = Files.createDirectories(work.resolve("something-else"));

        try (ImportScratch running = ImportScratch.create(work)) {
            assertThat(ImportScratch.removeLeftovers(work)).isEqualTo(2);
            assertThat(killed).doesNotExist();
            assertThat(startedLongAgo).doesNotExist();
            assertThat(stillStarting).exists();
            assertThat(unrelated).exists();
            assertThat(running.folder()).exists();
        }
    }

    private List<Path> scratchFolders() throws IOException {
        try (Stream<Path> listed = Files.list(work)) {
            return listed.filter(p -> p.getFileName().toString().startsWith("unsubscribe-import-"))
                    .toList();
        }
    }

    private boolean posix() {
        return work.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
