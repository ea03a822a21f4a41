package com.unsubscribesync.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which store a process opens and where that choice came from (ADR 0066): {@code --store} wins over
 * {@code UNSUBSCRIBE_SYNC_STORE}, which wins over the choice saved in the data directory; without any, the data
 * directory's own H2 file. The password is the environment's, else the saved one, which goes only with the saved URL.
 *
 * @param url      empty: the data directory's H2 file
 * @param password never shown; see {@link #toString()}
 */
public record StoreChoice(Source source, Optional<String> url, Optional<String> password, Path dataDirectory) {

    /** Where the choice came from, in the admin's words. */
    public enum Source {
        COMMAND_LINE("the command line (--store)"),
        ENVIRONMENT("the environment variable UNSUBSCRIBE_SYNC_STORE"),
        SAVED("the choice saved on the Connection screen"),
        DEFAULT("the default");

        private final String said;

        Source(String said) {
            this.said = said;
        }

        public String said() {
            return said;
        }
    }

    /**
     * @param option      the {@code --store} URL
     * @param environment {@code UNSUBSCRIBE_SYNC_STORE}
     * @param envPassword {@code UNSUBSCRIBE_SYNC_STORE_PASSWORD}
     * @throws com.unsubscribesync.domain.DamagedFileException when the saved choice is needed but cannot be read
     */
    public static StoreChoice resolve(
            Optional<String> option,
            Optional<String> environment,
            Optional<String> envPassword,
            Path dataDirectory,
            SavedStore saved) {
        Optional<String> given = given(option);
        if (given.isPresent()) {
            return new StoreChoice(
                    Source.COMMAND_LINE, given, password(given.get(), envPassword, saved), dataDirectory);
        }
        given = given(environment);
        if (given.isPresent()) {
            return new StoreChoice(Source.ENVIRONMENT, given, password(given.get(), envPassword, saved), dataDirectory);
        }
        Optional<String> savedUrl = saved.url();
        if (savedUrl.isPresent()) {
            return new StoreChoice(
                    Source.SAVED, savedUrl, envPassword.isPresent() ? envPassword : saved.password(), dataDirectory);
        }
        return new StoreChoice(Source.DEFAULT, Optional.empty(), Optional.empty(), dataDirectory);
    }

    /** The saved password goes only to the server of the saved URL, never to another one named by hand. */
    private static Optional<String> password(String url, Optional<String> envPassword, SavedStore saved) {
        if (envPassword.isPresent()) {
            return envPassword;
        }
        return saved.url().filter(url::equals).isPresent() ? saved.password() : Optional.empty();
    }

    private static Optional<String> given(Optional<String> url) {
        return url.map(String::strip).filter(text -> !text.isEmpty());
    }

    /** Opens the store chosen; see {@link Database#openFile} and {@link Database#openUrl}. */
    public Database open(PoolSize pool) {
        return url.isPresent() ? Database.openUrl(url.get(), password, pool) : Database.openFile(dataDirectory);
    }

    /** Whether the URL carries a password, which it must not (ADR 0055). */
    public static boolean holdsPassword(String url) {
        return StoreUrl.holdsPassword(url);
    }

    /** Whether this is the data directory's own H2 file. */
    public boolean thisComputer() {
        return url.isEmpty();
    }

    /** The store as the admin may see it: the file, or the URL without its query (TLS paths) nor any password. */
    public String shown() {
        return url.map(StoreUrl::shown)
                .orElseGet(() ->
                        dataDirectory.resolve(DatabaseFile.NAME + ".mv.db").toString());
    }

    @Override
    public String toString() {
        return "StoreChoice[" + source + ", " + shown() + "]";
    }
}
