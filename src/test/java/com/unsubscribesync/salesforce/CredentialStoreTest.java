package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.DamagedFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
    private static final String SECRET = "3C1D5E0F7A9B2C4D6E8F0A1B3C5D7E9F";
    private static final String REFRESH = "5Aep861TSESvWeug_refresh_token_value";

    @TempDir
    Path data;

    @Test
    void aSavedConnectionComesBackButIsNotReadableInTheFiles() throws Exception {
        CredentialStore store = new CredentialStore(data);
        store.save(new SavedConnection.ClientCredentials("https://acme.my.salesforce.com", "client", SECRET));
        assertThat(store.load())
                .contains(new SavedConnection.ClientCredentials("https://acme.my.salesforce.com", "client", SECRET));
        store.save(new SavedConnection.BrowserSignIn("https://login.salesforce.com", "client", REFRESH));
        assertThat(new CredentialStore(data).load())
                .contains(new SavedConnection.BrowserSignIn("https://login.salesforce.com", "client", REFRESH));

        try (var files = Files.list(data)) {
            for (Path file : files.toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content)
                        .doesNotContain(REFRESH)
                        .doesNotContain(SECRET)
                        .doesNotContain("acme");
            }
        }
    }

    @Test
    void aBrowserSignInKeepsItsConsumerSecretEncryptedWithTheRefreshToken() throws Exception {
        SavedConnection.BrowserSignIn withSecret = new SavedConnection.BrowserSignIn(
                "https://acme.my.salesforce.com", "client", REFRESH, java.util.Optional.of(SECRET));
        new CredentialStore(data).save(withSecret);
        assertThat(new CredentialStore(data).load()).contains(withSecret);
        assertThat(withSecret.toString()).doesNotContain(SECRET).doesNotContain(REFRESH);
        try (var files = Files.list(data)) {
            for (Path file : files.toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).doesNotContain(REFRESH).doesNotContain(SECRET);
            }
        }
    }

    @Test
    void bothFilesAreReadableByTheOwnerOnly() throws Exception {
        new CredentialStore(data).save(new SavedConnection.Demo());
        for (String name : new String[] {CredentialStore.CONNECTION_FILE, CredentialStore.KEY_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(name))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void forgettingDeletesTheConnectionAndItsKey() {
        CredentialStore store = new CredentialStore(data);
        store.save(new SavedConnection.PasswordLogin("https://login.salesforce.com", "64.0", "a@b.c", "pwTOKEN"));
        assertThat(store.forget()).isTrue();
        assertThat(data.resolve(CredentialStore.CONNECTION_FILE)).doesNotExist();
        assertThat(data.resolve(CredentialStore.KEY_FILE)).doesNotExist();
        assertThat(store.load()).isEmpty();
        assertThat(store.forget()).isFalse();
    }

    @Test
    void aFileTamperedWithIsRefusedWithTheFileAndTheFix() throws Exception {
        CredentialStore store = new CredentialStore(data);
        store.save(new SavedConnection.Demo());
        byte[] sealed = Files.readAllBytes(data.resolve(CredentialStore.CONNECTION_FILE));
        sealed[sealed.length - 1] ^= 1;
        Files.write(data.resolve(CredentialStore.CONNECTION_FILE), sealed);
        assertThatThrownBy(store::load)
                .isInstanceOf(DamagedFileException.class)
                .hasMessage("the saved Salesforce connection in " + data.resolve(CredentialStore.CONNECTION_FILE)
                        + " cannot be read: it does not open with its key salesforce-connection.key (damaged, or the "
                        + "two are from different copies) — restore both files from the same backup, or connect "
                        + "again with 'connect'");
    }

    @Test
    void aConnectionFileCutShortIsRefusedAsUnreadableAndLeftAsItIs() throws Exception {
        CredentialStore store = new CredentialStore(data);
        store.save(new SavedConnection.Demo());
        Path file = data.resolve(CredentialStore.CONNECTION_FILE);
        byte[] key = Files.readAllBytes(data.resolve(CredentialStore.KEY_FILE));
        for (int length : new int[] {0, 5}) {
            Files.write(file, new byte[length]);

            assertThatThrownBy(store::load)
                    .isInstanceOf(DamagedFileException.class)
                    .hasMessageStartingWith("the saved Salesforce connection in " + file + " cannot be read: ")
                    .hasMessageEndingWith("connect again with 'connect'");
            assertThat(store.problem()).isPresent();
            assertThat(store.saved()).isTrue();
            assertThat(file).as("nothing written").hasSize(length);
            assertThat(data.resolve(CredentialStore.KEY_FILE)).hasBinaryContent(key);
        }
    }

    @Test
    void aMissingKeyIsRefusedNotReadAsNotConnected() throws Exception {
        CredentialStore store = new CredentialStore(data);
        store.save(new SavedConnection.Demo());
        Files.delete(data.resolve(CredentialStore.KEY_FILE));
        assertThatThrownBy(store::load)
                .isInstanceOf(DamagedFileException.class)
                .hasMessage("the key file " + data.resolve(CredentialStore.KEY_FILE) + " is missing, so the saved "
                        + "Salesforce connection cannot be opened: restore it from the backup of this data directory, "
                        + "or reconnect ('disconnect', then 'connect')");
        assertThat(store.problem()).isPresent();
    }

    @Test
    void anEmptyKeyIsRefusedAndASaveReplacesIt() throws Exception {
        CredentialStore store = new CredentialStore(data);
        store.save(new SavedConnection.Demo());
        Files.write(data.resolve(CredentialStore.KEY_FILE), new byte[0]);
        assertThatThrownBy(store::load)
                .isInstanceOf(DamagedFileException.class)
                .hasMessageContaining(CredentialStore.KEY_FILE + " is damaged (0 bytes instead of 32)");

        SavedConnection client =
                new SavedConnection.ClientCredentials("https://acme.my.salesforce.com", "client", SECRET);
        store.save(client);
        assertThat(store.load()).contains(client);
        assertThat(store.problem()).isEmpty();
    }

    @Test
    void aKeyWithoutASavedConnectionIsSimplyNotConnected() throws Exception {
        Files.write(data.resolve(CredentialStore.KEY_FILE), new byte[32]);
        assertThat(new CredentialStore(data).load()).isEmpty();
    }
}
