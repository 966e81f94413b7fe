package id.pasar.orders.internal;

import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Housekeeping of orders, each job on one instance at a time (ShedLock). */
@Slf4j
@Component
@RequiredArgsConstructor
class OrderJobs {

    private final OrderBook book;

    private final IdempotencyKeys keys;

    /**
     * Unpaid orders past their deadline expire and give their stock back, one transaction
     * each.
     */
    @Scheduled(fixedDelayString = "${pasar.orders.expiry-interval:PT30S}",
            initialDelayString = "${pasar.orders.expiry-initial-delay:PT20S}")
    @SchedulerLock(name = "orders.expire-unpaid", lockAtMostFor = "PT10M")
    void expireUnpaidOrders() {
        List<UUID> due;
        int expired = 0;
        do {
            due = book.unpaidExpired(500);
            for (UUID orderId : due) {
                if (book.expire(orderId)) {
                    expired++;
                }
            }
        }
        while (due.size() == 500);
        if (expired > 0) {
            log.info("{} unpaid orders expired", expired);
        }
    }

    @Scheduled(cron = "${pasar.orders.idempotency-cleanup-cron:0 17 3 * * *}", zone = "Asia/Jakarta")
    @SchedulerLock(name = "orders.delete-old-idempotency-keys", lockAtMostFor = "PT30M")
    void deleteOldIdempotencyKeys() {
        log.info("{} idempotency keys older than {} deleted", keys.deleteOlderThanKeptFor(), IdempotencyKeys.KEPT_FOR);
    }

}
