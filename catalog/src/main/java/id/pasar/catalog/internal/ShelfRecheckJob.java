package id.pasar.catalog.internal;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the active rule set changes (at its instant, or at start when that has passed),
 * the published shelf is checked again under it, in batches of {@value #BATCH} each in
 * its own transaction, on one instance at a time (ShedLock). Until a listing is
 * re-checked it keeps its earlier PASS. Polling every 30 seconds puts a new rule set to
 * work within a minute of its instant.
 */
@Slf4j
@Component
@RequiredArgsConstructor
class ShelfRecheckJob {

    static final int BATCH = 200;

    private final PublishingWorkflow workflow;

    @Scheduled(initialDelayString = "${pasar.publishing.recheck-initial-delay:PT30S}",
            fixedDelayString = "${pasar.publishing.recheck-interval:PT30S}")
    @SchedulerLock(name = "publishing.recheck-shelf", lockAtMostFor = "PT30M")
    void recheck() {
        int checked = 0;
        int suspended = 0;
        PublishingWorkflow.RecheckResult batch;
        do {
            batch = workflow.recheckBatch(BATCH);
            checked += batch.checked();
            suspended += batch.suspended();
        }
        while (batch.checked() == BATCH);
        if (checked > 0) {
            log.info("Shelf re-checked under rule set {}: {} listings, {} suspended", batch.ruleSetVersion(), checked,
                    suspended);
        }
    }

}
