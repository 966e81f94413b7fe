package id.pasar.gateway;

import java.time.Duration;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again, every minute on one instance (ShedLock), the outbox's publications
 * whose listener failed or never ran and that are older than {@link #OLDER_THAN}. Without
 * it a listener that failed (a pool timeout during a flash sale, say) was retried only
 * when an instance restarted, so the sales tally lagged until then. Listeners are
 * idempotent (ADR 0019), so a publication delivered again while its first delivery still
 * runs counts once.
 */
@Component
@RequiredArgsConstructor
class OutboxRetryJob {

    static final Duration OLDER_THAN = Duration.ofMinutes(1);

    private final IncompleteEventPublications publications;

    @Scheduled(initialDelayString = "${pasar.outbox.retry-initial-delay:PT1M}",
            fixedDelayString = "${pasar.outbox.retry-interval:PT1M}")
    @SchedulerLock(name = "gateway.outbox-retry", lockAtMostFor = "PT10M")
    void retry() {
        publications.resubmitIncompletePublicationsOlderThan(OLDER_THAN);
    }

}
