package id.pasar.orders.internal;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The Idempotency-Key protocol of ADR 0016, for every request that carries one (placing
 * an order, starting a payment): the key is claimed in a transaction of its own first; a
 * retry of a completed request answers its stored response, a retry while the first runs
 * is 409, the same key with another request is 422. The work completes the key in its own
 * transaction ({@link IdempotencyKeys#complete}); any failure of it (a refusal, a
 * timeout, a lost connection) releases the key, so the same key may try again.
 */
@Component
@RequiredArgsConstructor
class KeyedRequests {

    private final IdempotencyKeys keys;

    /**
     * @param replay what to answer for a completed request: its stored status and body
     * @param work the request, run once the key is claimed
     */
    <R> R once(UUID shopperId, String key, String requestHash, BiFunction<Integer, String, R> replay,
            Supplier<R> work) {
        if (keys.claim(shopperId, key, requestHash) instanceof IdempotencyKeys.Replay stored) {
            return replay.apply(stored.status(), stored.body());
        }
        try {
            return work.get();
        }
        catch (RuntimeException | Error failure) {
            try {
                keys.release(shopperId, key);
            }
            catch (RuntimeException releaseFailed) {
                // The database is gone too: the claim is taken over once abandoned
                // (IdempotencyKeys.ABANDONED_AFTER).
                failure.addSuppressed(releaseFailed);
            }
            throw failure;
        }
    }

}
