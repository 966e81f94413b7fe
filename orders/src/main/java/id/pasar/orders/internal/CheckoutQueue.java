package id.pasar.orders.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * At most {@link OrdersProperties#checkoutsInFlight()} checkouts of this instance at
 * once, the others waiting in memory in arrival order. A burst (a flash sale's first
 * second) then queues here rather than on the connection pool, where a request that waits
 * longer than the pool's connection timeout (3 s) is a 503, and the requests that are not
 * checkouts (the rate limiter, the account check, browsing) keep connections to work
 * with. A checkout that waits longer than {@link OrdersProperties#checkoutQueueWait()} is
 * 503 {@code CHECKOUT_BUSY} with {@code Retry-After}.
 */
@Component
class CheckoutQueue {

    private final Semaphore turns;

    private final Duration wait;

    CheckoutQueue(OrdersProperties properties) {
        this.turns = new Semaphore(properties.checkoutsInFlight(), true);
        this.wait = properties.checkoutQueueWait();
    }

    <R> R inTurn(Supplier<R> checkout) {
        try {
            if (!turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new OrderProblems.CheckoutBusy();
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new OrderProblems.CheckoutBusy();
        }
        try {
            return checkout.get();
        }
        finally {
            turns.release();
        }
    }

}
