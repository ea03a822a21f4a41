package com.unsubscribesync.store;

import com.unsubscribesync.domain.InvalidInputException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Opens the pool of a database named by a JDBC URL, and says in one line why it could not (ADR 0055). */
final class StoreUrl {
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("[?&;:]password=", Pattern.CASE_INSENSITIVE);

    private StoreUrl() {}

    @FunctionalInterface
    interface Opened {
        Database over(HikariDataSource pool, SqlDialect dialect) throws SQLException;
    }

    /** @param schema the one schema its connections see, instead of the user's default */
    static Database open(String url, Optional<String> password, PoolSize size, Optional<String> schema, Opened opened) {
        if (holdsPassword(url)) {
            throw new InvalidInputException("the store URL must not hold the database password: remove it from the "
                    + "URL and put it in the environment variable UNSUBSCRIBE_SYNC_STORE_PASSWORD");
        }
        SqlDialect dialect = dialect(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        password.ifPresent(config::setPassword);
        schema.ifPresent(config::setSchema);
        config.setMaximumPoolSize(size.most());
        config.setMinimumIdle(size.idle());
        config.setPoolName("store");
        // One attempt at start: an unreachable database is said at once, not after a pool's patience.
        config.setInitializationFailTimeout(1);
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(config);
            return opened.over(pool, dialect);
        } catch (SQLException e) {
            pool.close();
            throw new StoreException(
                    "The store " + shown(url) + " was reached but its tables could not be brought " + "up to date: "
                            + reason(e, password),
                    e);
        } catch (HikariPool.PoolInitializationException e) {
            throw new InvalidInputException("could not open the store " + shown(url) + ": " + reason(e, password)
                    + "; check the URL, that the database runs and takes connections, and the user and "
                    + "UNSUBSCRIBE_SYNC_STORE_PASSWORD");
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw e;
        }
    }

    static boolean holdsPassword(String url) {
        return PASSWORD_IN_URL.matcher(url).find();
    }

    private static SqlDialect dialect(String url) {
        try {
            return SqlDialect.of(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("the store URL " + shown(url) + " is not one this app can use: give "
                    + "jdbc:postgresql://HOST[:PORT]/DATABASE?user=USER (PostgreSQL 14 or newer) or a jdbc:h2: URL");
        }
    }

    /** The URL as said back: its query parameters may hold TLS key paths, never worth repeating in an error. */
    static String shown(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** The messages of the failure and its causes, distinct, with the password blotted should a driver repeat it. */
    private static String reason(Exception failure, Optional<String> password) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable cause = failure; cause != null && messages.size() < 3; cause = cause.getCause()) {
            if (cause.getMessage() != null && !(cause instanceof HikariPool.PoolInitializationException)) {
                messages.add(cause.getMessage().lines().findFirst().orElse("").strip());
            }
        }
        String said = messages.isEmpty() ? failure.getClass().getSimpleName() : String.join(": ", messages);
        if (password.isPresent() && !password.get().isEmpty()) {
            said = said.replace(password.get(), "***");
        }
        return said.endsWith(".") ? said.substring(0, said.length() - 1) : said;
    }
}
