package org.entente.platform.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database outage (PostgreSQL stopped, restarting or unreachable) from other failures, so
 * pages and actions can say "try again in a moment" instead of showing an error. The pool reconnects
 * by itself once the server is back; nothing else needs restarting.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything that caused it, says the database cannot be reached. */
    public static boolean explains(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Not CannotCreateTransactionException itself: it also wraps refusals such as a suspended tenant.
            if (cause instanceof SQLTransientConnectionException // the pool gave up waiting for a connection
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && outage(sql.getSQLState())) {
                return true;
            }
            // The transaction manager could not finish on a connection the pool had already closed as broken
            // (a failed commit, then a failed rollback: "Connection is closed", no SQLSTATE). A commit refused by
            // PostgreSQL itself (a constraint, a serialization failure) always carries a state.
            if (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException sql
                    && sql.getSQLState() == null) {
                return true;
            }
            // A failed rollback after a failed statement hides the statement's failure outside the cause chain.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && rollback.getApplicationException() != failure
                    && explains(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * 08: connection exceptions (refused, broken, closed). 57P01-57P03: the server is shutting down,
     * crashed, or not yet accepting connections.
     */
    private static boolean outage(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
