package id.pasar.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CheckoutQueueTest {

    private final CheckoutQueue queue = queue(1, 1, 32, Duration.ofMillis(500));

    /** Two turns for the instance, one for a variant. */
    private final CheckoutQueue twoTurns = queue(2, 1, 32, Duration.ofMillis(1500));

    /** One turn for a variant and one checkout that may wait for it, waiting long. */
    private final CheckoutQueue oneWaiting = queue(4, 1, 1, Duration.ofSeconds(30));

    @Test
    void aCheckoutThatFindsNoTurnInTimeIsBusyAndTheNextTurnIsFree() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = holdATurnUntil(queue, List.of(), finish);

        assertThatThrownBy(() -> queue.inTurn(List.of(), () -> "second")).isInstanceOf(OrderProblems.CheckoutBusy.class)
            .satisfies(busy -> assertThat(((OrderProblems.CheckoutBusy) busy).getHeaders().getFirst("Retry-After"))
                .isEqualTo("2"));

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(queue.inTurn(List.of(), () -> "third")).isEqualTo("third");
    }

    @Test
    void aFailedCheckoutGivesItsTurnBack() {
        assertThatThrownBy(() -> queue.inTurn(List.of(), () -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(queue.inTurn(List.of(), () -> "next")).isEqualTo("next");
    }

    @Test
    void aWaitingCheckoutRunsWhenATurnIsFree() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = holdATurnUntil(queue, List.of(), finish);
        CompletableFuture<String> waiting = CompletableFuture
            .supplyAsync(() -> queue.inTurn(List.of(), () -> "waited"));

        finish.countDown();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("waited");
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    }

    /**
     * A flash deal's checkouts wait for their variant's turn without holding one of the
     * instance's: a checkout of another listing still runs at once.
     */
    @Test
    void checkoutsOfOneVariantTakeItsTurnWhileOthersRun() throws Exception {
        UUID hot = UUID.randomUUID();
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = holdATurnUntil(twoTurns, List.of(hot), finish);

        assertThatThrownBy(() -> twoTurns.inTurn(List.of(hot), () -> "second of the deal"))
            .isInstanceOf(OrderProblems.CheckoutBusy.class);
        CompletableFuture<String> waiting = CompletableFuture
            .supplyAsync(() -> twoTurns.inTurn(List.of(hot), () -> "third of the deal"));
        assertThat(twoTurns.inTurn(List.of(UUID.randomUUID()), () -> "another listing")).isEqualTo("another listing");
        assertThat(twoTurns.inTurn(List.of(), () -> "the cart")).isEqualTo("the cart");

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("third of the deal");
    }

    /**
     * A waiting checkout holds a request thread: past the variant's waiting room the next
     * one is refused at once, not after the wait, and the room frees as checkouts end.
     */
    @Test
    void checkoutsBeyondAVariantsWaitingRoomAreBusyAtOnce() throws Exception {
        UUID hot = UUID.randomUUID();
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = holdATurnUntil(oneWaiting, List.of(hot), finish);
        CompletableFuture<String> waiting = new CompletableFuture<>();
        Thread waiter = new Thread(() -> waiting.complete(oneWaiting.inTurn(List.of(hot), () -> "waited")));
        waiter.start();
        while (waiter.getState() != Thread.State.TIMED_WAITING) {
            // parked on the variant's turn, for up to the 30 s wait
            Thread.onSpinWait();
        }

        // The wait is 30 s: a refusal within 5 s is the waiting room's, not the wait's.
        CompletableFuture<String> third = CompletableFuture
            .supplyAsync(() -> oneWaiting.inTurn(List.of(hot), () -> "third"));
        assertThatThrownBy(() -> third.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(OrderProblems.CheckoutBusy.class);
        assertThat(oneWaiting.inTurn(List.of(UUID.randomUUID()), () -> "another listing")).isEqualTo("another listing");

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("waited");
        assertThat(oneWaiting.inTurn(List.of(hot), () -> "after")).isEqualTo("after");
    }

    /**
     * A checkout of these variants that has its turns in {@code queue}, and keeps them
     * until {@code finish}.
     */
    private static CompletableFuture<String> holdATurnUntil(CheckoutQueue queue, List<UUID> variants,
            CountDownLatch finish) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> queue.inTurn(variants, () -> {
            running.countDown();
            await(finish);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        return first;
    }

    private static CheckoutQueue queue(int inFlight, int perVariant, int waitingPerVariant, Duration wait) {
        return new CheckoutQueue(
                new OrdersProperties(Duration.ofMinutes(30), 10, null, Duration.ofDays(7), Duration.ofDays(2),
                        Duration.ofDays(2), Duration.ofDays(7), inFlight, perVariant, waitingPerVariant, wait));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
