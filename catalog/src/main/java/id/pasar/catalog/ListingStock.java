package id.pasar.catalog;

import id.pasar.kernel.ProblemException;
import java.util.List;
import java.util.Map;
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
     * @throws ListingNotAvailable when a listing is not published at this moment
     * @throws InsufficientStock when a listing has less than asked
     */
    List<Taken> quote(Map<UUID, Integer> quantities);

    /**
     * Takes what was quoted from PUBLISHED listings, all or nothing, by conditional
     * updates; concurrent takers of one listing queue on its row.
     * @throws ListingNotAvailable when a listing is not published at this moment
     * @throws InsufficientStock when a listing has less than asked
     * @throws QuoteChanged when a listing's seller, version, title, price, origin or
     * weight is no longer what was quoted: the caller rolls its transaction back (nothing
     * was kept) and quotes again
     */
    void take(List<Taken> quoted);

    /**
     * Whether this listing was seen sold out a moment ago: a read of its row found no
     * stock within the last seconds, and no stock came back through this instance since.
     * A hint, read from memory, that lets a flash sale's late orders be refused before
     * any transaction (ADR 0016); false says nothing.
     */
    boolean seenSoldOut(UUID listingId);

    /**
     * Gives stock back (a cancelled or expired order), whatever the listing's status now.
     */
    void giveBack(Map<UUID, Integer> quantities);

    /**
     * One listing as quoted or taken.
     *
     * @param shipFromRegencyCode where the seller sends it from, {@code PP.KK}
     * @param weightGrams the weight of one unit, packed
     */
    record Taken(UUID listingId, UUID sellerId, int version, String title, long unitPriceIdr,
            String shipFromRegencyCode, int weightGrams, int quantity) {

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

    final class InsufficientStock extends ProblemException {

        public InsufficientStock(UUID listingId, int available) {
            super(HttpStatus.CONFLICT, "INSUFFICIENT_STOCK", "Insufficient stock",
                    "Only " + available + " left of this listing.");
            property("listingId", listingId);
            property("available", available);
        }

    }

}
