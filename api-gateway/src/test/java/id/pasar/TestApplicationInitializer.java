package id.pasar;

import id.pasar.testing.PostgresTestInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The test database, plus what a deployment against a real server must configure: keys
 * (random per JVM, never committed) and the first ADMIN.
 */
public class TestApplicationInitializer extends PostgresTestInitializer {

    public static final String ADMIN_EMAIL = "admin@pasar.test";

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    public static final String PAYMENT_SERVER_KEY = "SB-Mid-server-" + UUID.randomUUID();

    /**
     * The signing key of this JVM's application, so that tests can forge tokens of every
     * kind.
     */
    public static final byte[] JWT_SECRET = randomKey();

    public static final byte[] IDENTITY_KEY = randomKey();

    public static final byte[] EXPOSURE_KEY = randomKey();

    /**
     * Where this JVM's application keeps photos (the files store): a fresh directory, so
     * tests can count what was stored.
     */
    public static final Path MEDIA_DIRECTORY = temporaryDirectory("pasar-media-");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        context.getEnvironment()
            .getPropertySources()
            .addFirst(new MapPropertySource("pasar-test", Map.ofEntries(
                    Map.entry("pasar.security.jwt.secret", Base64.getEncoder().encodeToString(JWT_SECRET)),
                    Map.entry("pasar.security.identity-key", Base64.getEncoder().encodeToString(IDENTITY_KEY)),
                    Map.entry("pasar.security.exposure-key", Base64.getEncoder().encodeToString(EXPOSURE_KEY)),
                    // Tests run the jobs themselves, when their data is ready: no timer
                    // may race them.
                    Map.entry("pasar.publishing.recheck-initial-delay", "PT24H"),
                    Map.entry("pasar.orders.expiry-initial-delay", "PT24H"),
                    Map.entry("pasar.orders.refund-initial-delay", "PT24H"),
                    Map.entry("pasar.ledger.payout-initial-delay", "PT24H"),
                    Map.entry("pasar.outbox.retry-initial-delay", "PT24H"),
                    Map.entry("pasar.webhooks.delivery-initial-delay", "PT24H"),
                    // Webhook tests receive on 127.0.0.1 (WebhookAddressesTest holds the
                    // default, off).
                    Map.entry("pasar.webhooks.allow-loopback", "true"),
                    Map.entry("pasar.orders.payment-server-key", PAYMENT_SERVER_KEY),
                    Map.entry("pasar.media.directory", MEDIA_DIRECTORY.toString()),
                    Map.entry("pasar.onboarding.passport-check-cron", "-"),
                    // A short window of kept search orders, so that paging crosses from a
                    // kept order into the SQL after it.
                    Map.entry("pasar.search.kept-orders.window", "30"), Map.entry("pasar.admin.email", ADMIN_EMAIL),
                    Map.entry("pasar.admin.password", ADMIN_PASSWORD))));
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

}
