package id.pasar.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.PasarApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one machine, each with its own data directory and the same configured
 * {@code pasar.embedded-database-port}: each answers from the PostgreSQL of its own data
 * directory (ADR 0020), a server left running by a killed JVM is found again by its own
 * directory only, and a data directory serves one instance at a time.
 */
class EmbeddedServerPerDataDirectoryIT {

    private static final String PASSWORD = "each-its-own-database";

    @TempDir
    Path root;

    private Path dataA;

    private Path dataB;

    @Test
    void twoDataDirectoriesOnOnePortEachAnswerFromTheirOwnDatabase() throws Exception {
        dataA = root.resolve("data-a");
        dataB = root.resolve("data-b");
        int databasePort = freePort();
        ConfigurableApplicationContext b;
        try (ConfigurableApplicationContext a = start(dataA, databasePort)) {
            b = start(dataB, databasePort);
            try {
                assertAnswersFrom(a, dataA);
                assertAnswersFrom(b, dataB);
                Api apiA = api(a);
                Api apiB = api(b);
                register(apiB, "only-b@example.id");
                apiB.token("only-b@example.id", PASSWORD);
                tokenStatus(apiA, "only-b@example.id", 401);
                register(apiA, "only-a@example.id");
                tokenStatus(apiB, "only-a@example.id", 401);
            }
            catch (Throwable failed) {
                b.close();
                throw failed;
            }
        }
        try (b) {
            // The first one stopped with its server; the second's server is its own and
            // goes on.
            Api apiB = api(b);
            apiB.get("/actuator/health/readiness").send().expect(200);
            apiB.token("only-b@example.id", PASSWORD);
            register(apiB, "after-a-stopped@example.id");
            apiB.token("after-a-stopped@example.id", PASSWORD);
            assertAnswersFrom(b, dataB);
        }
        assertThat(postmasterPidFile(dataA)).as("each server stops with its application").doesNotExist();
        assertThat(postmasterPidFile(dataB)).as("each server stops with its application").doesNotExist();
    }

    @Test
    void aRestartAfterItsJvmWasKilledReusesTheServerItLeftRunning() throws Exception {
        dataA = root.resolve("data-a");
        dataB = root.resolve("data-b");
        int databasePort = freePort();
        try (ConfigurableApplicationContext a = start(dataA, databasePort)) {
            int httpPort = freePort();
            Process killed = startInItsOwnJvm(dataB, databasePort, httpPort);
            long postmaster;
            try {
                Api apiB = new Api(httpPort);
                await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> apiB.get("/actuator/health/readiness").send().status() == 200);
                register(apiB, "before-the-kill@example.id");
                assertThat(postmasterPidFile(dataB)).as("the server of data-b runs from data-b").exists();
                postmaster = postmasterPid(dataB);

                // While its JVM lives, the record names no orphan: a second start of
                // data-b is refused, and says why.
                assertThatThrownBy(() -> start(dataB, databasePort).close())
                    .hasStackTraceContaining("The data directory " + dataB + " is in use by another running instance");
                apiB.get("/actuator/health/readiness").send().expect(200);

                killed.destroyForcibly(); // SIGKILL: the JVM goes, its postmaster stays
                assertThat(killed.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            finally {
                killed.destroyForcibly();
            }
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("the orphaned postmaster")
                .contains(true);

            // data-a's server still holds the configured port: the restart must find
            // data-b's own server, not that one.
            try (ConfigurableApplicationContext restarted = start(dataB, databasePort)) {
                assertThat(postmasterPid(dataB)).as("the orphan reused, not replaced").isEqualTo(postmaster);
                assertAnswersFrom(restarted, dataB);
                api(restarted).token("before-the-kill@example.id", PASSWORD);
                tokenStatus(api(a), "before-the-kill@example.id", 401);
            }
            await().atMost(Duration.ofSeconds(20))
                .until(() -> !ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false));
            assertAnswersFrom(a, dataA);
        }
    }

    @Test
    void aDataDirectoryWhoseRecordNamesAnotherDirectorysServerIsRefused() throws Exception {
        dataA = root.resolve("data-a");
        dataB = root.resolve("data-b");
        start(dataB, freePort()).close();
        try (ConfigurableApplicationContext a = start(dataA, freePort())) {
            // What a copy of data-a taken while it runs holds: a record naming data-a's
            // live postmaster and its port.
            Files.copy(postmasterPidFile(dataA), postmasterPidFile(dataB));
            long postmasterOfA = postmasterPid(dataA);

            assertThatThrownBy(() -> start(dataB, freePort()).close())
                .hasStackTraceContaining(dataA.resolve("postgres").toRealPath().toString())
                .hasStackTraceContaining(dataB.resolve("postgres").toRealPath().toString());

            assertThat(ProcessHandle.of(postmasterOfA).map(ProcessHandle::isAlive)).as("data-a's server left alone")
                .contains(true);
            assertAnswersFrom(a, dataA);
            register(api(a), "still-served@example.id");
        }
    }

    /**
     * Whatever a failed test left running, stopped the way {@code pg_ctl stop -m fast}
     * does.
     */
    @AfterEach
    void stopLeftoverServers() throws Exception {
        for (Path dataDir : new Path[] { dataA, dataB }) {
            if (dataDir == null || !Files.exists(postmasterPidFile(dataDir))) {
                continue;
            }
            Optional<ProcessHandle> postmaster = ProcessHandle.of(postmasterPid(dataDir))
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"));
            if (postmaster.isPresent()) {
                new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid())).start().waitFor();
                postmaster.get().onExit().get(20, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The pool's connections are backends of the postmaster that
     * {@code <data dir>/postgres} records, and that server says it keeps its data there.
     */
    private static void assertAnswersFrom(ConfigurableApplicationContext instance, Path dataDir) throws Exception {
        Path directory = dataDir.resolve("postgres");
        assertThat(postmasterPidFile(dataDir)).as("a server runs from " + directory).exists();
        try (Connection connection = instance.getBean(DataSource.class).getConnection();
                Statement sql = connection.createStatement();
                ResultSet backend = sql.executeQuery("SELECT pg_backend_pid()")) {
            backend.next();
            assertThat(ProcessHandle.of(backend.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                .as("the postmaster of the pool's connection")
                .contains(postmasterPid(dataDir));
        }
        try (Connection connection = instance.getBean(EmbeddedDatabase.class).ownerDataSource().getConnection();
                Statement sql = connection.createStatement();
                ResultSet shown = sql.executeQuery("SHOW data_directory")) {
            shown.next();
            assertThat(Path.of(shown.getString(1)).toRealPath()).isEqualTo(directory.toRealPath());
        }
    }

    private static Path postmasterPidFile(Path dataDir) {
        return dataDir.resolve("postgres").resolve("postmaster.pid");
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(postmasterPidFile(dataDir)).get(0).trim());
    }

    private static void register(Api api, String email) {
        api.post("/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "displayName", "Two", "role", "SHOPPER"))
            .send()
            .expect(201);
    }

    private static void tokenStatus(Api api, String email, int status) {
        api.post("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD)).send().expect(status);
    }

    private static List<String> arguments(Path dataDir, int databasePort, int httpPort) {
        return List.of("--server.port=" + httpPort, "--spring.jmx.enabled=false", "--spring.main.banner-mode=off",
                "--pasar.data-dir=" + dataDir, "--pasar.embedded-database-port=" + databasePort,
                "--pasar.embedded-database-shared-buffers=128MB");
    }

    private static ConfigurableApplicationContext start(Path dataDir, int databasePort) {
        return new SpringApplicationBuilder(PasarApplication.class)
            .run(arguments(dataDir, databasePort, 0).toArray(String[]::new));
    }

    /**
     * The packaged application's main class on this JVM's class path, as
     * {@code java -cp ... PasarApplication} runs it.
     */
    private static Process startInItsOwnJvm(Path dataDir, int databasePort, int httpPort) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                        "-XX:TieredStopAtLevel=1", "-cp", classPath(), PasarApplication.class.getName()));
        command.addAll(arguments(dataDir, databasePort, httpPort));
        Path log = Files.createDirectories(Path.of("target")).resolve("embedded-server-per-data-directory-it.log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static Api api(ConfigurableApplicationContext instance) {
        return new Api(Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
