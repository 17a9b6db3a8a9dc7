package org.entente.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.entente.db.tenancy.TenantNotActiveException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures count as "the database is temporarily unavailable" (the rest stay unexpected errors). */
class DatabaseUnavailableTest {

    @Test
    void anOutageIsRecognisedHoweverItIsWrapped() {
        assertThat(DatabaseUnavailable.explains(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("entente-app - Connection is not available")))).isTrue();
        assertThat(DatabaseUnavailable.explains(new IllegalStateException("statement failed",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.explains(new SQLException("Connection refused", "08001"))).isTrue();

        // A failed commit followed by a failed rollback: the outage is in the commit's failure.
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new IllegalStateException("commit failed",
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertThat(DatabaseUnavailable.explains(rollback)).isTrue();

        // The commit itself failed (a statement before it, such as the change announcement, lost the server), then
        // the rollback on the connection the pool had closed: Spring keeps only the rollback's failure.
        assertThat(DatabaseUnavailable.explains(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void otherFailuresAreNotMistakenForAnOutage() {
        // A suspended organization also arrives as "could not open a transaction".
        assertThat(DatabaseUnavailable.explains(new CannotCreateTransactionException("Could not open JDBC Connection",
                new TenantNotActiveException(UUID.randomUUID(), "SUSPENDED")))).isFalse();
        assertThat(DatabaseUnavailable.explains(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.explains(new TransactionSystemException("JDBC commit failed",
                new SQLException("could not serialize access", "40001")))).isFalse();
        assertThat(DatabaseUnavailable.explains(new IllegalArgumentException("bad input"))).isFalse();
        assertThat(DatabaseUnavailable.explains(null)).isFalse();
    }
}
