package id.pasar.gateway.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL primary and a real streaming replica of it, both from the embedded
 * binaries (which have initdb, pg_ctl and postgres, but no pg_basebackup), for the tests
 * of ADR 0033. The replica is made as an operator makes one by hand: a physical
 * replication slot so that the primary keeps the WAL the replica will ask for,
 * {@code pg_backup_start}, a copy of the data directory while the primary runs,
 * {@code pg_backup_stop} (whose label goes into the copy as {@code backup_label}), then
 * {@code standby.signal} and {@code primary_conninfo}. The replica logs every statement
 * ({@code log_statement = all}) to {@link #replicaLog()}, so a test can tell which server
 * answered a query; {@link #logStatementsOnPrimary()} does the same for the primary, from
 * then on.
 */
final class StreamingReplica implements AutoCloseable {

    static final String DATABASE = "pasar";

    static final String SUPERUSER = "postgres";

    private static final String SLOT = "pasar_replica";

    /** Files that belong to the running primary, not to a copy of its data. */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    /** Directories whose contents the replica must not start with. */
    private static final Set<String> COPIED_EMPTY = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp");

    private final Path root;

    private final EmbeddedPostgres primary;

    private final EmbeddedPostgres replica;

    private final List<Long> postmasterPids = new ArrayList<>();

    private StreamingReplica(Path root, EmbeddedPostgres primary, EmbeddedPostgres replica) throws IOException {
        this.root = root;
        this.primary = primary;
        this.replica = replica;
        for (String server : List.of("primary", "replica")) {
            postmasterPids
                .add(Long.parseLong(Files.readAllLines(root.resolve(server).resolve("postmaster.pid")).get(0)));
        }
    }

    /**
     * @param appUser a login made on the primary (and so on the replica), with
     * {@code appPassword}
     */
    static StreamingReplica start(String appUser, String appPassword) {
        Path root = null;
        EmbeddedPostgres primary = null;
        try {
            root = Files.createTempDirectory("pasar-replica");
            primary = server(root, "primary", true).start();
            try (Connection connection = primary.getPostgresDatabase().getConnection();
                    Statement sql = connection.createStatement()) {
                sql.execute("CREATE DATABASE " + DATABASE);
                sql.execute("CREATE ROLE " + appUser + " LOGIN PASSWORD '" + appPassword + "'");
            }
            baseBackup(primary, root.resolve("primary"), root.resolve("replica"));
            Files.writeString(root.resolve("replica").resolve("standby.signal"), "");
            Files.writeString(root.resolve("replica").resolve("postgresql.auto.conf"),
                    "primary_conninfo = 'host=localhost port=%d user=%s application_name=%s'\nprimary_slot_name = '%s'\n"
                        .formatted(primary.getPort(), SUPERUSER, SLOT, SLOT),
                    StandardOpenOption.APPEND);
            EmbeddedPostgres replica = server(root, "replica", false).setServerConfig("log_statement", "all").start();
            return new StreamingReplica(root, primary, replica);
        }
        catch (IOException | SQLException | RuntimeException e) {
            if (primary != null) {
                try {
                    primary.close();
                }
                catch (IOException stopping) {
                    e.addSuppressed(stopping);
                }
            }
            if (root != null) {
                FileSystemUtils.deleteRecursively(root.toFile());
            }
            throw new IllegalStateException("could not start a primary with a streaming replica", e);
        }
    }

    private static EmbeddedPostgres.Builder server(Path root, String name, boolean initdb) {
        Redirect log = Redirect.appendTo(root.resolve(name + ".log").toFile());
        return EmbeddedPostgres.builder()
            .setDataDirectory(root.resolve(name))
            .setCleanDataDirectory(initdb)
            .setRegisterShutdownHook(true)
            .setOutputRedirector(log)
            .setErrorRedirector(log)
            // a hot standby needs at least the primary's max_connections
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", "off")
            .setServerConfig("full_page_writes", "on");
    }

    /**
     * A copy of the running primary's data directory that a replica can start from: what
     * pg_basebackup does, by hand.
     */
    private static void baseBackup(EmbeddedPostgres primary, Path from, Path to) throws SQLException, IOException {
        try (Connection connection = primary.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            // the slot keeps the WAL from here on until the replica has streamed it
            sql.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
            sql.execute("SELECT pg_backup_start('pasar-replica', true)");
            copy(from, to);
            try (ResultSet stop = sql.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(to.resolve("backup_label"), stop.getString(1));
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                Path target = to.resolve(from.relativize(directory).toString());
                Files.createDirectories(target);
                // PostgreSQL refuses a data directory that others may read
                Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(directory));
                if (COPIED_EMPTY.contains(from.relativize(directory).toString())) {
                    if (directory.endsWith("pg_wal")) {
                        Files.createDirectories(target.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String relative = from.relativize(file).toString();
                if (!NOT_COPIED.contains(relative)) {
                    try {
                        Files.copy(file, to.resolve(relative), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    catch (NoSuchFileException removedMeanwhile) {
                        // a temporary file of the running server: not needed
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    String primaryUrl() {
        return "jdbc:postgresql://localhost:" + primary.getPort() + "/" + DATABASE;
    }

    String replicaUrl() {
        return "jdbc:postgresql://localhost:" + replica.getPort() + "/" + DATABASE;
    }

    /**
     * A connection as the superuser whose own statements stay out of the server's log
     * (they would name the listings the test looks at).
     */
    Connection connectToPrimary() throws SQLException {
        return unlogged(DriverManager.getConnection(primaryUrl(), SUPERUSER, ""));
    }

    /** As {@link #connectToPrimary()}, to the replica. */
    Connection connectToReplica() throws SQLException {
        return unlogged(DriverManager.getConnection(replicaUrl(), SUPERUSER, ""));
    }

    private static Connection unlogged(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET log_statement = 'none'");
        }
        return connection;
    }

    /** Every statement the primary runs from now on goes to {@link #primaryLog()} too. */
    void logStatementsOnPrimary() throws SQLException {
        try (Connection connection = connectToPrimary(); Statement sql = connection.createStatement()) {
            sql.execute("ALTER SYSTEM SET log_statement = 'all'");
            sql.execute("SELECT pg_reload_conf()");
        }
    }

    /**
     * The replica stops applying WAL (it still receives it) until {@link #resumeReplay}.
     */
    void pauseReplay() throws SQLException {
        try (Connection connection = connectToReplica(); Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_wal_replay_pause()");
        }
    }

    void resumeReplay() throws SQLException {
        try (Connection connection = connectToReplica(); Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_wal_replay_resume()");
        }
    }

    /**
     * Whether the replica's replay has stopped (a pause takes effect between records).
     */
    boolean replayPaused() throws SQLException {
        try (Connection connection = connectToReplica();
                Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery("SELECT pg_get_wal_replay_pause_state() = 'paused'")) {
            result.next();
            return result.getBoolean(1);
        }
    }

    String primaryLog() {
        return read(root.resolve("primary.log"));
    }

    String replicaLog() {
        return read(root.resolve("replica.log"));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pids of the primary's and the replica's postmasters. */
    List<Long> postmasterPids() {
        return List.copyOf(postmasterPids);
    }

    /** Stops the replica, then the primary, and deletes both data directories. */
    @Override
    public void close() throws IOException {
        try {
            replica.close();
        }
        finally {
            try {
                primary.close();
            }
            finally {
                FileSystemUtils.deleteRecursively(root.toFile());
            }
        }
    }

}
