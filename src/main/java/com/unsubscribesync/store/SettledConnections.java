package com.unsubscribesync.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;
import org.h2.jdbc.JdbcConnection;

/**
 * H2's pooled connections, rolled back on their return only when the borrower left a transaction open.
 *
 * <p>H2's own pooled connection rolls its session back each time it is taken from the pool and again when it is
 * returned. In H2 a rollback always ends a transaction as a change does, and with {@code WRITE_DELAY=0} that writes
 * every page any session has changed to the file: on a busy store each read wrote the pages another session was in
 * the middle of changing, which that session then wrote again at its commit (a quarter of the processor during a
 * burst of clicks). Here a connection handed out is one H2 handle kept for the pooled connection's life, and it is
 * rolled back on its return only when its session holds changes no one committed.
 */
final class SettledConnections implements ConnectionPoolDataSource {
    private final ConnectionPoolDataSource h2;

    SettledConnections(ConnectionPoolDataSource h2) {
        this.h2 = h2;
    }

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        return new Pooled(h2::getPooledConnection);
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        return new Pooled(() -> h2.getPooledConnection(user, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return h2.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        h2.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        h2.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return h2.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return h2.getParentLogger();
    }

    /** Opens one of H2's pooled connections. */
    @FunctionalInterface
    private interface Opener {
        PooledConnection open() throws SQLException;
    }

    /** One H2 session, lent out as one handle at a time; made again when it was closed. */
    private static final class Pooled implements PooledConnection {
        private final Opener opener;
        private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
        private PooledConnection h2;
        private Connection session;

        Pooled(Opener opener) throws SQLException {
            this.opener = opener;
            this.h2 = opener.open();
            this.session = h2.getConnection();
        }

        @Override
        public synchronized Connection getConnection() throws SQLException {
            if (session.isClosed()) {
                h2.close();
                h2 = opener.open();
                session = h2.getConnection();
            }
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, new Handle(session));
        }

        private synchronized void returned() throws SQLException {
            try {
                if (!session.getAutoCommit()) {
                    if (session.unwrap(JdbcConnection.class).getSession().hasPendingTransaction()) {
                        session.rollback();
                    }
                    // Commits what is left: a transaction that only read.
                    session.setAutoCommit(true);
                }
            } catch (SQLException e) {
                // Not lent again half-finished: closed, it is made again when next taken.
                session.close();
                throw e;
            } finally {
                ConnectionEvent event = new ConnectionEvent(this);
                listeners.forEach(listener -> listener.connectionClosed(event));
            }
        }

        @Override
        public synchronized void close() throws SQLException {
            try {
                session.close();
            } finally {
                h2.close();
            }
        }

        @Override
        public void addConnectionEventListener(ConnectionEventListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeConnectionEventListener(ConnectionEventListener listener) {
            listeners.remove(listener);
        }

        @Override
        public void addStatementEventListener(StatementEventListener listener) {
            // H2 raises no statement events.
        }

        @Override
        public void removeStatementEventListener(StatementEventListener listener) {
            // H2 raises no statement events.
        }

        /** The borrower's view of the session: closing it returns the session to the pool. */
        private final class Handle implements InvocationHandler {
            private final Connection lent;
            private boolean closed;

            Handle(Connection lent) {
                this.lent = lent;
            }

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                String name = method.getName();
                if (name.equals("close")) {
                    if (!closed) {
                        closed = true;
                        returned();
                    }
                    return null;
                }
                if (name.equals("isClosed")) {
                    return closed || lent.isClosed();
                }
                if (closed) {
                    throw new SQLException("The connection was returned to the pool", "08003");
                }
                try {
                    return method.invoke(lent, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
    }
}
