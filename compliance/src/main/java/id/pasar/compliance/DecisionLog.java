package id.pasar.compliance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The append-only, hash-chained log of every compliance decision (compliance-rules.md). Appends
 * join the caller's transaction: a decision exists exactly when what it decided was stored.
 */
public interface DecisionLog {

    /** The hash before the first entry. */
    String GENESIS_HASH = "0".repeat(64);

    Decision append(NewDecision decision);

    /** Appends several decisions in order, under one lock of the chain's head: for batch work. */
    List<Decision> appendAll(List<NewDecision> decisions);

    enum SubjectType {
        SELLER_APPLICATION, SELLER_REVIEW, SELLER_REVOCATION, LISTING_PUBLICATION, LISTING_SUSPENSION,
        PLATFORM_AFFILIATE_LIST
    }

    enum Outcome { PASS, FAIL, REVIEW }

    /**
     * @param subjectVersion the version of the subject decided on (a listing's version), or null
     * @param actor a user id, or {@code system}
     */
    record NewDecision(SubjectType subjectType, UUID subjectId, Integer subjectVersion, Outcome outcome,
            List<String> reasons, String actor, String ruleSetVersion) {
        public NewDecision {
            reasons = List.copyOf(reasons);
        }
    }

    record Decision(long sequence, UUID decisionId, SubjectType subjectType, UUID subjectId, Integer subjectVersion,
            Outcome outcome, List<String> reasons, String actor, Instant decidedAt, String ruleSetVersion,
            String hash, String previousHash) {
    }
}
