package id.pasar.gateway.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import lombok.extern.slf4j.Slf4j;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * One Flyway per module schema, each with its own migrations folder
 * ({@code db/migration/<schema>}) and its own history table inside its schema: module
 * schemas evolve independently, and one shared Flyway over several locations cannot tell
 * their version 1s apart (docs/adr/0003-schema-per-module.md).
 */
@Slf4j
public final class ModuleMigrations {

    /**
     * The schemas in the order they migrate. No schema refers to another with a foreign
     * key.
     */
    public static final List<String> SCHEMAS = List.of("gateway", "compliance", "onboarding", "catalog", "orders",
            "ledger", "webhooks", "media", "social");

    /** Migrates every schema now: the bean exists once the database is up to date. */
    ModuleMigrations(DataSource dataSource) {
        migrate(dataSource);
    }

    private ModuleMigrations() {
    }

    /**
     * None at this start: the release's migration job ran them, as the owner, before any
     * instance of the release started (deploy/k8s, ADR 0034).
     */
    static ModuleMigrations leftToTheRelease() {
        return new ModuleMigrations();
    }

    private static void migrate(DataSource dataSource) {
        for (String schema : SCHEMAS) {
            MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/migration/" + schema)
                .failOnMissingLocations(true)
                // A migration may rewrite a large table: the statement timeout of
                // requests is not for it.
                .initSql("SET statement_timeout = 0")
                .load()
                .migrate();
            log.info("Schema {} at version {} ({} migrations applied now)", schema,
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
        }
        // Flyway's connections came from the pool and keep its "no timeout": replace them
        // with fresh ones (the pool may be wrapped: ReadRoutingDataSource).
        HikariDataSource pool = hikari(dataSource);
        if (pool != null && pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    private static HikariDataSource hikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        }
        catch (SQLException e) {
            return null;
        }
    }

}
