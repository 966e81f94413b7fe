package id.pasar.orders.internal;

import id.pasar.kernel.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The refusals of shipping, each with its stable code. */
public final class ShippingProblems {

    private ShippingProblems() {
    }

    /**
     * The rate aggregator failed, timed out or answered what we cannot read: not the
     * client's fault, and usually brief.
     */
    public static final class RatesUnavailable extends ProblemException {

        public RatesUnavailable(Throwable cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "SHIPPING_RATES_UNAVAILABLE", "Shipping rates unavailable",
                    "Shipping rates cannot be had right now; retry shortly.");
            getHeaders().set("Retry-After", "5");
            if (cause != null) {
                addSuppressed(cause);
            }
        }

    }

    /** The chosen courier service does not serve the seller's route, or is not its. */
    public static final class ServiceUnavailable extends ProblemException {

        public ServiceUnavailable(UUID sellerId, String courier, String service) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "SHIPPING_SERVICE_UNAVAILABLE", "Shipping service unavailable",
                    "This seller does not ship this parcel with that courier service; choose one of the quote.");
            property("sellerId", sellerId);
            property("courier", courier);
            property("service", service);
        }

    }

    /** The caller has not applied as a seller. */
    public static final class SellerNotFound extends ProblemException {

        public SellerNotFound() {
            super(HttpStatus.NOT_FOUND, "SELLER_NOT_FOUND", "Seller not found", "There is no such seller.");
        }

    }

}
