package id.pasar.catalog.internal;

import id.pasar.catalog.ListingOfferChanged;
import id.pasar.catalog.ListingStock;
import id.pasar.catalog.ListingTakenDown;
import id.pasar.media.MediaOwnership;
import id.pasar.onboarding.Sellers;
import id.pasar.onboarding.Sellers.SellerSummary;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A seller's work on its own listings. Another seller's listing is "not found", never
 * "forbidden".
 */
@Service
@RequiredArgsConstructor
public class SellerListings {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private static final UUID LAST_ID = new UUID(-1L, -1L);

    private final ListingRepository listings;

    private final Sellers sellers;

    private final SoldOutListings soldOut;

    private final ListingVariants variants;

    private final MediaOwnership media;

    private final EntityManager entityManager;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    /**
     * @throws MediaOwnership.PhotoNotOwned when a photo is not one the caller uploaded
     */
    @Transactional
    public Listing create(UUID userId, ListingContent content) {
        SellerSummary seller = sellerOf(userId);
        media.requireOwnedBy(userId, content.photoIds());
        Listing listing = listings.saveAndFlush(new Listing(seller.sellerId(), content, clock.instant()));
        variants.replace(listing, content);
        return current(listing);
    }

    /**
     * A new version of the listing, to be checked again, with its variants as the content
     * says: a variant whose option values stay keeps its id.
     */
    @Transactional
    public Listing edit(UUID userId, UUID listingId, ListingContent content) {
        Listing listing = own(userId, listingId);
        media.requireOwnedBy(userId, content.photoIds());
        boolean wasPublished = listing.getStatus() == Listing.Status.PUBLISHED;
        listing.edit(content, clock.instant());
        listings.flush();
        if (wasPublished) {
            tookDown(listing);
        }
        // Any variant's stock may have changed: none is remembered sold out.
        variants.replace(listing, content).forEach(soldOut::forget);
        return current(listing);
    }

    /**
     * The stock of a listing without options (its one variant's).
     * @throws ListingStock.VariantRequired when the listing has options
     */
    @Transactional
    public Listing restock(UUID userId, UUID listingId, int stock) {
        Listing listing = own(userId, listingId);
        if (!listing.getOptionTypes().isEmpty()) {
            throw new ListingStock.VariantRequired(listingId);
        }
        return change(listing, listingId, null, stock);
    }

    /**
     * A variant's price or stock: not checked content, so the listing stays as it is
     * (published or not) and keeps its version.
     */
    @Transactional
    public Listing changeVariant(UUID userId, UUID listingId, UUID variantId, Long priceIdr, Integer stock) {
        return change(own(userId, listingId), variantId, priceIdr, stock);
    }

    /** The listing's variants, in the seller's order. */
    @Transactional(readOnly = true)
    public List<Variant> variantsOf(Listing listing) {
        return variants.of(listing.getId());
    }

    /** The variants of each listing, in the seller's order. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Variant>> variantsOf(List<Listing> listings) {
        return variants.of(listings.stream().map(Listing::getId).toList());
    }

    private Listing change(Listing listing, UUID variantId, Long priceIdr, Integer stock) {
        variants.change(listing.getId(), variantId, priceIdr, stock);
        listing.touched(clock.instant());
        soldOut.forget(variantId);
        Listing changed = current(listing);
        if (changed.getStatus() == Listing.Status.PUBLISHED) {
            events.publishEvent(new ListingOfferChanged(changed.getId(), changed.getSellerId(), changed.getVersion(),
                    changed.getPriceIdr(), changed.getMaxPriceIdr(), changed.getStock(), changed.getUpdatedAt()));
        }
        return changed;
    }

    /**
     * The listing as the database now has it: its price and stock follow its variants.
     */
    private Listing current(Listing listing) {
        listings.flush();
        entityManager.refresh(listing);
        return listing;
    }

    @Transactional
    public Listing unpublish(UUID userId, UUID listingId) {
        Listing listing = own(userId, listingId);
        boolean wasPublished = listing.getStatus() == Listing.Status.PUBLISHED;
        listing.unpublish(clock.instant());
        if (wasPublished) {
            tookDown(listing);
        }
        return listing;
    }

    /** A published listing went back to a draft: off the shelf (ADR 0031). */
    private void tookDown(Listing listing) {
        events.publishEvent(new ListingTakenDown(listing.getId(), listing.getSellerId(), listing.getVersion(),
                Listing.Status.DRAFT.name(), List.of(), listing.getUpdatedAt()));
    }

    @Transactional(readOnly = true)
    public Listing read(UUID userId, UUID listingId) {
        return listings.findByIdAndSellerId(listingId, sellerOf(userId).sellerId())
            .orElseThrow(CatalogProblems.ListingNotFound::new);
    }

    /** The caller's listings, newest first, after the given position. */
    @Transactional(readOnly = true)
    public List<Listing> page(UUID userId, Instant beforeCreated, UUID beforeId, int size) {
        return listings.pageBySeller(sellerOf(userId).sellerId(), beforeCreated != null ? beforeCreated : END_OF_TIME,
                beforeId != null ? beforeId : LAST_ID, Limit.of(size));
    }

    private Listing own(UUID userId, UUID listingId) {
        return listings.lockByIdAndSellerId(listingId, sellerOf(userId).sellerId())
            .orElseThrow(CatalogProblems.ListingNotFound::new);
    }

    private SellerSummary sellerOf(UUID userId) {
        return sellers.ofUser(userId).orElseThrow(CatalogProblems.SellerApplicationRequired::new);
    }

}
