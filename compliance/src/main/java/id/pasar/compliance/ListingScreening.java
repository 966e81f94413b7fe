package id.pasar.compliance;

import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.ListingRules.ListingFacts;
import java.util.List;
import java.util.UUID;

/**
 * Compliance's decisions about listings, each appended to the {@link DecisionLog} in the
 * caller's transaction. A PASS is bound to one version of one listing and to the content
 * it checked (the catalog's {@code content_hash}, recorded on the decision): the catalog
 * publishes with it as proof, and the database refuses a PUBLISHED row without it or with
 * other checked content (ADR 0007).
 */
public interface ListingScreening {

    /** The suspension reason when a listing's seller is revoked or loses verification. */
    String SELLER_NOT_VERIFIED = "SELLER_NOT_VERIFIED";

    /** The rule set that decides now. */
    String activeRuleSetVersion();

    /**
     * Checks a listing version for publication and logs the LISTING_PUBLICATION decision,
     * PASS or FAIL, naming {@code contentHash}, the catalog's hash of the content that
     * {@code facts} were gathered from.
     */
    ListingDecision screenPublication(UUID listingId, int version, String contentHash, ListingFacts facts,
            String actor);

    /**
     * Checks published listing versions again under the active rule set, in one go: a
     * LISTING_PUBLICATION PASS under it for each that still passes, else a
     * LISTING_SUSPENSION with every reason. The decisions come back in the order of
     * {@code listings}.
     */
    List<ListingDecision> recheckPublished(List<Recheck> listings, String actor);

    /**
     * How many of these decisions are PASSes for exactly their listing's version and
     * content.
     */
    int countPasses(List<Recheck> listings, List<UUID> decisionIds);

    record Recheck(UUID listingId, int version, String contentHash, ListingFacts facts) {
    }

    /** Logs that a published listing version was taken down, with why. */
    Decision recordSuspension(UUID listingId, int version, List<String> reasons, String actor);

    /**
     * Whether {@code decisionId} is a PASS for exactly this listing version with this
     * checked content.
     */
    boolean isPass(UUID decisionId, UUID listingId, int version, String contentHash);

    record ListingDecision(boolean passed, List<String> reasons, UUID decisionId, String ruleSetVersion) {
        public ListingDecision {
            reasons = List.copyOf(reasons);
        }
    }

}
