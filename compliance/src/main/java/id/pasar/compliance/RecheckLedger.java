package id.pasar.compliance;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the shelf re-check under each rule set stands, for the job and for the auditors'
 * report.
 */
public interface RecheckLedger {

    /**
     * Counts a committed batch (in the batch's own transaction); the first batch starts
     * the re-check.
     */
    void recordBatch(String ruleSetVersion, int checked, int suspended);

    /** Marks the re-check DONE: nothing published is left under an older rule set. */
    void finish(String ruleSetVersion);

    Optional<Recheck> of(String ruleSetVersion);

    /**
     * @param state RUNNING or DONE
     */
    record Recheck(String ruleSetVersion, String state, long checked, long suspended, Instant startedAt,
            Instant finishedAt) {

        public boolean done() {
            return "DONE".equals(state);
        }
    }

}
