package id.pasar.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CheckoutQueueTest {

    private final CheckoutQueue queue = new CheckoutQueue(new OrdersProperties(Duration.ofMinutes(30), 10, null,
            Duration.ofDays(7), Duration.ofDays(2), Duration.ofDays(2), Duration.ofDays(7), 1, Duration.ofMillis(500)));

    @Test
    void aCheckoutThatFindsNoTurnInTimeIsBusyAndTheNextTurnIsFree() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = holdTheOnlyTurnUntil(finish);

        assertThatThrownBy(() -> queue.inTurn(() -> "second")).isInstanceOf(OrderProblems.CheckoutBusy.class)
            .satisfies(busy -> assertThat(((OrderProblems.CheckoutBusy) busy).getHeaders().getFirst("Retry-After"))
                .isEqualTo("2"));

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(queue.inTurn(() -> "third")).isEqualTo("third");
    }

    @Test
    void aFailedCheckoutGivesItsTurnBack() {
        assertThatThrownBy(() -> queue.inTurn(() -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        assertThat(queue.inTurn(() -> "next")).isEqualTo("next");
    }

    @Test
    void aWaitingCheckoutRunsWhenATurnIsFree() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = holdTheOnlyTurnUntil(finish);
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> queue.inTurn(() -> "waited"));

        finish.countDown();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("waited");
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    }

    /** A checkout that has the queue's one turn, and keeps it until {@code finish}. */
    private CompletableFuture<String> holdTheOnlyTurnUntil(CountDownLatch finish) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> queue.inTurn(() -> {
            running.countDown();
            await(finish);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        return first;
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
