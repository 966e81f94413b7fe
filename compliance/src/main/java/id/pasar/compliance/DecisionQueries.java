package id.pasar.compliance;

import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.DecisionLog.Outcome;
import id.pasar.compliance.DecisionLog.SubjectType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reading the decision log: for auditors, read-only. */
public interface DecisionQueries {

    /**
     * @param from inclusive, or null; {@code to} exclusive, or null
     * @param subjectType null for all; {@code outcome} null for all
     */
    record Filter(Instant from, Instant to, SubjectType subjectType, Outcome outcome) {
    }

    /**
     * Entries in sequence order after {@code afterSequence} (0 for the start), at most
     * {@code size}.
     */
    List<Decision> page(Filter filter, long afterSequence, int size);

    /**
     * Every matching entry in sequence order, streamed from the database in constant
     * memory.
     */
    void stream(Filter filter, Consumer<Decision> each);

    /** Recomputes the whole chain from the first entry. */
    Verification verify();

    /** Counts of one period's decisions, for the reports. */
    Counts counts(Instant from, Instant to);

    /**
     * @param firstBrokenSequence the first entry whose hash, previous hash or sequence
     * does not follow from the entries before it; null when the chain is intact
     */
    record Verification(boolean valid, long entries, String headHash, Long firstBrokenSequence) {
    }

    /**
     * @param rejectedApplications seller applications rejected by the rules or by an
     * officer
     * @param rejectedCrossBorder of those, the ones refused as foreign
     * (FOREIGN_NATIONALITY, FOREIGN_ENTITY)
     * @param listingReasons every reason of the refused publication checks, counted
     */
    record Counts(long rejectedApplications, long rejectedCrossBorder, long revocations, long listingChecks,
            long listingPassed, long listingRejected, Map<String, Long> listingReasons) {
    }

}
