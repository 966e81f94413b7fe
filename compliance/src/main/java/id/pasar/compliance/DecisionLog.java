package id.pasar.compliance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The append-only, hash-chained log of every compliance decision (compliance-rules.md).
 * Appends join the caller's transaction: a decision exists exactly when what it decided
 * was stored.
 */
public interface DecisionLog {

    /** The hash before the first entry. */
    String GENESIS_HASH = "0".repeat(64);

    Decision append(NewDecision decision);

    /**
     * Appends several decisions in order, under one lock of the chain's head: for batch
     * work.
     */
    List<Decision> appendAll(List<NewDecision> decisions);

    enum SubjectType {

        SELLER_APPLICATION, SELLER_REVIEW, SELLER_REVOCATION, LISTING_PUBLICATION, LISTING_SUSPENSION,
        PLATFORM_AFFILIATE_LIST, CREATOR_APPLICATION, CREATOR_REVIEW, CREATOR_REVOCATION

    }

    enum Outcome {

        PASS, FAIL, REVIEW

    }

    /**
     * @param subjectVersion the version of the subject decided on (a listing's version),
     * or null
     * @param actor a user id, or {@code system}
     * @param contentHash for a decision that checked a listing's content, the listing's
     * {@code content_hash} (ADR 0007), else null
     */
    record NewDecision(SubjectType subjectType, UUID subjectId, Integer subjectVersion, Outcome outcome,
            List<String> reasons, String actor, String ruleSetVersion, String contentHash) {
        public NewDecision {
            reasons = List.copyOf(reasons);
        }

        /** A decision that checked no listing content. */
        public NewDecision(SubjectType subjectType, UUID subjectId, Integer subjectVersion, Outcome outcome,
                List<String> reasons, String actor, String ruleSetVersion) {
            this(subjectType, subjectId, subjectVersion, outcome, reasons, actor, ruleSetVersion, null);
        }
    }

    /**
     * @param contentHash the hash of the listing content a listing decision checked; null
     * otherwise and before 2026-12-06
     */
    record Decision(long sequence, UUID decisionId, SubjectType subjectType, UUID subjectId, Integer subjectVersion,
            Outcome outcome, List<String> reasons, String actor, Instant decidedAt, String ruleSetVersion,
            String contentHash, String hash, String previousHash) {
    }

}
