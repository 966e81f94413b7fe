package id.pasar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.onboarding.SellerFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The auditors' own script (tools/auditor) recomputes the chain outside the application
 * and agrees.
 */
@IntegrationTest
class AuditorScriptIT {

    @LocalServerPort
    int port;

    @Test
    void theIndependentScriptFindsTheChainIntact() throws Exception {
        assumeTrue(python() != null, "python3 is not installed");
        Api api = new Api(port);
        api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication())
            .bearer(api.newAccount("SELLER"))
            .send()
            .expect(201);
        // a listing PASS: an entry whose canonical form ends with the content it checked
        CatalogFixtures.publishedListing(api, CatalogFixtures.verifiedSeller(api),
                CatalogFixtures.listing("Tas Anyaman Pandan"));
        String email = "auditor-" + UUID.randomUUID() + "@example.id";
        api.post("/api/v1/admin/users",
                Map.of("email", email, "password", "auditor-password", "displayName", "Auditor", "role", "AUDITOR"))
            .bearer(api.adminToken())
            .send()
            .expect(201);

        Process script = new ProcessBuilder(python(), script().toString(), "--base", "http://localhost:" + port,
                "--email", email, "--password", "auditor-password")
            .redirectErrorStream(true)
            .start();
        assertThat(script.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).startsWith("valid:");
        assertThat(script.exitValue()).as(output).isZero();
    }

    private static Path script() {
        Path here = Path.of("").toAbsolutePath();
        Path inModule = here.resolveSibling("tools/auditor/verify_decision_log.py");
        return Files.exists(inModule) ? inModule : here.resolve("tools/auditor/verify_decision_log.py");
    }

    private static String python() {
        for (String candidate : new String[] { "python3", "python" }) {
            try {
                Process probe = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return candidate;
                }
            }
            catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return null;
    }

}
