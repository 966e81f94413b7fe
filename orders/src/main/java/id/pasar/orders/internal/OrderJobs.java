package id.pasar.orders.internal;

import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Housekeeping of orders, each job on one instance at a time (ShedLock). */
@Slf4j
@Component
@RequiredArgsConstructor
public class OrderJobs {

    private static final int BATCH = 500;

    private final OrderBook book;

    private final Returns returns;

    private final IdempotencyKeys keys;

    /**
     * Unpaid orders past their deadline expire and give their stock back, one transaction
     * each.
     */
    @Scheduled(fixedDelayString = "${pasar.orders.expiry-interval:PT30S}",
            initialDelayString = "${pasar.orders.expiry-initial-delay:PT20S}")
    @SchedulerLock(name = "orders.expire-unpaid", lockAtMostFor = "PT10M")
    public void expireUnpaidOrders() {
        int expired = inBatches(book::unpaidExpired, book::expire);
        if (expired > 0) {
            log.info("{} unpaid orders expired", expired);
        }
    }

    /**
     * What the clock decides: returns that their sellers did not decide in time are
     * accepted, accepted ones never sent back lapse; shipped seller orders that their
     * shoppers have not confirmed in time count as delivered; delivered ones whose return
     * window has passed with no return open complete. One transaction each.
     */
    @Scheduled(fixedDelayString = "${pasar.orders.fulfilment-interval:PT5M}",
            initialDelayString = "${pasar.orders.fulfilment-initial-delay:PT1M}")
    @SchedulerLock(name = "orders.move-fulfilment-on", lockAtMostFor = "PT30M")
    public void moveFulfilmentOn() {
        int accepted = inBatches(returns::undecided, returns::acceptIfUndecided);
        int lapsed = inBatches(returns::neverSentBack, returns::lapseIfNeverSentBack);
        int delivered = inBatches(book::dueForDelivery, book::deliverIfDue);
        int completed = inBatches(book::dueForCompletion, book::completeIfDue);
        if (accepted + lapsed + delivered + completed > 0) {
            log.info("By the clock: {} returns accepted for their sellers, {} lapsed; {} seller orders delivered, {}"
                    + " completed", accepted, lapsed, delivered, completed);
        }
    }

    /**
     * Runs {@code move} on each id {@code due} gives, 500 at a time, until a batch moves
     * nothing more; answers how many moved.
     */
    private static int inBatches(IntFunction<List<UUID>> due, Predicate<UUID> move) {
        int moved = 0;
        List<UUID> batch;
        do {
            batch = due.apply(BATCH);
            int before = moved;
            for (UUID id : batch) {
                if (move.test(id)) {
                    moved++;
                }
            }
            if (moved == before) {
                break;
            }
        }
        while (batch.size() == BATCH);
        return moved;
    }

    @Scheduled(cron = "${pasar.orders.idempotency-cleanup-cron:0 17 3 * * *}", zone = "Asia/Jakarta")
    @SchedulerLock(name = "orders.delete-old-idempotency-keys", lockAtMostFor = "PT30M")
    void deleteOldIdempotencyKeys() {
        log.info("{} idempotency keys older than {} deleted", keys.deleteOlderThanKeptFor(), IdempotencyKeys.KEPT_FOR);
    }

}
