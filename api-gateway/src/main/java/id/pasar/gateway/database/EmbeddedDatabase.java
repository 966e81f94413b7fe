package id.pasar.gateway.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import lombok.extern.slf4j.Slf4j;

/**
 * A PostgreSQL 17 server run by the application itself from the zonky binaries, its data kept in
 * {@code <data dir>/postgres} across restarts (docs/adr/0001-embedded-database-by-default.md).
 */
@Slf4j
final class EmbeddedDatabase {

    static final String DATABASE = "pasar";
    /** The server's superuser, which owns the schemas and migrates them. */
    static final String OWNER = "postgres";
    /** The application's account: the role {@code pasar_app}, which migrations grant what the application may do. */
    static final String APP_USER = "pasar_app";

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    static EmbeddedDatabase start(Path dataDir, int port, String sharedBuffers) {
        Path directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
        long started = System.nanoTime();
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // The application stops it after the connection pool has closed; a JVM hook would race the pool.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("shared_buffers", sharedBuffers)
                    // zonky starts its servers for tests: fsync off (-F) and asynchronous commits. This one keeps the
                    // application's data, so a commit is on disk before it is answered and a power cut cannot damage it.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            createDatabaseIfMissing(postgres);
            createAppAccountIfMissing(postgres);
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, directory);
            log.info("Embedded PostgreSQL ready in {} ms; data in {}; JDBC URL {}",
                    (System.nanoTime() - started) / 1_000_000, directory, database.jdbcUrl());
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start (data directory " + directory + ")", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not create the database " + DATABASE, e);
        }
    }

    /**
     * The application's login: the role {@code pasar_app} itself, with no password (the embedded
     * server trusts local connections, ADR 0001). Migrations create the role elsewhere, where it
     * cannot log in; here it can.
     */
    private static void createAppAccountIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$
                    BEGIN
                        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '%s') THEN
                            CREATE ROLE %s LOGIN;
                        END IF;
                    END
                    $$""".formatted(APP_USER, APP_USER));
            statement.execute("ALTER ROLE " + APP_USER + " LOGIN");
        } catch (SQLException e) {
            throw new IOException("could not create the application's account " + APP_USER, e);
        }
    }

    /** The URL the application's pool connects to, as {@link #APP_USER}. */
    String jdbcUrl() {
        return postgres.getJdbcUrl(APP_USER, DATABASE);
    }

    /** Connections as the owner, for migrations only. */
    DataSource ownerDataSource() {
        return postgres.getDatabase(OWNER, DATABASE);
    }

    Path directory() {
        return directory;
    }

    void stop() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL stopped; data kept in {}", directory);
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
