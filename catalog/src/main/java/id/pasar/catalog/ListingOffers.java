package id.pasar.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Listings as a shopper's cart shows them now: live price, stock and whether they are on
 * sale, read without locking anything and without refusing any of them.
 */
public interface ListingOffers {

    /** The listings on record among {@code listingIds}; an unknown id is absent. */
    Map<UUID, Offer> current(Collection<UUID> listingIds);

    /**
     * @param shopName the seller's shop as last published
     */
    record Offer(UUID listingId, UUID sellerId, String shopName, String title, Availability availability, long priceIdr,
            int stock) {
    }

    enum Availability {

        /** Published: it can be ordered, as far as its stock goes. */
        ON_SALE,
        /** Its seller took it off sale or is editing it: it may come back. */
        UNAVAILABLE,
        /**
         * Compliance suspended it (a take-down, a revoked seller): shoppers no longer see
         * it.
         */
        TAKEN_DOWN

    }

}
