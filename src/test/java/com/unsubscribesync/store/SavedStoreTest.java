package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.DamagedFileException;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.files.OwnerOnly;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedStoreTest {
    private static final String URL = "jdbc:postgresql://db.example.com:5432/team?user=sync&sslmode=verify-full";
    private static final String PASSWORD = "Pa55-word-of-the-team-db";

    @TempDir
    Path data;

    @Test
    void aSavedStoreComesBackWithItsPasswordWhichNoFileHoldsInClear() throws Exception {
        new SavedStore(data).save(URL, Optional.of(PASSWORD));

        SavedStore again = new SavedStore(data);
        assertThat(again.url()).contains(URL);
        assertThat(again.password()).contains(PASSWORD);
        try (var files = Files.list(data)) {
            for (Path file : files.toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .doesNotContain(PASSWORD);
                if (OwnerOnly.supported(file)) {
                    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OwnerOnly.FILE);
                }
            }
        }
    }

    @Test
    void savingWithoutAPasswordDeletesTheOneSavedBefore() {
        SavedStore saved = new SavedStore(data);
        saved.save(URL, Optional.of(PASSWORD));

        saved.save(URL, Optional.empty());

        assertThat(saved.password()).isEmpty();
        assertThat(data.resolve(SavedStore.PASSWORD_FILE)).doesNotExist();
    }

    @Test
    void forgettingDeletesTheChoiceThePasswordAndItsKey() {
        SavedStore saved = new SavedStore(data);
        saved.save(URL, Optional.of(PASSWORD));

        assertThat(saved.forget()).isTrue();

        assertThat(saved.url()).isEmpty();
        assertThat(saved.password()).isEmpty();
        assertThat(data.resolve(SavedStore.KEY_FILE)).doesNotExist();
        assertThat(saved.forget()).isFalse();
    }

    @Test
    void aDamagedSealedPasswordIsOneLineNamingTheFileAndWhatToDo() throws Exception {
        SavedStore saved = new SavedStore(data);
        saved.save(URL, Optional.of(PASSWORD));
        byte[] sealed = Files.readAllBytes(data.resolve(SavedStore.PASSWORD_FILE));
        sealed[sealed.length - 1] ^= 1;
        Files.write(data.resolve(SavedStore.PASSWORD_FILE), sealed);

        assertThatThrownBy(saved::password)
                .isInstanceOf(DamagedFileException.class)
                .hasMessageContaining(data.resolve(SavedStore.PASSWORD_FILE).toString())
                .hasMessageContaining("does not open with its key")
                .hasMessageContaining("choose the store again on the Connection screen")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aSealedPasswordWithoutItsKeyIsSaidAsSuch() throws Exception {
        SavedStore saved = new SavedStore(data);
        saved.save(URL, Optional.of(PASSWORD));
        Files.delete(data.resolve(SavedStore.KEY_FILE));

        assertThatThrownBy(saved::password)
                .isInstanceOf(DamagedFileException.class)
                .hasMessageContaining("its key " + SavedStore.KEY_FILE + " is missing");
    }

    @Test
    void aChoiceFileWithoutAUrlIsDamaged() throws Exception {
        Files.writeString(data.resolve(SavedStore.FILE), "url=\n");

        assertThatThrownBy(() -> new SavedStore(data).url())
                .isInstanceOf(DamagedFileException.class)
                .hasMessageContaining(data.resolve(SavedStore.FILE).toString());
    }

    @Test
    void onlyAPostgreSqlUrlIsSaved() {
        assertThatThrownBy(() -> new SavedStore(data).save("jdbc:h2:mem:x", Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("jdbc:postgresql://");
        assertThat(data.resolve(SavedStore.FILE)).doesNotExist();
    }
}
