package id.pasar.orders.internal;

import id.pasar.catalog.ListingStock;
import id.pasar.kernel.ProblemException;
import id.pasar.orders.OrderStatus;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The refusals of ordering, each with its stable code. */
public final class OrderProblems {

    private OrderProblems() {
    }

    /** Not found, or not the caller's. */
    public static final class OrderNotFound extends ProblemException {

        public OrderNotFound() {
            super(HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND", "Order not found", "There is no such order.");
        }

    }

    public static final class NotCancellable extends ProblemException {

        NotCancellable(OrderStatus status) {
            super(HttpStatus.CONFLICT, "ORDER_NOT_CANCELLABLE", "Order cannot be cancelled",
                    "Only an order that has not shipped can be cancelled; this one is " + status + ".");
        }

    }

    public static final class NotShippable extends ProblemException {

        NotShippable(OrderStatus status) {
            super(HttpStatus.CONFLICT, "ORDER_NOT_SHIPPABLE", "Order cannot be shipped",
                    "Only a PAID seller order can be shipped; this one is " + status + ".");
        }

    }

    public static final class NotDeliverable extends ProblemException {

        NotDeliverable(OrderStatus status) {
            super(HttpStatus.CONFLICT, "ORDER_NOT_SHIPPED", "Order not shipped",
                    "Delivery can be confirmed once everything has shipped; this order is " + status + ".");
        }

    }

    public static final class AddressNotDomestic extends ProblemException {

        AddressNotDomestic() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "ADDRESS_NOT_DOMESTIC", "Address not domestic",
                    "We ship only within Indonesia: the regency is not a current Indonesian one.");
        }

    }

    public static final class PurchaseLimitExceeded extends ProblemException {

        PurchaseLimitExceeded(UUID listingId, int limit) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "PURCHASE_LIMIT_EXCEEDED", "Purchase limit exceeded",
                    "One shopper may hold at most " + limit + " units of one listing in unpaid orders.");
            property("listingId", listingId);
        }

    }

    /**
     * A seller kept editing a listing while it was being ordered; nothing was kept, the
     * shopper may retry with the same key.
     */
    public static final class ListingChanged extends ProblemException {

        ListingChanged(ListingStock.QuoteChanged cause) {
            super(HttpStatus.CONFLICT, "LISTING_CHANGED", "Listing changed",
                    "A listing in this order was changed by its seller while the order was placed; check it and retry.");
            addSuppressed(cause);
        }

    }

    public static final class IdempotencyKeyReused extends ProblemException {

        public IdempotencyKeyReused() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED", "Idempotency key reused",
                    "This Idempotency-Key was used for another request body.");
        }

    }

    public static final class IdempotencyKeyInFlight extends ProblemException {

        public IdempotencyKeyInFlight() {
            super(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_FLIGHT", "Request in flight",
                    "The first request with this Idempotency-Key is still running; retry shortly.");
            getHeaders().set("Retry-After", "1");
        }

    }

}
