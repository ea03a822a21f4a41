package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unsubscribesync.domain.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team key (ADR 0065) and the team's sealed connection, without a store: the row is held in memory here. */
class TeamKeyTest {
    @TempDir
    Path folder;

    @Test
    void aKeyIsReadFromItsFileBeforeTheVariableAndAReadOnlyFileWillDo() throws Exception {
        Path file = folder.resolve("team.key");
        TeamKey.make(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        String text = Files.readString(file).strip();

        assertThat(TeamKey.from(Map.of(TeamKey.FILE_VARIABLE, file.toString(), TeamKey.VARIABLE, "not a key")))
                .hasValueSatisfying(key -> assertThat(key.getEncoded())
                        .isEqualTo(Base64.getDecoder().decode(text)));
        assertThat(TeamKey.from(Map.of(TeamKey.VARIABLE, text))).isPresent();
        assertThat(TeamKey.from(Map.of())).isEmpty();
    }

    @Test
    void aKeyThatIsNot32BytesOfBase64IsOneLineNamingWhereItCameFrom() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> TeamKey.from(Map.of(TeamKey.VARIABLE, short16)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(TeamKey.VARIABLE)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> TeamKey.from(Map.of(TeamKey.VARIABLE, "%%%")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aKeyFileThatIsNotThereNamesTheVariable() {
        Path missing = folder.resolve("nowhere.key");

        assertThatThrownBy(() -> TeamKey.from(Map.of(TeamKey.FILE_VARIABLE, missing.toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining(TeamKey.FILE_VARIABLE);
    }

    @Test
    void aKeyFileTheGroupMayWriteIsRefusedToo() throws Exception {
        Path file = folder.resolve("team.key");
        TeamKey.make(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw--w----"));

        assertThatThrownBy(() -> TeamKey.from(Map.of(TeamKey.FILE_VARIABLE, file.toString())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("permissions 0620")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void aConnectionSealedUnderOneKeyDoesNotOpenUnderAnotherAndIsNotWrittenOver() {
        AtomicReference<Optional<String>> row = new AtomicReference<>(Optional.empty());
        TeamConnection.SealedRow memory =
                TeamConnection.SealedRow.of(row::get, text -> row.set(Optional.of(text)), () -> {
                    boolean had = row.get().isPresent();
                    row.set(Optional.empty());
                    return had;
                });
        SavedConnection token = new SavedConnection.BrowserSignIn("https://acme.my.salesforce.com", "id", "5Aep-token");
        new TeamConnection(memory, Map.of(TeamKey.VARIABLE, key(1))).save(token);
        String sealed = row.get().orElseThrow();

        TeamConnection other = new TeamConnection(memory, Map.of(TeamKey.VARIABLE, key(2)));

        assertThat(other.problem()).hasValue(TeamConnection.WRONG_KEY);
        assertThat(other.saved()).isTrue();
        assertThat(row.get()).hasValue(sealed);
        assertThat(new TeamConnection(memory, Map.of(TeamKey.VARIABLE, key(1))).load())
                .hasValue(token);
        assertThat(new TeamConnection(memory, Map.of()).problem())
                .hasValueSatisfying(line -> assertThat(line).contains(TeamKey.FILE_VARIABLE));
    }

    @Test
    void aDamagedRowIsOneLineThatSaysToConnectAgain() {
        TeamConnection damaged = new TeamConnection(
                TeamConnection.SealedRow.of(() -> Optional.of("not base64!"), text -> {}, () -> true),
                Map.of(TeamKey.VARIABLE, key(1)));

        assertThat(damaged.problem())
                .hasValueSatisfying(
                        line -> assertThat(line).contains("cannot be read").contains("connect"));
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }
}
