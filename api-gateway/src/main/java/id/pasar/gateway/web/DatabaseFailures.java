package id.pasar.gateway.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached (down, restarting, out of
 * connections) rather than that the request or the code is wrong: the client gets a 503
 * to retry, not a 500.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnreachable(Throwable failure) {
        boolean endingTransaction = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // A commit or rollback that fails on the connection itself ("Connection is
            // closed" from the pool, no SQLSTATE): the connection died under the
            // transaction, which then failed and was rolled back by the server. The
            // statement's own error was lost on the way.
            endingTransaction |= t instanceof TransactionSystemException || t instanceof TransactionException;
            if (endingTransaction && t instanceof SQLException sql && sql.getSQLState() == null) {
                return true;
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && (isServerDownState(sql.getSQLState()) || "53300".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database server itself cannot be reached (a refused connection, a
     * connection exception, a server shutting down), as opposed to a pool with no free
     * connection or a server with no free slot: Hikari's pool timeout carries the last
     * connection failure as its cause only when connecting failed.
     */
    public static boolean isServerDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof SQLException sql && isServerDownState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and 57P01-57P03 (the server is shutting
     * down, crashed or not yet accepting connections); 53300 (too many connections) is
     * unreachable for a request, but the server is up.
     */
    private static boolean isServerDownState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

}
