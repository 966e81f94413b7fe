package id.pasar.ledger.internal;

import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends requested payouts, on one instance at a time, and forgets old Idempotency-Keys.
 */
@Slf4j
@Component
@RequiredArgsConstructor
public class PayoutJobs {

    private final Payouts payouts;

    private final PayoutKeys keys;

    /**
     * Every requested payout, one transaction each; one the gateway cannot take now is
     * left for the next run.
     */
    @Scheduled(fixedDelayString = "${pasar.ledger.payout-interval:PT1M}",
            initialDelayString = "${pasar.ledger.payout-initial-delay:PT30S}")
    @SchedulerLock(name = "ledger.send-payouts", lockAtMostFor = "PT10M")
    public void sendDuePayouts() {
        List<UUID> due = payouts.due(200);
        for (UUID payoutId : due) {
            try {
                payouts.send(payoutId);
            }
            catch (RuntimeException e) {
                log.warn("Payout {} not sent: {}", payoutId, e.toString());
            }
        }
        int forgotten = keys.deleteOlderThanKeptFor();
        if (forgotten > 0) {
            log.info("{} payout Idempotency-Keys older than {} deleted", forgotten, PayoutKeys.KEPT_FOR);
        }
    }

}
