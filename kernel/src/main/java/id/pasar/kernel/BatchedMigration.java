package id.pasar.kernel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway migration that fills a large table in bounded batches, each committed on its
 * own, so that no transaction holds a million rows' locks and WAL at once: it calls a SQL
 * function {@code f(after uuid, batch integer) RETURNS uuid} of the schema (the last key
 * it processed, null when nothing was left) until it returns null. The function is the
 * one mechanism: a benchmark times it by calling it the same way.
 */
public abstract class BatchedMigration extends BaseJavaMigration {

    /** Flyway's own log, which goes where the application's goes. */
    private static final Log log = LogFactory.getLog(BatchedMigration.class);

    private final String function;

    private final int batch;

    protected BatchedMigration(String function, int batch) {
        this.function = function;
        this.batch = batch;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        run(context.getConnection(), function, batch);
    }

    /**
     * Calls {@code function} batch after batch, committing each.
     * @return how many batches it took
     */
    public static int run(Connection connection, String function, int batch) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        long started = System.nanoTime();
        int batches = 0;
        try (PreparedStatement next = connection.prepareStatement("SELECT " + function + "(?, ?)")) {
            UUID after = null;
            do {
                next.setObject(1, after);
                next.setInt(2, batch);
                try (ResultSet result = next.executeQuery()) {
                    result.next();
                    after = result.getObject(1, UUID.class);
                }
                batches++;
            }
            while (after != null);
        }
        finally {
            connection.setAutoCommit(autoCommit);
        }
        log.info(function + ": " + batches + " batches of up to " + batch + " in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return batches;
    }

}
