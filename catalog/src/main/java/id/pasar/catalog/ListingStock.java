package id.pasar.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Stock, for orders. Taking is all or nothing, in the caller's transaction, by conditional updates
 * that can never leave a stock below zero whatever the concurrency (invariant 7); concurrent takers
 * of one listing queue on its row instead of failing.
 */
public interface ListingStock {

    /**
     * Takes the quantities from PUBLISHED listings and returns what was taken, priced now.
     *
     * @throws ListingNotAvailable when a listing is not published at this moment
     * @throws InsufficientStock when a listing has less than asked
     */
    List<Taken> take(Map<UUID, Integer> quantities);

    /** Gives stock back (a cancelled or expired order), whatever the listing's status now. */
    void giveBack(Map<UUID, Integer> quantities);

    record Taken(UUID listingId, UUID sellerId, int version, String title, long unitPriceIdr, int quantity) {
    }

    final class ListingNotAvailable extends ErrorResponseException {
        public ListingNotAvailable(UUID listingId) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, problem(HttpStatus.UNPROCESSABLE_CONTENT, "LISTING_NOT_AVAILABLE",
                    "Listing not available", "The listing is not on sale now.", listingId), null);
        }
    }

    final class InsufficientStock extends ErrorResponseException {
        public InsufficientStock(UUID listingId, int available) {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "INSUFFICIENT_STOCK", "Insufficient stock",
                    "Only " + available + " left of this listing.", listingId), null);
            getBody().setProperty("available", available);
        }
    }

    private static ProblemDetail problem(HttpStatus status, String code, String title, String detail, UUID listingId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(java.net.URI.create("urn:pasar:problem:" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", code);
        problem.setProperty("listingId", listingId);
        return problem;
    }
}
