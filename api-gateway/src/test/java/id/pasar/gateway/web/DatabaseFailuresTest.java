package id.pasar.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures are the database being out of reach (503), and which are not (the usual
 * mapping or 500).
 */
class DatabaseFailuresTest {

    @Test
    void aLostOrRefusedConnectionIsTheDatabaseBeingOutOfReach() {
        assertThat(DatabaseFailures.isUnreachable(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out after 3000ms"))))
            .isTrue();
        assertThat(DatabaseFailures.isUnreachable(new JpaSystemException(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01")))))
            .isTrue();
        assertThat(
                DatabaseFailures.isUnreachable(new RuntimeException(new SQLException("Connection refused", "08001"))))
            .isTrue();
        // Seen when the server stopped under a running transaction: the rollback found
        // the connection gone.
        assertThat(DatabaseFailures
            .isUnreachable(new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                    new SQLException("Connection is closed")))))
            .isTrue();
        assertThat(DatabaseFailures.isUnreachable(
                new TransactionSystemException("Could not commit", new SQLException("Connection is closed"))))
            .isTrue();
    }

    @Test
    void aStatementTheDatabaseRefusedIsNot() {
        assertThat(DatabaseFailures.isUnreachable(
                new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
            .isFalse();
        assertThat(DatabaseFailures.isUnreachable(
                new TransactionSystemException("Could not commit", new SQLException("deferred constraint", "23503"))))
            .isFalse();
        assertThat(DatabaseFailures.isUnreachable(new SQLException("no state, outside a commit"))).isFalse();
        assertThat(DatabaseFailures.isUnreachable(new IllegalStateException("a bug"))).isFalse();
    }

}
