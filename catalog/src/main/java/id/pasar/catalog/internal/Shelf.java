package id.pasar.catalog.internal;

import id.pasar.catalog.ListingPublication;
import id.pasar.compliance.ListingScreening;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The published shelf: what goes on it, with which proof, and what comes off it. */
@Service
@RequiredArgsConstructor
class Shelf implements ListingPublication {

    private final ListingRepository listings;
    private final ListingScreening screening;
    private final KeptSearchOrders searchOrders;
    private final Clock clock;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Candidate lockForPublication(UUID listingId, UUID sellerId) {
        Listing listing = listings.lockByIdAndSellerId(listingId, sellerId).orElseThrow(CatalogProblems.ListingNotFound::new);
        return new Candidate(listing.getId(), listing.getSellerId(), listing.getVersion(), listing.getStatus().name(),
                listing.getCategoryCode(), listing.getShipFromRegencyCode(), listing.getRegulatoryLicence(),
                listing.getHalalStatus(), listing.getHalalCertificateNumber(), listing.getDecisionId());
    }

    /** The proof is checked here too, not only in the database: a wrong caller fails loudly and early. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(UUID listingId, int version, UUID passDecisionId, String ruleSetVersion, String shopName) {
        if (!screening.isPass(passDecisionId, listingId, version)) {
            throw new IllegalStateException("decision " + passDecisionId + " is not a PASS for listing " + listingId
                    + " version " + version);
        }
        Listing listing = listings.lockById(listingId).orElseThrow(CatalogProblems.ListingNotFound::new);
        listing.publish(version, passDecisionId, ruleSetVersion, shopName, clock.instant());
        listings.flush();
        searchOrders.clearAfterCommit();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void refuse(UUID listingId, int version, UUID decisionId, List<String> reasons) {
        listings.lockById(listingId).filter(listing -> listing.getVersion() == version)
                .ifPresent(listing -> listing.refused(decisionId, reasons, clock.instant()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ShelfEntry> publishedBySeller(UUID sellerId) {
        return listings.lockPublishedBySeller(sellerId).stream().map(Shelf::entry).toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ShelfEntry> publishedPassedUnder(java.util.Collection<String> ruleSetVersions, int limit) {
        return listings.lockPublishedPassedUnder(ruleSetVersions, Limit.of(limit)).stream().map(Shelf::entry).toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void suspend(UUID listingId, int version, UUID decisionId, List<String> reasons) {
        Listing listing = listings.lockById(listingId).orElseThrow(CatalogProblems.ListingNotFound::new);
        listing.suspend(decisionId, reasons, clock.instant());
        listings.flush();
    }

    /** One query checks every proof; the updates then go out as JDBC batches (the entities were locked with the batch). */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void renewPasses(List<Renewal> renewals) {
        int passes = screening.countPasses(renewals.stream()
                        .map(r -> new ListingScreening.Recheck(r.listingId(), r.version(), null)).toList(),
                renewals.stream().map(Renewal::passDecisionId).toList());
        if (passes != renewals.size()) {
            throw new IllegalStateException((renewals.size() - passes) + " of " + renewals.size()
                    + " renewals have no PASS for their listing version");
        }
        java.time.Instant now = clock.instant();
        for (Renewal renewal : renewals) {
            // Already loaded and locked by publishedPassedUnder: found in the persistence context.
            listings.findById(renewal.listingId()).orElseThrow(CatalogProblems.ListingNotFound::new)
                    .renewPass(renewal.passDecisionId(), renewal.ruleSetVersion(), now);
        }
    }

    private static ShelfEntry entry(Listing listing) {
        return new ShelfEntry(listing.getId(), listing.getSellerId(), listing.getVersion(), listing.getCategoryCode(),
                listing.getShipFromRegencyCode(), listing.getRegulatoryLicence(), listing.getHalalStatus(),
                listing.getHalalCertificateNumber(), listing.getPublishedAt());
    }
}
