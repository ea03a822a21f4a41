package com.unsubscribesync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettledConnectionsTest {
    private JdbcConnectionPool pool;

    @BeforeEach
    void onePooledConnection() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:settled-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        pool = JdbcConnectionPool.create(new SettledConnections(h2));
        // One session, so that each test's second borrower gets the first one's.
        pool.setMaxConnections(1);
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE clicks (email VARCHAR(100) PRIMARY KEY)");
        }
    }

    @AfterEach
    void dispose() {
        pool.dispose();
    }

    @Test
    void aTransactionLeftOpenIsRolledBackWhenTheConnectionIsReturned() throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO clicks VALUES ('left-open@example.com')");
        }

        try (Connection next = pool.getConnection()) {
            assertThat(next.getAutoCommit()).isTrue();
            assertThat(count(next)).isZero();
        }
    }

    @Test
    void aCommittedTransactionStaysAndTheNextBorrowerStartsInAutoCommit() throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO clicks VALUES ('kept@example.com')");
            connection.commit();
        }

        try (Connection next = pool.getConnection()) {
            assertThat(next.getAutoCommit()).isTrue();
            assertThat(count(next)).isEqualTo(1);
        }
    }

    @Test
    void workAfterACommitIsNotCommittedByTheReturn() throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO clicks VALUES ('first@example.com')");
            connection.commit();
            connection.setAutoCommit(false);
            statement.execute("INSERT INTO clicks VALUES ('after@example.com')");
        }

        try (Connection next = pool.getConnection()) {
            assertThat(count(next)).isEqualTo(1);
        }
    }

    @Test
    void aReturnedConnectionRefusesFurtherUse() throws SQLException {
        Connection connection = pool.getConnection();
        connection.close();
        connection.close();

        assertThat(connection.isClosed()).isTrue();
        assertThatThrownBy(connection::createStatement).isInstanceOf(SQLException.class);
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM clicks")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
