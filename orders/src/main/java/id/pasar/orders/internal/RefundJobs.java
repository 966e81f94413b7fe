package id.pasar.orders.internal;

import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends requested refunds and retries failed ones, on one instance at a time. */
@Slf4j
@Component
@RequiredArgsConstructor
public class RefundJobs {

    private final Refunds refunds;

    /**
     * Every refund due, one transaction each; a refund that throws is left for the next
     * run.
     */
    @Scheduled(fixedDelayString = "${pasar.orders.refund-interval:PT1M}",
            initialDelayString = "${pasar.orders.refund-initial-delay:PT30S}")
    @SchedulerLock(name = "orders.send-refunds", lockAtMostFor = "PT10M")
    public void sendDueRefunds() {
        List<UUID> due = refunds.due(200);
        for (UUID refundId : due) {
            try {
                refunds.send(refundId);
            }
            catch (RuntimeException e) {
                log.warn("Refund {} not sent: {}", refundId, e.toString());
            }
        }
    }

}
