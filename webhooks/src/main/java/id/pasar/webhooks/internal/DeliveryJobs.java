package id.pasar.webhooks.internal;

import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends due webhook deliveries, on one instance at a time. */
@Slf4j
@Component
@RequiredArgsConstructor
public class DeliveryJobs {

    private final WebhookDeliveries deliveries;

    private final WebhooksProperties properties;

    /**
     * Every delivery due, one transaction each; one that throws is left for the next run.
     */
    @Scheduled(fixedDelayString = "${pasar.webhooks.delivery-interval:PT10S}",
            initialDelayString = "${pasar.webhooks.delivery-initial-delay:PT30S}")
    @SchedulerLock(name = "webhooks.deliver", lockAtMostFor = "PT30M")
    public void deliverDue() {
        List<UUID> due = deliveries.due(properties.batch());
        for (UUID deliveryId : due) {
            try {
                deliveries.send(deliveryId);
            }
            catch (RuntimeException e) {
                log.warn("Webhook delivery {} not attempted: {}", deliveryId, e.toString());
            }
        }
    }

}
