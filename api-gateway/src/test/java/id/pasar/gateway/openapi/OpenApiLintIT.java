package id.pasar.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document as a new user measures it (issue 22): fetched from the running
 * application's {@code /v3/api-docs}, written to {@code target/openapi/api-docs.json},
 * and linted by Redocly (recommended rules) and Spectral (the OWASP ruleset) with the
 * repository's configurations in {@code tools/openapi-lint/}. Any error fails the test;
 * warnings are printed and listed with why in docs/openapi.md. Needs Node and npm: the
 * tools' pinned versions are installed with {@code npm ci} when {@code node_modules} is
 * missing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiLintIT {

    private static final Path TOOLS = Path.of("..", "tools", "openapi-lint").toAbsolutePath().normalize();

    private static final Path DOCUMENT = Path.of("target", "openapi", "api-docs.json").toAbsolutePath();

    @LocalServerPort
    int port;

    @BeforeAll
    void writeTheDocumentAndInstallTheTools() throws Exception {
        String document = new Api(port).get("/v3/api-docs").send().expect(200).body();
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, document, StandardCharsets.UTF_8);
        if (!Files.isDirectory(TOOLS.resolve("node_modules"))) {
            Result install = run(List.of(npm(), "ci", "--no-audit", "--no-fund"), 600);
            assertThat(install.exit()).as("npm ci in %s:%n%s", TOOLS, install.output()).isZero();
        }
    }

    @Test
    void redoclyRecommendedFindsNoError() throws Exception {
        Result lint = run(
                List.of(bin("redocly"), "lint", "--config", "redocly.yaml", "--format", "stylish", DOCUMENT.toString()),
                120);
        System.out.println("Redocly:\n" + lint.output());
        assertThat(lint.exit()).as("Redocly's errors:%n%s", lint.output()).isZero();
    }

    @Test
    void spectralOwaspFindsNoError() throws Exception {
        Result lint = run(List.of(bin("spectral"), "lint", "--ruleset", ".spectral.yaml", "--fail-severity", "error",
                "--format", "text", DOCUMENT.toString()), 120);
        System.out.println("Spectral:\n" + lint.output());
        assertThat(lint.exit()).as("Spectral's errors:%n%s", lint.output()).isZero();
    }

    private static String npm() {
        return windows() ? "npm.cmd" : "npm";
    }

    private static String bin(String tool) {
        return TOOLS.resolve("node_modules").resolve(".bin").resolve(windows() ? tool + ".cmd" : tool).toString();
    }

    private static boolean windows() {
        return System.getProperty("os.name").toLowerCase().startsWith("windows");
    }

    private static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        File output = Files.createTempFile("openapi-lint", ".log").toFile();
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(TOOLS.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + command + "\n"
                        + Files.readString(output.toPath(), StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output.toPath(), StandardCharsets.UTF_8));
        }
        finally {
            output.delete();
        }
    }

    record Result(int exit, String output) {
    }

}
