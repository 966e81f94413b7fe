package id.pasar.webhooks.internal;

import id.pasar.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** The refusals of the webhooks module, each with its stable code. */
public final class WebhookProblems {

    private WebhookProblems() {
    }

    /**
     * A SELLER account that has not applied as a seller, like other /sellers/me paths.
     */
    public static final class SellerNotFound extends ProblemException {

        public SellerNotFound() {
            super(HttpStatus.NOT_FOUND, "SELLER_NOT_FOUND", "Seller not found", "There is no such seller.");
        }

    }

    /** The seller has no endpoint registered. */
    public static final class WebhookNotFound extends ProblemException {

        public WebhookNotFound() {
            super(HttpStatus.NOT_FOUND, "WEBHOOK_NOT_FOUND", "Webhook not found",
                    "No webhook endpoint is registered; register one with PUT.");
        }

    }

    /** Not found, or another seller's: the same answer. */
    public static final class DeliveryNotFound extends ProblemException {

        public DeliveryNotFound() {
            super(HttpStatus.NOT_FOUND, "WEBHOOK_DELIVERY_NOT_FOUND", "Delivery not found",
                    "There is no such webhook delivery.");
        }

    }

    /** Either kind of refused URL: a delivery records why and tries again later. */
    public abstract static class UrlRefused extends ProblemException {

        UrlRefused(String code, String title, String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, code, title, detail);
            property("field", "url");
        }

        /** Why, in English, for the delivery's attempt record. */
        public String reason() {
            return getBody().getDetail();
        }

    }

    /**
     * Not an absolute {@code https://} URL of at most 2,000 characters without user
     * information, or a host that does not resolve.
     */
    public static final class UrlInvalid extends UrlRefused {

        /**
         * @param rule which rule, for clients ({@code rule}): NOT_HTTPS, TOO_LONG,
         * NOT_ASCII, MALFORMED, USER_INFO, NO_HOST, BAD_PORT, FRAGMENT, UNRESOLVABLE
         */
        UrlInvalid(String rule, String detail) {
            super("WEBHOOK_URL_INVALID", "Webhook URL invalid", detail);
            property("rule", rule);
        }

    }

    /**
     * A host with an address the platform does not call: loopback, private, link-local
     * (cloud metadata), shared (CGNAT), unspecified, multicast or reserved.
     */
    public static final class UrlNotAllowed extends UrlRefused {

        /**
         * @param kind the kind of address, for clients ({@code addressKind}): loopback,
         * private, link-local, shared (CGNAT), unspecified, multicast, reserved
         */
        UrlNotAllowed(String kind, String detail) {
            super("WEBHOOK_URL_NOT_ALLOWED", "Webhook URL not allowed", detail);
            property("addressKind", kind);
        }

    }

}
