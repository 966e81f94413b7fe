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
    public List<ShelfEntry> publishedPassedUnderOtherThan(String ruleSetVersion, int limit) {
        return listings.lockPublishedPassedUnderOtherThan(ruleSetVersion, Limit.of(limit)).stream().map(Shelf::entry).toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void suspend(UUID listingId, int version, UUID decisionId, List<String> reasons) {
        Listing listing = listings.lockById(listingId).orElseThrow(CatalogProblems.ListingNotFound::new);
        listing.suspend(decisionId, reasons, clock.instant());
        listings.flush();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void renewPass(UUID listingId, int version, UUID passDecisionId, String ruleSetVersion) {
        if (!screening.isPass(passDecisionId, listingId, version)) {
            throw new IllegalStateException("decision " + passDecisionId + " is not a PASS for listing " + listingId);
        }
        listings.lockById(listingId).orElseThrow(CatalogProblems.ListingNotFound::new)
                .renewPass(passDecisionId, ruleSetVersion, clock.instant());
    }

    private static ShelfEntry entry(Listing listing) {
        return new ShelfEntry(listing.getId(), listing.getSellerId(), listing.getVersion(), listing.getCategoryCode(),
                listing.getShipFromRegencyCode(), listing.getRegulatoryLicence(), listing.getHalalStatus(),
                listing.getHalalCertificateNumber(), listing.getPublishedAt());
    }
}
