package id.pasar.orders.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
 *
 * <p>
 * And at most {@link OrdersProperties#checkoutsPerVariant()} of them for one variant:
 * checkouts of one variant take its stock row in turn (a flash deal's row sells a unit in
 * about 1.5 ms, docs/performance.md), so more of them in flight would only hold turns and
 * connections waiting for that row while checkouts of other listings wait for a turn
 * (docs/scaling.md, "the first bottleneck"). A checkout waits for its variants' turns
 * before it takes one of the instance's. Variants share {@value #STRIPES} stripes by hash
 * (bounded memory; two hot variants on one stripe share its turns); a checkout takes its
 * stripes in ascending order, so two checkouts of the same variants never wait on each
 * other. A checkout of the cart names its variants only once in its transaction and takes
 * no variant turns.
 *
 * <p>
 * A checkout waiting in memory still holds its request thread: at most
 * {@link OrdersProperties#checkoutsWaitingPerVariant()} may wait for one variant's turns,
 * and the next is 503 {@code CHECKOUT_BUSY} without waiting (the app retries after
 * {@code Retry-After}). By default the room is larger than the server's threads:
 * measured, a room of 32 slowed a flash deal more than it helped other orders
 * (docs/performance.md, "a waiting room of 32 against none").
 */
@Component
class CheckoutQueue {

    static final int STRIPES = 1024;

    private final Semaphore turns;

    private final Semaphore[] variantTurns = new Semaphore[STRIPES];

    /** How many checkouts are in each stripe's turns or waiting for one, now. */
    private final AtomicIntegerArray queued = new AtomicIntegerArray(STRIPES);

    /** The turns of a stripe and the checkouts that may wait for them. */
    private final int mayQueue;

    private final Duration wait;

    CheckoutQueue(OrdersProperties properties) {
        this.turns = new Semaphore(properties.checkoutsInFlight(), true);
        for (int stripe = 0; stripe < STRIPES; stripe++) {
            this.variantTurns[stripe] = new Semaphore(properties.checkoutsPerVariant(), true);
        }
        this.mayQueue = properties.checkoutsPerVariant() + properties.checkoutsWaitingPerVariant();
        this.wait = properties.checkoutQueueWait();
    }

    /**
     * In the turns of these variants (none for a cart's checkout), then in one of the
     * instance's.
     */
    <R> R inTurn(Collection<UUID> variantIds, Supplier<R> checkout) {
        long deadline = System.nanoTime() + wait.toNanos();
        Deque<Semaphore> held = new ArrayDeque<>();
        Deque<Integer> inQueue = new ArrayDeque<>();
        try {
            SortedSet<Integer> stripes = new TreeSet<>();
            variantIds.forEach(variantId -> stripes.add(Math.floorMod(variantId.hashCode(), STRIPES)));
            for (int stripe : stripes) {
                if (queued.incrementAndGet(stripe) > mayQueue) {
                    queued.decrementAndGet(stripe);
                    throw new OrderProblems.CheckoutBusy();
                }
                inQueue.push(stripe);
                take(variantTurns[stripe], deadline, held);
            }
            take(turns, deadline, held);
            return checkout.get();
        }
        finally {
            held.forEach(Semaphore::release);
            inQueue.forEach(queued::decrementAndGet);
        }
    }

    private static void take(Semaphore semaphore, long deadline, Deque<Semaphore> held) {
        try {
            if (!semaphore.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new OrderProblems.CheckoutBusy();
            }
            held.push(semaphore);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new OrderProblems.CheckoutBusy();
        }
    }

}
