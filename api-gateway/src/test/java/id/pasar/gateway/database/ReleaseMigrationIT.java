package id.pasar.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Migrations run once per release, as deploy/k8s runs them (ADR 0034): a job migrates as
 * the owner, and the instances start with {@code MARKETPLACE_DB_MIGRATE=false} and the
 * application's account only. On a database of its own.
 */
class ReleaseMigrationIT {

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void instancesThatDoNotMigrateNeedNoOwnerAndRefuseAnUnmigratedDatabase(CapturedOutput output) throws Exception {
        TestDatabase database = TestDatabase.instance();
        String jdbcUrl = database.newDatabase("release_" + Long.toHexString(System.nanoTime()));
        String[] instanceOnly = { "--pasar.database.migrate=false", "--pasar.database.owner-username=",
                "--pasar.database.owner-password=" };

        // Before the job: an instance does not migrate, and says what to run.
        assertThatThrownBy(() -> TestInstances.start(jdbcUrl, instanceOnly).close())
            .hasStackTraceContaining("run the release's migration job first");

        // The job: migrating as the owner (the Job runs this start and exits on refresh).
        TestInstances.start(jdbcUrl).close();

        // The release's instances: the application's account only, no migration, no
        // warning.
        try (ConfigurableApplicationContext instance = TestInstances.start(jdbcUrl, instanceOnly)) {
            Api api = TestInstances.api(instance);
            api.post("/api/v1/auth/register", Map.of("email", "release@example.id", "password", "migrated-by-the-job",
                    "displayName", "R", "role", "SHOPPER"))
                .send()
                .expect(201);
        }
        assertThat(output).doesNotContain("both migrates and runs the application")
            .doesNotContain("may UPDATE, DELETE or TRUNCATE compliance.decisions");
    }

}
