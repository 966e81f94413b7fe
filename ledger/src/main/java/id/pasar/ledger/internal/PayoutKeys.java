package id.pasar.ledger.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotency-Key of {@code POST /sellers/me/payouts} and
 * {@code POST /creators/me/payouts}, per payee: the protocol of ADR 0016 (the orders
 * module's) in the ledger's own table. The key is claimed in a transaction of its own;
 * the payout and the key's DONE state commit together, so a payout exists exactly when
 * its key is DONE; a refusal releases the key; a claim left in flight by a dead process
 * is taken over after {@link #ABANDONED_AFTER}.
 */
@Component
@RequiredArgsConstructor
class PayoutKeys {

    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    /** Kept at least 24 hours (api.md), then deleted by the payout job. */
    static final Duration KEPT_FOR = Duration.ofHours(48);

    private final JdbcClient jdbc;

    private final Clock clock;

    /** A completed request's answer, to give again. */
    record Replay(int status, String body) {
    }

    /**
     * Claims the key (null), or answers the replay.
     * @throws PayoutProblems.IdempotencyKeyReused for another request under the key
     * @throws PayoutProblems.IdempotencyKeyInFlight while the first request runs
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Replay claim(Payee payee, String key, String requestHash) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                INSERT INTO ledger.payout_idempotency_keys (holder_kind, holder_id, key, request_hash, state,
                created_at) VALUES (:kind, :holder, :key, :hash, 'IN_FLIGHT', :now) ON CONFLICT DO NOTHING""")
            .param("kind", payee.kind().name())
            .param("holder", payee.id())
            .param("key", key)
            .param("hash", requestHash)
            .param("now", Timestamp.from(now))
            .update();
        if (inserted == 1) {
            return null;
        }
        Stored stored = jdbc.sql("""
                SELECT request_hash, state, response_status, response_body, created_at
                FROM ledger.payout_idempotency_keys
                WHERE holder_kind = :kind AND holder_id = :holder AND key = :key FOR UPDATE""")
            .param("kind", payee.kind().name())
            .param("holder", payee.id())
            .param("key", key)
            .query((rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
            .optional()
            .orElseThrow(PayoutProblems.IdempotencyKeyInFlight::new);
        if (!stored.requestHash().equals(requestHash)) {
            throw new PayoutProblems.IdempotencyKeyReused();
        }
        if ("DONE".equals(stored.state())) {
            return new Replay(stored.status(), stored.body());
        }
        if (stored.createdAt().plus(ABANDONED_AFTER).isBefore(now)) {
            jdbc.sql("""
                    UPDATE ledger.payout_idempotency_keys SET created_at = :now
                    WHERE holder_kind = :kind AND holder_id = :holder AND key = :key""")
                .param("now", Timestamp.from(now))
                .param("kind", payee.kind().name())
                .param("holder", payee.id())
                .param("key", key)
                .update();
            return null;
        }
        throw new PayoutProblems.IdempotencyKeyInFlight();
    }

    /** Stores the answer to replay, in the payout's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void complete(Payee payee, String key, int status, String body) {
        jdbc.sql("""
                UPDATE ledger.payout_idempotency_keys SET state = 'DONE', response_status = :status,
                response_body = :body WHERE holder_kind = :kind AND holder_id = :holder AND key = :key""")
            .param("status", status)
            .param("body", body)
            .param("kind", payee.kind().name())
            .param("holder", payee.id())
            .param("key", key)
            .update();
    }

    /** A refused request leaves no trace: the same key may try again. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void release(Payee payee, String key) {
        jdbc.sql("""
                DELETE FROM ledger.payout_idempotency_keys
                WHERE holder_kind = :kind AND holder_id = :holder AND key = :key AND state = 'IN_FLIGHT'""")
            .param("kind", payee.kind().name())
            .param("holder", payee.id())
            .param("key", key)
            .update();
    }

    @Transactional
    int deleteOlderThanKeptFor() {
        return jdbc.sql("DELETE FROM ledger.payout_idempotency_keys WHERE created_at < :cutoff")
            .param("cutoff", Timestamp.from(clock.instant().minus(KEPT_FOR)))
            .update();
    }

    private record Stored(String requestHash, String state, int status, String body, Instant createdAt) {
    }

}
