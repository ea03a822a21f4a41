package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.InvalidInputException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;

/**
 * The team's one Salesforce connection, kept sealed in the shared store under the {@link TeamKey} every node reads
 * from its own environment (ADR 0065). A node without the key, or with another one, is not connected and says so in
 * one line; it never writes the row unless the admin connects from it.
 */
public final class TeamConnection implements SavedConnections {
    public static final String WRONG_KEY = "the team's Salesforce connection is sealed with a different key: set "
            + TeamKey.FILE_VARIABLE + " to the team's key file";

    /** The store's one row of sealed text: the port the composition root fills with the store's repository. */
    public interface SealedRow {
        Optional<String> read();

        void write(String sealed);

        boolean delete();

        static SealedRow of(Supplier<Optional<String>> read, Consumer<String> write, BooleanSupplier delete) {
            return new SealedRow() {
                @Override
                public Optional<String> read() {
                    return read.get();
                }

                @Override
                public void write(String sealed) {
                    write.accept(sealed);
                }

                @Override
                public boolean delete() {
                    return delete.getAsBoolean();
                }
            };
        }
    }

    private final SealedRow row;
    private final Map<String, String> env;
    private final ConnectionSeal seal = new ConnectionSeal("unsubscribe-sync team connection v1");

    public TeamConnection(SealedRow row, Map<String, String> env) {
        this.row = row;
        this.env = env;
    }

    private SecretKey key() {
        return TeamKey.from(env).orElseThrow(() -> new InvalidInputException(TeamKey.missing()));
    }

    @Override
    public void readyToSave() {
        key();
    }

    @Override
    public void save(SavedConnection connection) {
        SecretKey key = key();
        try {
            row.write(Base64.getEncoder().encodeToString(seal.seal(connection, key)));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(
                    "the team's Salesforce connection could not be sealed ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }

    @Override
    public Optional<SavedConnection> load() {
        Optional<String> sealed = row.read();
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        SecretKey key = key();
        try {
            return Optional.of(seal.open(Base64.getDecoder().decode(sealed.get()), key, TeamConnection::unreadable));
        } catch (AEADBadTagException e) {
            throw new InvalidInputException(WRONG_KEY);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            if (e instanceof InvalidInputException said) {
                throw said;
            }
            throw unreadable("it is damaged (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static InvalidInputException unreadable(String why) {
        return new InvalidInputException("the team's Salesforce connection in the store cannot be read: " + why
                + " — connect again with 'connect' from one node");
    }

    @Override
    public boolean saved() {
        return row.read().isPresent();
    }

    @Override
    public boolean forget() {
        return row.delete();
    }

    @Override
    public boolean team() {
        return true;
    }
}
