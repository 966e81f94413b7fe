package id.pasar.catalog;

import id.pasar.compliance.ListingRules.HalalStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The catalog's side of publishing and taking down, for the workflows in the gateway. A listing
 * becomes PUBLISHED only through {@link #publish}, which demands a compliance PASS for its exact
 * version; the database refuses any other way.
 */
public interface ListingPublication {

    /** The caller's listing, locked for the rest of the transaction; 404 when it is not the seller's. */
    Candidate lockForPublication(UUID listingId, UUID sellerId);

    /**
     * Publishes the listing version that {@code passDecisionId} passed.
     *
     * @throws IllegalStateException when the decision is not a PASS for this listing version
     */
    void publish(UUID listingId, int version, UUID passDecisionId, String ruleSetVersion, String shopName);

    /** Records why compliance refused to publish this version; the listing keeps its status. */
    void refuse(UUID listingId, int version, UUID decisionId, List<String> reasons);

    /** The seller's listings on the shelf now, locked: a take-down suspends each. */
    List<ShelfEntry> publishedBySeller(UUID sellerId);

    /** Published listings whose PASS was given under one of these (older) rule sets, for the re-check, locked. */
    List<ShelfEntry> publishedPassedUnder(java.util.Collection<String> ruleSetVersions, int limit);

    /** Takes a published listing off the shelf, with the LISTING_SUSPENSION decision behind it. */
    void suspend(UUID listingId, int version, UUID decisionId, List<String> reasons);

    /**
     * Published listings passed again under a newer rule set, in one go.
     *
     * @throws IllegalStateException when any decision is not a PASS for its listing version
     */
    void renewPasses(List<Renewal> renewals);

    record Renewal(UUID listingId, int version, UUID passDecisionId, String ruleSetVersion) {
    }

    /** What compliance needs to see of a listing version. */
    record Candidate(UUID listingId, UUID sellerId, int version, String status, String categoryCode,
            String shipFromRegencyCode, String regulatoryLicence, HalalStatus halalStatus, String halalCertificateNumber,
            UUID decisionId) {

        public boolean published() {
            return "PUBLISHED".equals(status);
        }
    }

    record ShelfEntry(UUID listingId, UUID sellerId, int version, String categoryCode, String shipFromRegencyCode,
            String regulatoryLicence, HalalStatus halalStatus, String halalCertificateNumber, Instant publishedAt) {
    }
}
