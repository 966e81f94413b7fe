package id.pasar.gateway.database;

import id.pasar.gateway.database.ReadReplicas.Replica;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's {@code DataSource} when read replicas are configured: the primary's
 * pool, except that a connection taken during an anonymous catalog read
 * ({@link AnonymousCatalogReads}) comes from a replica that is at most the bound behind
 * the primary, when one is (none once the replicas are closed). The decision is made at
 * each borrow, so a replica that falls behind stops serving at the next statement.
 * Unwraps to the primary's {@code HikariDataSource} for Spring Boot's pool metrics and
 * the migrations.
 */
@Slf4j
final class ReadRoutingDataSource extends DelegatingDataSource {

    private volatile ReadReplicas replicas;

    ReadRoutingDataSource(DataSource primary) {
        super(primary);
    }

    /** From now on anonymous catalog reads may go to these replicas. */
    void attach(ReadReplicas replicas) {
        this.replicas = replicas;
    }

    @Override
    public Connection getConnection() throws SQLException {
        AnonymousCatalogReads.Route route = AnonymousCatalogReads.current();
        ReadReplicas attached = replicas;
        if (route == null || attached == null) {
            return obtainTargetDataSource().getConnection();
        }
        Replica replica = attached.freshReplica(route.replica);
        if (replica != null) {
            try {
                Connection connection = replica.pool.getConnection();
                route.replica = replica;
                attached.servedByReplicas.increment();
                return connection;
            }
            catch (SQLException e) {
                replica.unreachable(e);
                log.warn("Read replica {} ({}) gave no connection, reading from the primary: {}", replica.index,
                        replica.url, e.getMessage());
            }
        }
        route.replica = null;
        attached.servedByPrimary.increment();
        return obtainTargetDataSource().getConnection();
    }

}
