package id.pasar.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.PasarApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's start command in miniature: no datasource configured, so the application
 * brings its own PostgreSQL and keys under the data directory, and both survive a
 * restart.
 */
class EmbeddedDefaultIT {

    @TempDir
    Path dataDir;

    @Test
    void accountsAndKeysSurviveARestartAndTheServerStopsWithTheApplication() throws Exception {
        int databasePort = freePort();
        String[] args = { "--server.port=0", "--pasar.data-dir=" + dataDir,
                "--pasar.embedded-database-port=" + databasePort, "--spring.jmx.enabled=false" };
        String email = "persistent@example.id";
        String firstToken;

        try (ConfigurableApplicationContext first = start(args)) {
            Api api = new Api(port(first));
            api.post("/api/v1/auth/register",
                    Map.of("email", email, "password", "survives-restarts", "displayName", "P", "role", "SELLER"))
                .send()
                .expect(201);
            firstToken = api.token(email, "survives-restarts");
            // It keeps data, unlike zonky's test servers: commits reach the disk before
            // they are answered.
            try (Connection connection = first.getBean(DataSource.class).getConnection();
                    Statement show = connection.createStatement()) {
                assertThat(setting(show, "fsync")).isEqualTo("on");
                assertThat(setting(show, "synchronous_commit")).isEqualTo("on");
            }
        }
        assertThat(listening(databasePort)).as("the embedded server stopped with the application").isFalse();
        assertThat(dataDir.resolve("keys/jwt-hs256.key")).exists();
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();

        try (ConfigurableApplicationContext second = start(args)) {
            Api api = new Api(port(second));
            api.token(email, "survives-restarts");
            // The key was read back, not generated anew: a token from before the restart
            // still works.
            api.post("/api/v1/admin/users", Map.of()).bearer(firstToken).send().expect(403);
        }
    }

    private static String setting(Statement show, String name) throws SQLException {
        try (ResultSet value = show.executeQuery("SHOW " + name)) {
            value.next();
            return value.getString(1);
        }
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(PasarApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

}
