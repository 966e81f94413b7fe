package id.pasar.orders.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotency-Key for {@code POST /orders}, per shopper. The key is claimed in a
 * transaction of its own before the order is placed, and completed in the order's
 * transaction: an order exists exactly when its key is DONE. A claim whose request died
 * (no order, still IN_FLIGHT after {@link #ABANDONED_AFTER}) may be taken over.
 */
@Component
@RequiredArgsConstructor
class IdempotencyKeys {

    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    /** Kept at least this long (api.md: 24 hours), then deleted by the cleanup job. */
    static final Duration KEPT_FOR = Duration.ofHours(48);

    private final JdbcClient jdbc;

    private final Clock clock;

    sealed interface Claim permits Claimed, Replay {

    }

    record Claimed() implements Claim {
    }

    record Replay(int status, String body) implements Claim {
    }

    /**
     * Claims the key, or says what to answer instead (a replay, 409 in flight, 422
     * reused).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Claim claim(UUID shopperId, String key, String requestHash) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                INSERT INTO orders.idempotency_keys (shopper_id, key, request_hash, state, created_at)
                VALUES (:shopper, :key, :hash, 'IN_FLIGHT', :now) ON CONFLICT DO NOTHING""")
            .param("shopper", shopperId)
            .param("key", key)
            .param("hash", requestHash)
            .param("now", Timestamp.from(now))
            .update();
        if (inserted == 1) {
            return new Claimed();
        }
        Stored stored = jdbc.sql("""
                SELECT request_hash, state, response_status, response_body, created_at FROM orders.idempotency_keys
                WHERE shopper_id = :shopper AND key = :key FOR UPDATE""")
            .param("shopper", shopperId)
            .param("key", key)
            .query((rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
            .optional()
            // released between our insert and read: retry
            .orElseThrow(OrderProblems.IdempotencyKeyInFlight::new);
        if (!stored.requestHash().equals(requestHash)) {
            throw new OrderProblems.IdempotencyKeyReused();
        }
        if ("DONE".equals(stored.state())) {
            return new Replay(stored.status(), stored.body());
        }
        if (stored.createdAt().plus(ABANDONED_AFTER).isBefore(now)) {
            jdbc.sql("UPDATE orders.idempotency_keys SET created_at = :now WHERE shopper_id = :shopper AND key = :key")
                .param("now", Timestamp.from(now))
                .param("shopper", shopperId)
                .param("key", key)
                .update();
            return new Claimed();
        }
        throw new OrderProblems.IdempotencyKeyInFlight();
    }

    /**
     * Whether the shopper used this key already (in flight or done), read without a
     * transaction: a request with a known key takes the whole protocol of {@link #claim}.
     */
    boolean known(UUID shopperId, String key) {
        return jdbc.sql("SELECT 1 FROM orders.idempotency_keys WHERE shopper_id = :shopper AND key = :key")
            .param("shopper", shopperId)
            .param("key", key)
            .query(Integer.class)
            .optional()
            .isPresent();
    }

    /** Stores the response to replay, in the caller's (the order's) transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void complete(UUID shopperId, String key, int status, String body) {
        jdbc.sql("""
                UPDATE orders.idempotency_keys SET state = 'DONE', response_status = :status, response_body = :body
                WHERE shopper_id = :shopper AND key = :key""")
            .param("status", status)
            .param("body", body)
            .param("shopper", shopperId)
            .param("key", key)
            .update();
    }

    /**
     * A failed request (no stock, not available, a timeout ...) leaves no trace: the same
     * key may try again.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void release(UUID shopperId, String key) {
        jdbc.sql(
                "DELETE FROM orders.idempotency_keys WHERE shopper_id = :shopper AND key = :key AND state = 'IN_FLIGHT'")
            .param("shopper", shopperId)
            .param("key", key)
            .update();
    }

    @Transactional
    int deleteOlderThanKeptFor() {
        return jdbc.sql("DELETE FROM orders.idempotency_keys WHERE created_at < :cutoff")
            .param("cutoff", Timestamp.from(clock.instant().minus(KEPT_FOR)))
            .update();
    }

    private record Stored(String requestHash, String state, int status, String body, Instant createdAt) {
    }

}
