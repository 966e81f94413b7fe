package id.pasar.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Variants as a shopper's cart shows them now: live price, stock and whether their
 * listings are on sale, read without locking anything and without refusing any of them.
 */
public interface ListingOffers {

    /** The variants on record among {@code variantIds}; an unknown id is absent. */
    Map<UUID, Offer> current(Collection<UUID> variantIds);

    /**
     * @param variantLabel what the variant is of its listing ("Merah / XL"), null for a
     * listing without options
     * @param shopName the seller's shop as last published
     */
    record Offer(UUID variantId, UUID listingId, String variantLabel, UUID sellerId, String shopName, String title,
            Availability availability, long priceIdr, int stock) {
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
