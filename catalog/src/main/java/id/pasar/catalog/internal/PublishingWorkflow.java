package id.pasar.catalog.internal;

import id.pasar.catalog.Categories;
import id.pasar.catalog.Categories.Category;
import id.pasar.catalog.internal.Shelf.Candidate;
import id.pasar.catalog.internal.Shelf.Renewal;
import id.pasar.catalog.internal.Shelf.ShelfEntry;
import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.ListingRules.HalalStatus;
import id.pasar.compliance.ListingRules.ListingFacts;
import id.pasar.compliance.ListingScreening;
import id.pasar.compliance.ListingScreening.ListingDecision;
import id.pasar.compliance.RecheckLedger;
import id.pasar.compliance.RuleSets;
import id.pasar.onboarding.SellerRevoked;
import id.pasar.onboarding.Sellers;
import id.pasar.onboarding.Sellers.SellerSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way onto the shelf: the listing version is locked, compliance decides on
 * exactly that version and logs it, and only a PASS, handed to the {@link Shelf} as
 * proof, publishes it (ADR 0007). And the ways off the shelf: a seller's revocation takes
 * every one of its listings down in the revoking transaction, each with a
 * LISTING_SUSPENSION decision; a new rule set re-checks the shelf in batches.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class PublishingWorkflow {

    private final Sellers sellers;

    private final Shelf shelf;

    private final Categories categories;

    private final ListingScreening screening;

    private final RecheckLedger ledger;

    private final RuleSets ruleSets;

    /**
     * Compliance's answer to a request to publish: {@code published} with the PASS, or
     * every reason of the FAIL; either way the decision is committed and its id returned.
     */
    public record Publication(boolean published, List<String> reasons, UUID decisionId) {
    }

    /** Publishes, or records the refusal. 404 when the listing is not the caller's. */
    @Transactional
    public Publication publish(UUID listingId, UUID userId) {
        SellerSummary seller = sellers.ofUser(userId).orElseThrow(CatalogProblems.ListingNotFound::new);
        Candidate listing = shelf.lockForPublication(listingId, seller.sellerId());
        if (listing.status() == Listing.Status.PUBLISHED) {
            return new Publication(true, List.of(), listing.decisionId());
        }
        ListingVersion version = listing.listing();
        ListingDecision decision = screening.screenPublication(version.listingId(), version.version(),
                version.contentHash(), facts(seller.verified(), listing), userId.toString());
        if (decision.passed()) {
            shelf.publish(version, decision.decisionId(), decision.ruleSetVersion(), seller.shopName());
            log.info("Listing {} version {} published ({})", listingId, version.version(), decision.decisionId());
        }
        else {
            shelf.refuse(version, decision.decisionId(), decision.reasons());
            log.info("Listing {} version {} refused: {}", listingId, version.version(), decision.reasons());
        }
        return new Publication(decision.passed(), decision.reasons(), decision.decisionId());
    }

    /**
     * Runs inside the revocation's transaction: the seller and its shelf change together.
     */
    @EventListener
    public void takeDownListingsOf(SellerRevoked revoked) {
        List<ShelfEntry> published = shelf.publishedBySeller(revoked.sellerId());
        for (ShelfEntry listing : published) {
            Decision decision = screening.recordSuspension(listing.listing().listingId(), listing.listing().version(),
                    List.of(ListingScreening.SELLER_NOT_VERIFIED), "system");
            shelf.suspend(listing.listing(), decision.decisionId(), List.of(ListingScreening.SELLER_NOT_VERIFIED));
        }
        log.info("Seller {} revoked ({}): {} listings suspended", revoked.sellerId(), revoked.reasonCode(),
                published.size());
    }

    /** How far one batch of the shelf's re-check got. */
    public record RecheckResult(String ruleSetVersion, int checked, int suspended) {
    }

    /**
     * Re-checks one batch of published listings whose PASS came from another rule set: a
     * PASS under the active set for each that still passes, a suspension for the rest.
     * The batch, its decisions and the progress commit together, so a crash loses no work
     * and repeats none; a batch that comes back short means the shelf is done.
     */
    @Transactional
    public RecheckResult recheckBatch(int batchSize) {
        String active = ruleSets.active().version();
        List<String> others = ruleSets.all()
            .stream()
            .map(RuleSets.RuleSet::version)
            .filter(v -> !v.equals(active))
            .toList();
        List<ShelfEntry> batch = others.isEmpty() ? List.of() : shelf.publishedPassedUnder(others, batchSize);
        // A seller usually has many listings: one lookup each per batch.
        Map<UUID, Optional<SellerSummary>> sellersOfBatch = new HashMap<>();
        List<ListingScreening.Recheck> rechecks = batch.stream().map(listing -> {
            SellerSummary seller = sellersOfBatch.computeIfAbsent(listing.sellerId(), sellers::byId).orElse(null);
            return new ListingScreening.Recheck(listing.listing().listingId(), listing.listing().version(),
                    listing.listing().contentHash(), facts(seller != null && seller.verified(), listing));
        }).toList();
        List<ListingDecision> decisions = screening.recheckPublished(rechecks, "system");
        List<Renewal> renewals = new ArrayList<>();
        int suspended = 0;
        for (int i = 0; i < batch.size(); i++) {
            ShelfEntry listing = batch.get(i);
            ListingDecision decision = decisions.get(i);
            if (decision.passed()) {
                renewals.add(new Renewal(listing.listing(), decision.decisionId(), decision.ruleSetVersion()));
            }
            else {
                shelf.suspend(listing.listing(), decision.decisionId(), decision.reasons());
                suspended++;
            }
        }
        shelf.renewPasses(renewals);
        ledger.recordBatch(active, batch.size(), suspended);
        if (batch.size() < batchSize) {
            ledger.finish(active);
        }
        return new RecheckResult(active, batch.size(), suspended);
    }

    private ListingFacts facts(boolean sellerVerified, Candidate listing) {
        return facts(sellerVerified, listing.categoryCode(), listing.shipFromRegencyCode(), listing.regulatoryLicence(),
                listing.halalStatus(), listing.halalCertificateNumber());
    }

    private ListingFacts facts(boolean sellerVerified, ShelfEntry listing) {
        return facts(sellerVerified, listing.categoryCode(), listing.shipFromRegencyCode(), listing.regulatoryLicence(),
                listing.halalStatus(), listing.halalCertificateNumber());
    }

    private ListingFacts facts(boolean sellerVerified, String categoryCode, String shipFromRegencyCode,
            String regulatoryLicence, HalalStatus halalStatus, String halalCertificateNumber) {
        Category category = categories.find(categoryCode)
            .orElseThrow(() -> new IllegalStateException("listing with unknown category " + categoryCode));
        return new ListingFacts(sellerVerified, shipFromRegencyCode, category.prohibited(), category.licenceKind(),
                regulatoryLicence, category.halalRequired(), halalStatus, halalCertificateNumber);
    }

}
