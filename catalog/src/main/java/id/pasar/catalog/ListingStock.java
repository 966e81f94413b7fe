package id.pasar.catalog;

import id.pasar.kernel.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * Stock, for orders. Taking is all or nothing, in the caller's transaction, by
 * conditional updates that can never leave a stock below zero whatever the concurrency
 * (invariant 7); concurrent takers of one listing queue on its row instead of failing.
 */
public interface ListingStock {

    /**
     * What {@link #take} would take now, priced now and read without locking anything:
     * for a checkout that builds its order first and takes the stock last, so that a
     * listing's row is locked only for the end of the transaction. Refuses at once what
     * could not be taken now.
     * @param quantities by variant id (a listing without options: the listing's id)
     * @throws ListingNotAvailable when a variant's listing is not published at this
     * moment
     * @throws VariantRequired when a listing with options was named instead of a variant
     * @throws InsufficientStock when a variant has less than asked
     */
    List<Taken> quote(Map<UUID, Integer> quantities);

    /**
     * Takes what was quoted from variants of PUBLISHED listings, all or nothing, by
     * conditional updates of the listing (first, so that takers and editors of a listing
     * lock in one order) and of the variant; concurrent takers of one listing queue on
     * its row.
     * @throws ListingNotAvailable when a listing is not published at this moment
     * @throws InsufficientStock when a variant has less than asked
     * @throws QuoteChanged when a listing's seller, version, title, origin or a variant's
     * price or weight is no longer what was quoted: the caller rolls its transaction back
     * (nothing was kept) and quotes again
     */
    void take(List<Taken> quoted);

    /**
     * Gives stock back (a cancelled or expired order), whatever the listing's status now.
     * @param quantities by variant id
     */
    void giveBack(Map<UUID, Integer> quantities);

    /**
     * Whether this variant was seen sold out a moment ago: a read of its row found no
     * stock within the last seconds, and no stock came back through this instance since.
     * A hint, read from memory, that lets a flash sale's late orders be refused before
     * any transaction (ADR 0016); empty says nothing.
     * @return the variant's listing, when the variant was seen sold out
     */
    Optional<UUID> seenSoldOut(UUID variantId);

    /**
     * One variant as quoted or taken.
     *
     * @param variantLabel what the shopper chose ("Merah / XL"), null for a listing
     * without options
     * @param categoryCode the listing's category, whose fee rate applies to the line
     * @param shipFromRegencyCode where the seller sends it from, {@code PP.KK}
     * @param weightGrams the weight of one unit, packed
     */
    record Taken(UUID variantId, UUID listingId, String variantLabel, UUID sellerId, int version, String title,
            String categoryCode, long unitPriceIdr, String shipFromRegencyCode, int weightGrams, int quantity) {

        public long weightGramsTotal() {
            return Math.multiplyExact((long) weightGrams, quantity);
        }
    }

    /**
     * A quoted listing was edited before its stock was taken; not a problem for the
     * client: quote again.
     */
    final class QuoteChanged extends RuntimeException {

        public QuoteChanged(UUID listingId) {
            super("listing " + listingId + " changed between quote and take");
        }

    }

    final class ListingNotAvailable extends ProblemException {

        public ListingNotAvailable(UUID listingId) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "LISTING_NOT_AVAILABLE", "Listing not available",
                    "The listing is not on sale now.");
            property("listingId", listingId);
        }

    }

    /**
     * An order named a listing with options rather than one of its variants.
     */
    final class VariantRequired extends ProblemException {

        public VariantRequired(UUID listingId) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "VARIANT_REQUIRED", "Variant required",
                    "This listing has options: name one of its variants.");
            property("listingId", listingId);
        }

    }

    /** Too little of a variant; {@code available} is what is left of it. */
    final class InsufficientStock extends ProblemException {

        public InsufficientStock(UUID listingId, UUID variantId, int available) {
            super(HttpStatus.CONFLICT, "INSUFFICIENT_STOCK", "Insufficient stock",
                    "Only " + available + " left of this listing.");
            property("listingId", listingId);
            property("variantId", variantId);
            property("available", available);
        }

    }

}
