package id.pasar.gateway.database;

import javax.sql.DataSource;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.StringUtils;

/**
 * Migrates every module schema before JPA starts (JPA validates the mapping against the
 * tables), as the database owner; the application's pool connects as an account holding
 * the role {@code pasar_app}, which may not rewrite the insert-only tables
 * (docs/adr/0009-application-database-role.md).
 */
@Slf4j
@Configuration(proxyBeanMethods = false)
@Import(DatabaseConfiguration.JpaWaitsForMigrations.class)
class DatabaseConfiguration {

    static final String MIGRATIONS = "moduleMigrations";

    @Bean(MIGRATIONS)
    ModuleMigrations moduleMigrations(DataSource dataSource, ObjectProvider<EmbeddedDatabase> embedded,
            DatabaseProperties properties, Environment environment) {
        if (!properties.migrate()) {
            log.info("Not migrating (MARKETPLACE_DB_MIGRATE=false): the release's migration job did; Hibernate "
                    + "validates the mapping against the tables");
            Boolean migrated = new JdbcTemplate(dataSource)
                .queryForObject("SELECT to_regclass('compliance.decisions') IS NOT NULL", Boolean.class);
            if (!Boolean.TRUE.equals(migrated)) {
                throw new IllegalStateException("MARKETPLACE_DB_MIGRATE=false and the database has no schema yet: "
                        + "run the release's migration job first (deploy/k8s/README.md)");
            }
            warnIfTheApplicationMayRewriteTheDecisionLog(dataSource);
            return ModuleMigrations.leftToTheRelease();
        }
        EmbeddedDatabase embeddedDatabase = embedded.getIfAvailable();
        DataSource owner = embeddedDatabase != null ? embeddedDatabase.ownerDataSource()
                : ownerOfConfiguredDatabase(dataSource, properties, environment);
        ModuleMigrations migrations = new ModuleMigrations(owner);
        warnIfTheApplicationMayRewriteTheDecisionLog(dataSource);
        return migrations;
    }

    private static DataSource ownerOfConfiguredDatabase(DataSource dataSource, DatabaseProperties properties,
            Environment environment) {
        String appUser = environment.getProperty("spring.datasource.username");
        if (!StringUtils.hasText(properties.ownerUsername()) || properties.ownerUsername().equals(appUser)) {
            log.warn(
                    "One database account ({}) both migrates and runs the application: set MARKETPLACE_DB_OWNER_USERNAME "
                            + "and MARKETPLACE_DB_OWNER_PASSWORD to the owner and SPRING_DATASOURCE_USERNAME to an account with the "
                            + "role pasar_app (docs/reliability.md)",
                    appUser);
            return dataSource;
        }
        log.info("Migrating as the database owner {}; the application connects as {}", properties.ownerUsername(),
                appUser);
        return new DriverManagerDataSource(environment.getRequiredProperty("spring.datasource.url"),
                properties.ownerUsername(), properties.ownerPassword() == null ? "" : properties.ownerPassword());
    }

    /**
     * The triggers still guard the log then, but a single account could drop them: say
     * so, loudly, at every start.
     */
    private static void warnIfTheApplicationMayRewriteTheDecisionLog(DataSource dataSource) {
        Boolean mayRewrite = new JdbcTemplate(dataSource).queryForObject("""
                SELECT has_table_privilege('compliance.decisions', 'UPDATE')
                    OR has_table_privilege('compliance.decisions', 'DELETE')
                    OR has_table_privilege('compliance.decisions', 'TRUNCATE')""", Boolean.class);
        if (Boolean.TRUE.equals(mayRewrite)) {
            log.warn("The application's database account may UPDATE, DELETE or TRUNCATE compliance.decisions: only the "
                    + "triggers guard the decision log. Run the application as an account with the role pasar_app only.");
        }
    }

    static class JpaWaitsForMigrations extends EntityManagerFactoryDependsOnPostProcessor {

        JpaWaitsForMigrations() {
            super(MIGRATIONS);
        }

    }

}
