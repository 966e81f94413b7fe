package id.pasar.webhooks.internal;

import id.pasar.compliance.IdentityCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sellers' endpoints: one URL each, and its signing secret, kept encrypted (bound to the
 * seller, so that a ciphertext copied to another seller's row does not decrypt) and shown
 * once, when it is made.
 */
@Service
@RequiredArgsConstructor
public class WebhookEndpoints {

    private static final String COLUMNS = "seller_id, url, created_at, updated_at, secret_rotated_at";

    private final JdbcClient jdbc;

    private final IdentityCipher cipher;

    private final WebhookAddresses addresses;

    private final Clock clock;

    /** An endpoint as its seller sees it: never its secret. */
    public record Endpoint(UUID sellerId, String url, Instant createdAt, Instant updatedAt, Instant secretRotatedAt) {
    }

    /**
     * @param secret the signing secret when it was made now (a new endpoint, a rotation),
     * else null: it is shown this once
     */
    public record Registered(Endpoint endpoint, boolean created, String secret) {
    }

    /**
     * Registers the seller's endpoint, or replaces its URL (the secret stays). The URL is
     * checked first, its host resolved, outside any transaction: one statement stores it.
     */
    public Registered register(UUID sellerId, String url) {
        addresses.check(url);
        String secret = WebhookSignature.newSecret();
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                INSERT INTO webhooks.endpoints (seller_id, url, secret, created_at, updated_at, secret_rotated_at)
                VALUES (:seller, :url, :secret, :now, :now, :now)
                ON CONFLICT (seller_id) DO UPDATE SET url = EXCLUDED.url, updated_at = EXCLUDED.updated_at
                RETURNING""" + " " + COLUMNS + ", (xmax = 0) AS created")
            .param("seller", sellerId)
            .param("url", url)
            .param("secret", cipher.encrypt(secret, context(sellerId)))
            .param("now", now)
            .query((rs, row) -> {
                boolean created = rs.getBoolean("created");
                return new Registered(map(rs, row), created, created ? secret : null);
            })
            .single();
    }

    @Transactional(readOnly = true)
    public Optional<Endpoint> of(UUID sellerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks.endpoints WHERE seller_id = :seller")
            .param("seller", sellerId)
            .query(WebhookEndpoints::map)
            .optional();
    }

    /** A new secret for the seller's endpoint, in force at once; shown this once. */
    @Transactional
    public Registered rotate(UUID sellerId) {
        String secret = WebhookSignature.newSecret();
        return jdbc.sql("""
                UPDATE webhooks.endpoints SET secret = :secret, secret_rotated_at = :now, updated_at = :now
                WHERE seller_id = :seller RETURNING""" + " " + COLUMNS)
            .param("seller", sellerId)
            .param("secret", cipher.encrypt(secret, context(sellerId)))
            .param("now", Timestamp.from(clock.instant()))
            .query(WebhookEndpoints::map)
            .optional()
            .map(endpoint -> new Registered(endpoint, false, secret))
            .orElseThrow(WebhookProblems.WebhookNotFound::new);
    }

    /** Removes the seller's endpoint; its pending deliveries stop. */
    @Transactional
    public void remove(UUID sellerId) {
        int removed = jdbc.sql("DELETE FROM webhooks.endpoints WHERE seller_id = :seller")
            .param("seller", sellerId)
            .update();
        if (removed == 0) {
            throw new WebhookProblems.WebhookNotFound();
        }
        jdbc.sql("""
                UPDATE webhooks.deliveries SET state = 'STOPPED', next_attempt_at = NULL
                WHERE seller_id = :seller AND state = 'PENDING'""").param("seller", sellerId).update();
    }

    /** Where a seller's deliveries go and what signs them, for the delivery job. */
    record Signing(String url, String secret) {
    }

    Optional<Signing> signingOf(UUID sellerId) {
        return jdbc.sql("SELECT url, secret FROM webhooks.endpoints WHERE seller_id = :seller")
            .param("seller", sellerId)
            .query((rs, row) -> new Signing(rs.getString("url"),
                    cipher.decrypt(rs.getBytes("secret"), context(sellerId))))
            .optional();
    }

    private static String context(UUID sellerId) {
        return "webhooks.endpoints.secret/" + sellerId;
    }

    private static Endpoint map(ResultSet rs, int row) throws SQLException {
        return new Endpoint(rs.getObject("seller_id", UUID.class), rs.getString("url"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getTimestamp("secret_rotated_at").toInstant());
    }

}
