package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreChoiceTest {
    private static final String OPTION = "jdbc:postgresql://option.example.com/team?user=a";
    private static final String ENVIRONMENT = "jdbc:postgresql://env.example.com/team?user=b";
    private static final String SAVED = "jdbc:postgresql://saved.example.com/team?user=c&sslmode=verify-full";

    @TempDir
    Path data;

    private StoreChoice resolve(Optional<String> option, Optional<String> environment, Optional<String> password) {
        return StoreChoice.resolve(option, environment, password, data, new SavedStore(data));
    }

    @Test
    void theCommandLineWinsOverTheEnvironmentWhichWinsOverTheSavedChoice() {
        new SavedStore(data).save(SAVED, Optional.of("saved-secret"));

        StoreChoice byOption = resolve(Optional.of(OPTION), Optional.of(ENVIRONMENT), Optional.empty());
        StoreChoice byEnvironment = resolve(Optional.empty(), Optional.of(ENVIRONMENT), Optional.empty());
        StoreChoice bySaved = resolve(Optional.empty(), Optional.of("  "), Optional.empty());

        assertThat(byOption.source()).isEqualTo(StoreChoice.Source.COMMAND_LINE);
        assertThat(byOption.url()).contains(OPTION);
        assertThat(byEnvironment.source()).isEqualTo(StoreChoice.Source.ENVIRONMENT);
        assertThat(byEnvironment.url()).contains(ENVIRONMENT);
        assertThat(bySaved.source()).isEqualTo(StoreChoice.Source.SAVED);
        assertThat(bySaved.url()).contains(SAVED);
        assertThat(bySaved.password()).contains("saved-secret");
    }

    @Test
    void withoutAnyChoiceTheDataDirectorysFileIsUsed() {
        StoreChoice choice = resolve(Optional.empty(), Optional.empty(), Optional.of("ignored"));

        assertThat(choice.source()).isEqualTo(StoreChoice.Source.DEFAULT);
        assertThat(choice.thisComputer()).isTrue();
        assertThat(choice.shown())
                .isEqualTo(data.resolve("unsubscribe-sync.mv.db").toString());
    }

    @Test
    void thePasswordFromTheEnvironmentWinsOverTheSavedOne() {
        new SavedStore(data).save(SAVED, Optional.of("saved-secret"));

        assertThat(resolve(Optional.empty(), Optional.empty(), Optional.of("env-secret"))
                        .password())
                .contains("env-secret");
    }

    @Test
    void theSavedPasswordGoesOnlyToTheSavedServer() {
        new SavedStore(data).save(SAVED, Optional.of("saved-secret"));

        assertThat(resolve(Optional.of(OPTION), Optional.empty(), Optional.empty())
                        .password())
                .isEmpty();
        assertThat(resolve(Optional.of(SAVED), Optional.empty(), Optional.empty())
                        .password())
                .contains("saved-secret");
    }

    @Test
    void theStoreIsShownWithoutItsQueryNorAnyPassword() {
        new SavedStore(data).save(SAVED, Optional.of("saved-secret"));
        StoreChoice choice = resolve(Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(choice.shown()).isEqualTo("jdbc:postgresql://saved.example.com/team");
        assertThat(choice.toString()).doesNotContain("saved-secret");
    }
}
