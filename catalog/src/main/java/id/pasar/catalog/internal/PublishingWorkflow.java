package id.pasar.gateway.publishing;

import id.pasar.catalog.Categories;
import id.pasar.catalog.Categories.Category;
import id.pasar.catalog.ListingPublication;
import id.pasar.catalog.ListingPublication.Candidate;
import id.pasar.catalog.ListingPublication.ShelfEntry;
import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.ListingRules.ListingFacts;
import id.pasar.compliance.ListingScreening;
import id.pasar.compliance.ListingScreening.ListingDecision;
import id.pasar.compliance.RecheckLedger;
import id.pasar.compliance.RuleSets;
import id.pasar.onboarding.SellerRevoked;
import id.pasar.onboarding.Sellers;
import id.pasar.onboarding.Sellers.SellerSummary;
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
 * The one way onto the shelf: catalog -> compliance -> catalog. The listing version is locked,
 * compliance decides on exactly that version and logs it, and only a PASS, handed to the catalog
 * as proof, publishes it. And the ways off the shelf: a seller's revocation takes every one of its
 * listings down in the revoking transaction, each with a LISTING_SUSPENSION decision.
 */
@Slf4j
@Service
@RequiredArgsConstructor
class PublishingWorkflow {

    private final Sellers sellers;
    private final ListingPublication shelf;
    private final Categories categories;
    private final ListingScreening screening;
    private final RecheckLedger ledger;
    private final RuleSets ruleSets;

    /** Publishes, or records the refusal; either way the decision is committed and returned. */
    @Transactional
    public Outcome publish(UUID listingId, UUID userId) {
        SellerSummary seller = sellers.ofUser(userId).orElseThrow(PublishingProblems.ListingNotFound::new);
        Candidate listing = shelf.lockForPublication(listingId, seller.sellerId());
        if (listing.published()) {
            return new Outcome(true, List.of(), listing.decisionId());
        }
        ListingDecision decision = screening.screenPublication(listing.listingId(), listing.version(), facts(seller, listing),
                userId.toString());
        if (decision.passed()) {
            shelf.publish(listing.listingId(), listing.version(), decision.decisionId(), decision.ruleSetVersion(),
                    seller.shopName());
            log.info("Listing {} version {} published ({})", listingId, listing.version(), decision.decisionId());
        } else {
            shelf.refuse(listing.listingId(), listing.version(), decision.decisionId(), decision.reasons());
            log.info("Listing {} version {} refused: {}", listingId, listing.version(), decision.reasons());
        }
        return new Outcome(decision.passed(), decision.reasons(), decision.decisionId());
    }

    /** Runs inside the revocation's transaction: the seller and its shelf change together. */
    @EventListener
    public void takeDownListingsOf(SellerRevoked revoked) {
        List<ShelfEntry> published = shelf.publishedBySeller(revoked.sellerId());
        for (ShelfEntry listing : published) {
            suspend(listing, List.of(ListingScreening.SELLER_NOT_VERIFIED), "system");
        }
        log.info("Seller {} revoked ({}): {} listings suspended", revoked.sellerId(), revoked.reasonCode(), published.size());
    }

    /**
     * Re-checks one batch of published listings whose PASS came from another rule set: a PASS under
     * the active set for each that still passes, a suspension for the rest. The batch, its
     * decisions and the progress commit together, so a crash loses no work and repeats none; a
     * batch that comes back short means the shelf is done.
     */
    @Transactional
    public RecheckResult recheckBatch(int batchSize) {
        String active = ruleSets.active().version();
        List<String> others = ruleSets.all().stream().map(RuleSets.RuleSet::version).filter(v -> !v.equals(active)).toList();
        List<ShelfEntry> batch = others.isEmpty() ? List.of() : shelf.publishedPassedUnder(others, batchSize);
        // A seller usually has many listings: one lookup each per batch.
        Map<UUID, Optional<SellerSummary>> sellersOfBatch = new HashMap<>();
        List<ListingScreening.Recheck> rechecks = batch.stream().map(listing -> {
            SellerSummary seller = sellersOfBatch.computeIfAbsent(listing.sellerId(), sellers::byId).orElse(null);
            Category category = category(listing.categoryCode());
            return new ListingScreening.Recheck(listing.listingId(), listing.version(), new ListingFacts(
                    seller != null && seller.verified(), listing.shipFromRegencyCode(), category.prohibited(),
                    category.licenceKind(), listing.regulatoryLicence(), category.halalRequired(), listing.halalStatus(),
                    listing.halalCertificateNumber()));
        }).toList();
        List<ListingDecision> decisions = screening.recheckPublished(rechecks, "system");
        List<ListingPublication.Renewal> renewals = new java.util.ArrayList<>();
        int suspended = 0;
        for (int i = 0; i < batch.size(); i++) {
            ShelfEntry listing = batch.get(i);
            ListingDecision decision = decisions.get(i);
            if (decision.passed()) {
                renewals.add(new ListingPublication.Renewal(listing.listingId(), listing.version(), decision.decisionId(),
                        decision.ruleSetVersion()));
            } else {
                shelf.suspend(listing.listingId(), listing.version(), decision.decisionId(), decision.reasons());
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

    private void suspend(ShelfEntry listing, List<String> reasons, String actor) {
        Decision decision = screening.recordSuspension(listing.listingId(), listing.version(), reasons, actor);
        shelf.suspend(listing.listingId(), listing.version(), decision.decisionId(), reasons);
    }

    private ListingFacts facts(SellerSummary seller, Candidate listing) {
        Category category = category(listing.categoryCode());
        return new ListingFacts(seller.verified(), listing.shipFromRegencyCode(), category.prohibited(), category.licenceKind(),
                listing.regulatoryLicence(), category.halalRequired(), listing.halalStatus(), listing.halalCertificateNumber());
    }

    private Category category(String code) {
        return categories.find(code).orElseThrow(() -> new IllegalStateException("listing with unknown category " + code));
    }

    record Outcome(boolean published, List<String> reasons, UUID decisionId) {
    }

    record RecheckResult(String ruleSetVersion, int checked, int suspended) {
    }
}
