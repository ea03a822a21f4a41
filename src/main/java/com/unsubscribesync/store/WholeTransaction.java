package com.unsubscribesync.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

/**
 * The connection a transaction's work is given: it refuses to commit, roll back or change the transaction's mode,
 * so that the work is committed whole or not at all and {@link Database#inTransaction} may run it again.
 */
final class WholeTransaction {
    private static final Set<String> REFUSED = Set.of("commit", "setAutoCommit", "close");

    private WholeTransaction() {}

    static Connection of(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    boolean wholeRollback = method.getName().equals("rollback") && method.getParameterCount() == 0;
                    if (wholeRollback || REFUSED.contains(method.getName())) {
                        throw new IllegalStateException("Work run in a transaction may not call " + method.getName()
                                + ": the transaction commits it whole, and may run it again after a deadlock");
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
