package id.pasar.orders.internal;

import id.pasar.orders.OrderStatus;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The refusals of ordering, each with its stable code. */
public final class OrderProblems {

    private OrderProblems() {
    }

    static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:pasar:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", code);
        return problem;
    }

    /** Not found, or not the caller's. */
    public static final class OrderNotFound extends ErrorResponseException {
        public OrderNotFound() {
            super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND", "Order not found",
                    "There is no such order."), null);
        }
    }

    public static final class NotCancellable extends ErrorResponseException {
        NotCancellable(OrderStatus status) {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "ORDER_NOT_CANCELLABLE", "Order cannot be cancelled",
                    "Only an order that has not shipped can be cancelled; this one is " + status + "."), null);
        }
    }

    public static final class NotShippable extends ErrorResponseException {
        NotShippable(OrderStatus status) {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "ORDER_NOT_SHIPPABLE", "Order cannot be shipped",
                    "Only a PAID seller order can be shipped; this one is " + status + "."), null);
        }
    }

    public static final class NotDeliverable extends ErrorResponseException {
        NotDeliverable(OrderStatus status) {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "ORDER_NOT_SHIPPED", "Order not shipped",
                    "Delivery can be confirmed once everything has shipped; this order is " + status + "."), null);
        }
    }

    public static final class AddressNotDomestic extends ErrorResponseException {
        AddressNotDomestic() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, problem(HttpStatus.UNPROCESSABLE_CONTENT, "ADDRESS_NOT_DOMESTIC",
                    "Address not domestic", "We ship only within Indonesia: the regency is not a current Indonesian one."),
                    null);
        }
    }

    public static final class PurchaseLimitExceeded extends ErrorResponseException {
        PurchaseLimitExceeded(UUID listingId, int limit) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, problem(HttpStatus.UNPROCESSABLE_CONTENT, "PURCHASE_LIMIT_EXCEEDED",
                    "Purchase limit exceeded", "One shopper may hold at most " + limit
                            + " units of one listing in unpaid orders."), null);
            getBody().setProperty("listingId", listingId);
        }
    }

    public static final class IdempotencyKeyReused extends ErrorResponseException {
        public IdempotencyKeyReused() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, problem(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                    "Idempotency key reused", "This Idempotency-Key was used for another request body."), null);
        }
    }

    public static final class IdempotencyKeyInFlight extends ErrorResponseException {
        public IdempotencyKeyInFlight() {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_FLIGHT", "Request in flight",
                    "The first request with this Idempotency-Key is still running; retry shortly."), null);
            getHeaders().set("Retry-After", "1");
        }
    }
}
