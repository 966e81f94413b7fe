package id.pasar.gateway.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import lombok.extern.slf4j.Slf4j;

/**
 * A PostgreSQL 17 server run by the application itself from the zonky binaries, its data
 * kept in {@code <data dir>/postgres} across restarts
 * (docs/adr/0001-embedded-database-by-default.md).
 */
@Slf4j
final class EmbeddedDatabase {

    static final String DATABASE = "pasar";

    /** The server's superuser, which owns the schemas and migrates them. */
    static final String OWNER = "postgres";

    /**
     * The application's account: the role {@code pasar_app}, which migrations grant what
     * the application may do.
     */
    static final String APP_USER = "pasar_app";

    private final EmbeddedPostgres postgres;

    private final Path directory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    /**
     * Starts the server of {@code <dataDir>/postgres}, or adopts the one a killed JVM
     * left running on it, and makes sure that the server it connects to keeps its data
     * there.
     * @param preferredPort the port of a server started here, when it is free; otherwise
     * a free one
     */
    static EmbeddedDatabase start(Path dataDir, int preferredPort, String sharedBuffers) {
        Path directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
        long started = System.nanoTime();
        try {
            Files.createDirectories(directory);
            Optional<PostmasterRecord> left = PostmasterRecord.liveIn(directory);
            int port = left.isPresent() ? left.get().port() : portFor(directory, preferredPort);
            EmbeddedPostgres postgres = startServer(directory, port, sharedBuffers);
            refuseAServerOfAnotherDirectory(postgres, directory, left);
            left.ifPresent(server -> log
                .info("Using the server that {} in {} names (pid {}, port {}), left running by a "
                        + "JVM killed before it stopped it: pg_ctl's \"lock file already exists\" above says just that",
                        PostmasterRecord.FILE, directory, server.pid(), server.port()));
            createDatabaseIfMissing(postgres);
            createAppAccountIfMissing(postgres);
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, directory);
            log.info("Embedded PostgreSQL ready in {} ms; data in {}; JDBC URL {}",
                    (System.nanoTime() - started) / 1_000_000, directory, database.jdbcUrl());
            return database;
        }
        catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start (data directory " + directory
                    + recordedServer(directory) + ")", e);
        }
    }

    private static EmbeddedPostgres startServer(Path directory, int port, String sharedBuffers) throws IOException {
        try {
            return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // The application stops it after the connection pool has closed; a JVM
                // hook would race the pool.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("shared_buffers", sharedBuffers)
                // zonky starts its servers for tests: fsync off (-F) and asynchronous
                // commits. This one keeps the application's data, so a commit is on disk
                // before it is answered and a power cut cannot damage it.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        }
        catch (IllegalStateException e) {
            // zonky locks <directory>/epg-lock for the life of its server: held by
            // another JVM, or by this one (overlap).
            if (e instanceof OverlappingFileLockException
                    || String.valueOf(e.getMessage()).startsWith("could not lock")) {
                throw new IllegalStateException(("The data directory %s is in use by another running instance of the "
                        + "application (it holds the lock on %s): give each instance a MARKETPLACE_DATA_DIR of its own.")
                    .formatted(directory.getParent(), directory.resolve("epg-lock")), e);
            }
            throw e;
        }
    }

    /**
     * For a server that did not answer: the one its record names, which may be what did
     * not answer.
     */
    private static String recordedServer(Path directory) {
        try {
            return PostmasterRecord.liveIn(directory)
                .map(record -> "; its " + PostmasterRecord.FILE + " names the running " + "pid " + record.pid()
                        + " on port " + record.port())
                .orElse("");
        }
        catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The preferred port if nothing listens on it, else a free one: another data
     * directory's server (another instance on this machine) may hold it. The server
     * records its port in {@code postmaster.pid}, where the next start after a
     * {@code kill -9} finds it.
     */
    private static int portFor(Path directory, int preferred) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(loopback, preferred));
            return preferred;
        }
        catch (IOException taken) {
            try (ServerSocket free = new ServerSocket(0, 1, loopback)) {
                int port = free.getLocalPort();
                log.warn(
                        "Port {} is taken ({}): the embedded PostgreSQL of {} listens on port {} instead. Set "
                                + "pasar.embedded-database-port to give each data directory a port of its own.",
                        preferred, dataDirectoryOn(preferred).map(held -> "by the embedded PostgreSQL of " + held)
                            .orElse("by another process"),
                        directory, port);
                return port;
            }
        }
    }

    /**
     * The application must never answer from a database that is not its data directory's:
     * the server that answered on the port (zonky waits for any) must be the one keeping
     * its data there. The postmaster of this directory may not have started at all (the
     * port taken in the meantime), or {@code postmaster.pid} named a port that another
     * directory's server holds.
     */
    private static void refuseAServerOfAnotherDirectory(EmbeddedPostgres postgres, Path directory,
            Optional<PostmasterRecord> left) throws IOException {
        String served;
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            served = dataDirectoryOf(connection);
        }
        catch (SQLException e) {
            throw new IOException("could not ask the server on port " + postgres.getPort() + " for its data directory",
                    e);
        }
        if (sameDirectory(served, directory)) {
            return;
        }
        Optional<PostmasterRecord> now = PostmasterRecord.liveIn(directory);
        if (now.isPresent() && !now.equals(left)) {
            // this directory's own server did start, on an address the other one left
            // free
            postgres.close();
        }
        String why = left.isPresent()
                ? ("%s in %s names pid %d on port %d, and that port is served from %s: the directory is a copy of a "
                        + "running one, or the file was left by a crash and its pid and port have since been taken. If no "
                        + "PostgreSQL runs on %s, delete its %s and start again.")
                    .formatted(PostmasterRecord.FILE, directory, left.get().pid(), left.get().port(), served, directory,
                            PostmasterRecord.FILE)
                : ("Port %d was free a moment ago and was taken while this server started (two instances starting at "
                        + "once?): start again, or give each data directory a pasar.embedded-database-port of its own.")
                    .formatted(postgres.getPort());
        throw new IllegalStateException(("The PostgreSQL on port %d keeps its data in %s, not in %s: the application "
                + "would answer from another data directory's database, so it does not start. %s")
            .formatted(postgres.getPort(), served, directory, why));
    }

    private static boolean sameDirectory(String served, Path directory) {
        try {
            return Path.of(served).toRealPath().equals(directory.toRealPath());
        }
        catch (IOException e) {
            return Path.of(served).toAbsolutePath().normalize().equals(directory);
        }
    }

    /**
     * The data directory of the embedded-style server (trusting local connections) on a
     * port, if that is what listens.
     */
    private static Optional<String> dataDirectoryOn(int port) {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=" + OWNER
                + "&connectTimeout=2&socketTimeout=2&loginTimeout=2";
        try (Connection connection = DriverManager.getConnection(url)) {
            return Optional.of(dataDirectoryOf(connection));
        }
        catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static String dataDirectoryOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW data_directory")) {
            result.next();
            return result.getString(1);
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
        }
        catch (SQLException e) {
            throw new IOException("could not create the database " + DATABASE, e);
        }
    }

    /**
     * The application's login: the role {@code pasar_app} itself, with no password (the
     * embedded server trusts local connections, ADR 0001). Migrations create the role
     * elsewhere, where it cannot log in; here it can.
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
        }
        catch (SQLException e) {
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
        }
        catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

}
