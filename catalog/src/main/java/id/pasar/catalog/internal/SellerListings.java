package id.pasar.catalog.internal;

import id.pasar.onboarding.Sellers;
import id.pasar.onboarding.Sellers.SellerSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
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

    private final Clock clock;

    @Transactional
    public Listing create(UUID userId, ListingContent content) {
        return listings.save(new Listing(sellerOf(userId).sellerId(), content, clock.instant()));
    }

    @Transactional
    public Listing edit(UUID userId, UUID listingId, ListingContent content) {
        Listing listing = own(userId, listingId);
        listing.edit(content, clock.instant());
        soldOut.forget(listingId);
        return listing;
    }

    @Transactional
    public Listing restock(UUID userId, UUID listingId, int stock) {
        Listing listing = own(userId, listingId);
        listing.restock(stock, clock.instant());
        soldOut.forget(listingId);
        return listing;
    }

    @Transactional
    public Listing unpublish(UUID userId, UUID listingId) {
        Listing listing = own(userId, listingId);
        listing.unpublish(clock.instant());
        return listing;
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
