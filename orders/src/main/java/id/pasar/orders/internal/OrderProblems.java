package id.pasar.orders.internal;

import id.pasar.catalog.ListingStock;
import id.pasar.kernel.ProblemException;
import id.pasar.orders.OrderStatus;
import java.util.List;
import java.util.Map;
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

    /**
     * A verb that does not apply to the order or seller order in its present state: 409
     * with that state ({@code state}: a problem's own {@code status} is the HTTP status),
     * so that a client can refresh and tell the user why.
     */
    public static final class InvalidState extends ProblemException {

        public InvalidState(OrderStatus status) {
            super(HttpStatus.CONFLICT, "INVALID_STATE", "Not possible in this state",
                    "This cannot be done while the order is " + status + ".");
            property("state", status);
        }

        public InvalidState(String what, Enum<?> status) {
            super(HttpStatus.CONFLICT, "INVALID_STATE", "Not possible in this state",
                    "This cannot be done while the " + what + " is " + status + ".");
            property("state", status);
        }

    }

    /**
     * A shipment handed to another courier than the shopper chose (and paid for), or an
     * order placed before couriers were chosen shipped without naming one.
     */
    public static final class CourierNotChosen extends ProblemException {

        CourierNotChosen(String chosen) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "COURIER_NOT_CHOSEN", "Not the chosen courier",
                    chosen == null ? "Name the courier that carries this parcel."
                            : "The shopper chose " + chosen + " for this seller order; ship it with that courier.");
            property("field", "courier");
            property("chosenCourier", chosen);
        }

    }

    public static final class ReturnNotFound extends ProblemException {

        public ReturnNotFound() {
            super(HttpStatus.NOT_FOUND, "RETURN_NOT_FOUND", "Return not found", "There is no such return.");
        }

    }

    public static final class ReturnWindowClosed extends ProblemException {

        ReturnWindowClosed(java.time.Instant closedAt) {
            super(HttpStatus.CONFLICT, "RETURN_WINDOW_CLOSED", "Return window closed",
                    "A return can be asked for within the return window after delivery; it closed.");
            property("closedAt", closedAt.toString());
        }

    }

    /**
     * A refusal escalated too late: unlike a state that does not allow it, the client can
     * tell its user when the window closed.
     */
    public static final class EscalationWindowClosed extends ProblemException {

        EscalationWindowClosed(java.time.Instant closedAt) {
            super(HttpStatus.CONFLICT, "ESCALATION_WINDOW_CLOSED", "Escalation window closed",
                    "A refused return can be escalated within the window after the refusal; it closed.");
            property("closedAt", closedAt.toString());
        }

    }

    public static final class ReturnAlreadyRequested extends ProblemException {

        ReturnAlreadyRequested() {
            super(HttpStatus.CONFLICT, "RETURN_ALREADY_REQUESTED", "Return already requested",
                    "A seller order can be returned once; its return is under way or was decided.");
        }

    }

    public static final class AddressNotDomestic extends ProblemException {

        AddressNotDomestic() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "ADDRESS_NOT_DOMESTIC", "Address not domestic",
                    "We ship only within Indonesia: the regency is not a current Indonesian one.");
        }

    }

    public static final class PurchaseLimitExceeded extends ProblemException {

        PurchaseLimitExceeded(UUID variantId, int limit) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "PURCHASE_LIMIT_EXCEEDED", "Purchase limit exceeded",
                    "One shopper may hold at most " + limit + " units of one variant in unpaid orders.");
            property("variantId", variantId);
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

    /**
     * More checkouts waited for their turn than this instance lets through in the time a
     * client waits ({@link CheckoutQueue}).
     */
    public static final class CheckoutBusy extends ProblemException {

        public CheckoutBusy() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "CHECKOUT_BUSY", "Checkout busy",
                    "Too many orders are being placed at this moment; try again in a few seconds.");
            getHeaders().set("Retry-After", "2");
        }

    }

    public static final class CartFull extends ProblemException {

        CartFull(int capacity) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "CART_FULL", "Cart full",
                    "A cart holds at most " + capacity + " lines; remove one first.");
            property("capacity", capacity);
        }

    }

    public static final class CartEmpty extends ProblemException {

        CartEmpty() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "CART_EMPTY", "Cart empty",
                    "The cart has nothing of the sellers chosen to order.");
        }

    }

    /**
     * Lines of the cart changed since the shopper last saw them: {@code items} names each
     * with its flags. Setting a line's quantity again accepts its price.
     */
    public static final class CartChanged extends ProblemException {

        CartChanged(List<Cart.Item> flagged) {
            super(HttpStatus.CONFLICT, "CART_CHANGED", "Cart changed",
                    "Some lines changed since they were added; check the cart and order again.");
            property("items",
                    flagged.stream()
                        .map(item -> Map.of("variantId", item.variantId(), "flags", List.copyOf(item.flags())))
                        .toList());
        }

    }

}
