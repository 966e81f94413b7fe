package id.pasar.catalog.internal;

import id.pasar.catalog.ListingPublished;
import id.pasar.catalog.ListingTakenDown;
import id.pasar.compliance.ListingRules.HalalStatus;
import id.pasar.compliance.ListingScreening;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published shelf: what goes on it, with which proof, and what comes off it. A
 * listing becomes PUBLISHED only through {@link #publish}, which demands a compliance
 * PASS for its exact version and checked content; the database refuses any other way. Its
 * only callers are the {@link PublishingWorkflow}'s, inside their transactions. Each
 * change publishes {@link ListingPublished} or {@link ListingTakenDown} in the same
 * transaction (the outbox's, ADR 0031).
 */
@Service
@RequiredArgsConstructor
public class Shelf {

    private final ListingRepository listings;

    private final ListingScreening screening;

    private final SearchOrderingCache searchOrderings;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    /** What compliance needs to see of a listing version. */
    record Candidate(ListingVersion listing, UUID sellerId, Listing.Status status, String categoryCode,
            String shipFromRegencyCode, String regulatoryLicence, HalalStatus halalStatus,
            String halalCertificateNumber, UUID decisionId) {
    }

    /** A listing on the shelf, as a take-down or a re-check sees it. */
    record ShelfEntry(ListingVersion listing, UUID sellerId, String categoryCode, String shipFromRegencyCode,
            String regulatoryLicence, HalalStatus halalStatus, String halalCertificateNumber) {
    }

    /** A published listing version passed again under a newer rule set. */
    record Renewal(ListingVersion listing, UUID passDecisionId, String ruleSetVersion) {
    }

    /**
     * The seller's listing, locked for the rest of the transaction; 404 when it is not
     * the seller's.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Candidate lockForPublication(UUID listingId, UUID sellerId) {
        Listing listing = listings.lockByIdAndSellerId(listingId, sellerId)
            .orElseThrow(CatalogProblems.ListingNotFound::new);
        return new Candidate(version(listing), listing.getSellerId(), listing.getStatus(), listing.getCategoryCode(),
                listing.getShipFromRegencyCode(), listing.getRegulatoryLicence(), listing.getHalalStatus(),
                listing.getHalalCertificateNumber(), listing.getDecisionId());
    }

    /**
     * Publishes the listing version that {@code passDecisionId} passed. The proof is
     * checked here too, not only in the database: a wrong caller fails loudly and early.
     * @throws IllegalStateException when the decision is not a PASS for this listing
     * version
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(ListingVersion passed, UUID passDecisionId, String ruleSetVersion, String shopName) {
        if (!screening.isPass(passDecisionId, passed.listingId(), passed.version(), passed.contentHash())) {
            throw new IllegalStateException("decision " + passDecisionId + " is not a PASS for " + passed);
        }
        Listing listing = listings.lockById(passed.listingId()).orElseThrow(CatalogProblems.ListingNotFound::new);
        // The entity cannot hash its content (the database generates it): compared here,
        // as loaded with the lock.
        if (!passed.contentHash().equals(listing.getContentHash())) {
            throw new IllegalStateException(
                    "decision " + passDecisionId + " checked other content than " + passed.listingId() + " holds");
        }
        Instant now = clock.instant();
        listing.publish(passed.version(), passDecisionId, ruleSetVersion, shopName, now);
        listings.flush();
        searchOrderings.clearAfterCommit();
        events.publishEvent(
                new ListingPublished(listing.getId(), listing.getSellerId(), passed.version(), passDecisionId, now));
    }

    /**
     * Records why compliance refused to publish this version; the listing keeps its
     * status.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void refuse(ListingVersion refused, UUID decisionId, List<String> reasons) {
        listings.lockById(refused.listingId())
            .filter(listing -> listing.getVersion() == refused.version())
            .ifPresent(listing -> listing.refused(decisionId, reasons, clock.instant()));
    }

    /** The seller's listings on the shelf now, locked: a take-down suspends each. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<ShelfEntry> publishedBySeller(UUID sellerId) {
        return listings.lockPublishedBySeller(sellerId).stream().map(Shelf::entry).toList();
    }

    /**
     * Published listings whose PASS was given under one of these (older) rule sets, for
     * the re-check, locked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<ShelfEntry> publishedPassedUnder(Collection<String> ruleSetVersions, int limit) {
        return listings.lockPublishedPassedUnder(ruleSetVersions, Limit.of(limit)).stream().map(Shelf::entry).toList();
    }

    /**
     * Takes a published listing off the shelf, with the LISTING_SUSPENSION decision
     * behind it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void suspend(ListingVersion suspended, UUID decisionId, List<String> reasons) {
        Listing listing = listings.lockById(suspended.listingId()).orElseThrow(CatalogProblems.ListingNotFound::new);
        Instant now = clock.instant();
        listing.suspend(decisionId, reasons, now);
        listings.flush();
        events.publishEvent(new ListingTakenDown(listing.getId(), listing.getSellerId(), listing.getVersion(),
                Listing.Status.SUSPENDED.name(), reasons, now));
    }

    /**
     * Published listings passed again under a newer rule set, in one go. One query checks
     * every proof; the updates then go out as JDBC batches (the entities were locked with
     * the batch).
     * @throws IllegalStateException when any decision is not a PASS for its listing
     * version
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void renewPasses(List<Renewal> renewals) {
        int passes = screening.countPasses(renewals.stream()
            .map(r -> new ListingScreening.Recheck(r.listing().listingId(), r.listing().version(),
                    r.listing().contentHash(), null))
            .toList(), renewals.stream().map(Renewal::passDecisionId).toList());
        if (passes != renewals.size()) {
            throw new IllegalStateException((renewals.size() - passes) + " of " + renewals.size()
                    + " renewals have no PASS for their listing version");
        }
        Instant now = clock.instant();
        for (Renewal renewal : renewals) {
            // Already loaded and locked by publishedPassedUnder: found in the persistence
            // context.
            listings.findById(renewal.listing().listingId())
                .orElseThrow(CatalogProblems.ListingNotFound::new)
                .renewPass(renewal.passDecisionId(), renewal.ruleSetVersion(), now);
        }
    }

    private static ShelfEntry entry(Listing listing) {
        return new ShelfEntry(version(listing), listing.getSellerId(), listing.getCategoryCode(),
                listing.getShipFromRegencyCode(), listing.getRegulatoryLicence(), listing.getHalalStatus(),
                listing.getHalalCertificateNumber());
    }

    private static ListingVersion version(Listing listing) {
        return new ListingVersion(listing.getId(), listing.getVersion(), listing.getContentHash());
    }

}
