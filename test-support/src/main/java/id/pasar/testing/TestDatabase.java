package id.pasar.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real PostgreSQL 17 of a test JVM: a Testcontainers container where a Docker
 * engine answers, otherwise an embedded server (zonky binaries from Maven Central).
 * Started on first use and stopped when the JVM exits, so every Spring context of the JVM
 * shares it.
 *
 * <p>
 * {@code -Dpasar.test.database=embedded|testcontainers} (or the environment variable
 * {@code PASAR_TEST_DATABASE}) forces one of the two.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);

    private static final String DATABASE = "pasar_test";

    private static final String APP_USER = "pasar_app";

    private static final String APP_PASSWORD = "pasar_app-test-password";

    private static volatile TestDatabase instance;

    private final String kind;

    private final String jdbcUrl;

    private final String username;

    private final String password;

    private TestDatabase(String kind, String jdbcUrl, String username, String password) {
        this.kind = kind;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    public static TestDatabase instance() {
        TestDatabase database = instance;
        if (database == null) {
            synchronized (TestDatabase.class) {
                database = instance;
                if (database == null) {
                    database = start();
                    instance = database;
                }
            }
        }
        return database;
    }

    /** "embedded" or "testcontainers". */
    public String kind() {
        return kind;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * A superuser: tests that must act behind the application's back (tamper with the
     * log) use it.
     */
    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /**
     * The application's account: a login with the role {@code pasar_app}, as an operator
     * creates it (docs/adr/0009-application-database-role.md); migrations, run as
     * {@link #username()}, grant the role what the application may do.
     */
    public String appUsername() {
        return APP_USER;
    }

    public String appPassword() {
        return APP_PASSWORD;
    }

    /**
     * A new connection as the superuser, for tests that inspect or tamper with the
     * database.
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /**
     * A new, empty database on the same server, for a test that needs a world of its own
     * (an application started with other settings that must not see the shared test
     * data).
     */
    public String newDatabase(String name) throws SQLException {
        if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("database names here are lower-case letters, digits and _");
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return jdbcUrl.replace("/" + DATABASE, "/" + name);
    }

    private static TestDatabase start() {
        String forced = System.getProperty("pasar.test.database", System.getenv("PASAR_TEST_DATABASE"));
        boolean docker = forced == null ? dockerAnswers() : "testcontainers".equalsIgnoreCase(forced);
        long started = System.nanoTime();
        TestDatabase database = docker ? startContainer() : startEmbedded();
        database.createAppAccount();
        log.info("Test PostgreSQL ({}) ready in {} ms at {}", database.kind, (System.nanoTime() - started) / 1_000_000,
                database.jdbcUrl);
        return database;
    }

    private void createAppAccount() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not create the application's account", e);
        }
    }

    /**
     * Ask Testcontainers only where a Docker socket could exist: its probe logs an ERROR
     * otherwise.
     */
    private static boolean dockerAnswers() {
        boolean socket = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        try {
            return socket && DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM exits
    private static TestDatabase startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine").withDatabaseName(DATABASE)
            .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=200");
        container.start();
        return new TestDatabase("testcontainers", container.getJdbcUrl(), container.getUsername(),
                container.getPassword());
    }

    private static TestDatabase startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            // No user in the URL: the driver would let it override the account a caller
            // passes.
            return new TestDatabase("embedded", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE,
                    "postgres", "postgres");
        }
        catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not create the test database", e);
        }
    }

}
