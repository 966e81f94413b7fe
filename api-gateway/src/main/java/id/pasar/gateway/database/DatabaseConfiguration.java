package id.pasar.gateway.database;

import javax.sql.DataSource;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Migrates every module schema before JPA starts (JPA validates the mapping against the tables). */
@Configuration(proxyBeanMethods = false)
@Import(DatabaseConfiguration.JpaWaitsForMigrations.class)
class DatabaseConfiguration {

    static final String MIGRATIONS = "moduleMigrations";

    @Bean(MIGRATIONS)
    ModuleMigrations moduleMigrations(DataSource dataSource) {
        return new ModuleMigrations(dataSource);
    }

    static class JpaWaitsForMigrations extends EntityManagerFactoryDependsOnPostProcessor {
        JpaWaitsForMigrations() {
            super(MIGRATIONS);
        }
    }
}
