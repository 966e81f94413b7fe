package id.pasar;

import id.pasar.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * More instances of the application, besides the test context's: on the shared test
 * database or on a database of their own, with the keys every instance of one deployment
 * shares.
 */
public final class TestInstances {

    private TestInstances() {
    }

    /**
     * An instance on {@code jdbcUrl}, connecting as the application's account and
     * migrating as the test server's superuser, its timers off unless {@code args} turn
     * them on.
     */
    public static ConfigurableApplicationContext start(String jdbcUrl, String... args) {
        return new SpringApplicationBuilder(PasarApplication.class, TestIdentityRegistry.class)
            .run(arguments(jdbcUrl, args).toArray(String[]::new));
    }

    /**
     * The command-line arguments of such an instance, for one started in a JVM of its
     * own.
     */
    public static List<String> arguments(String jdbcUrl, String... args) {
        TestDatabase database = TestDatabase.instance();
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + database.appUsername(),
                "--spring.datasource.password=" + database.appPassword(),
                "--pasar.database.owner-username=" + database.username(),
                "--pasar.database.owner-password=" + database.password(),
                "--pasar.security.jwt.secret="
                        + Base64.getEncoder().encodeToString(TestApplicationInitializer.JWT_SECRET),
                "--pasar.security.identity-key="
                        + Base64.getEncoder().encodeToString(TestApplicationInitializer.IDENTITY_KEY),
                "--pasar.security.exposure-key="
                        + Base64.getEncoder().encodeToString(TestApplicationInitializer.EXPOSURE_KEY),
                "--pasar.orders.payment-server-key=" + TestApplicationInitializer.PAYMENT_SERVER_KEY,
                "--pasar.admin.email=" + TestApplicationInitializer.ADMIN_EMAIL,
                "--pasar.admin.password=" + TestApplicationInitializer.ADMIN_PASSWORD,
                "--pasar.publishing.recheck-initial-delay=PT24H", "--pasar.orders.expiry-initial-delay=PT24H",
                "--pasar.outbox.retry-initial-delay=PT24H", "--pasar.webhooks.delivery-initial-delay=PT24H",
                "--pasar.onboarding.passport-check-cron=-"));
        // Spring joins a repeated argument's values with commas: an override replaces the
        // default instead.
        Map<String, String> byName = new LinkedHashMap<>();
        for (String argument : all) {
            byName.put(argument.substring(0, argument.indexOf('=')), argument);
        }
        for (String argument : args) {
            byName.put(argument.substring(0, argument.indexOf('=')), argument);
        }
        return List.copyOf(byName.values());
    }

    public static Api api(ConfigurableApplicationContext instance) {
        return new Api(Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")));
    }

}
