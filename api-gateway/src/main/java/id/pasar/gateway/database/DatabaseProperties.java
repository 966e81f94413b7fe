package id.pasar.gateway.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database owner's account ({@code pasar.database.*}, from
 * {@code MARKETPLACE_DB_OWNER_*}), used only to migrate, against the server
 * {@code spring.datasource.url} names. The application's own queries run as
 * {@code spring.datasource.username}, an account holding the role {@code pasar_app}
 * (docs/adr/0009-application-database-role.md). On the embedded default the application
 * sets up both accounts itself and these settings are not read.
 *
 * @param ownerUsername the account that owns the schemas; empty: migrate with the
 * application's account (one account for both, with a warning)
 * @param ownerPassword its password
 * @param migrate whether this start migrates ({@code MARKETPLACE_DB_MIGRATE}); false
 * where a release's migration job did it once for every instance (deploy/k8s, ADR 0034):
 * the instance then needs no owner account, and Hibernate still validates its mapping
 * against the tables
 */
@ConfigurationProperties("pasar.database")
public record DatabaseProperties(String ownerUsername, String ownerPassword, @DefaultValue("true") boolean migrate) {
}
