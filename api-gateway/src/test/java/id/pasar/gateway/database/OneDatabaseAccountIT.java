package id.pasar.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.TestInstances;
import id.pasar.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One account for both jobs still works, with a warning at start (docs/reliability.md):
 * an instance of its own on a database of its own, migrating and running as the
 * superuser.
 */
class OneDatabaseAccountIT {

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void withOneAccountTheApplicationMigratesAndRunsAndWarns(CapturedOutput output) throws Exception {
        TestDatabase database = TestDatabase.instance();
        String jdbcUrl = database.newDatabase("one_account_" + Long.toHexString(System.nanoTime()));
        try (ConfigurableApplicationContext instance = TestInstances.start(jdbcUrl,
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(), "--pasar.database.owner-username=",
                "--pasar.database.owner-password=")) {
            Api api = TestInstances.api(instance);
            api.post("/api/v1/auth/register", Map.of("email", "single@example.id", "password", "one-account-only",
                    "displayName", "S", "role", "SHOPPER"))
                .send()
                .expect(201);
        }
        assertThat(output)
            .contains("One database account (" + database.username() + ") both migrates and runs the application")
            .contains("may UPDATE, DELETE or TRUNCATE compliance.decisions");
    }

}
