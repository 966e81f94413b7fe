package id.pasar.catalog.internal;

import id.pasar.kernel.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The catalog's refusals, each with its stable code. */
public final class CatalogProblems {

    private CatalogProblems() {
    }

    /**
     * Not found, or not the caller's: the two are one answer, so nobody learns of others'
     * listings.
     */
    public static final class ListingNotFound extends ProblemException {

        public ListingNotFound() {
            super(HttpStatus.NOT_FOUND, "LISTING_NOT_FOUND", "Listing not found", "There is no such listing.");
        }

    }

    public static final class SellerApplicationRequired extends ProblemException {

        public SellerApplicationRequired() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "SELLER_APPLICATION_REQUIRED", "Seller application required",
                    "Apply as a seller (POST /api/v1/sellers) before creating listings.");
        }

    }

    /**
     * 422 with every reason compliance found and the logged decision's id, for the seller
     * to act on.
     */
    public static final class ComplianceRejected extends ProblemException {

        public ComplianceRejected(List<String> reasons, UUID decisionId) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "COMPLIANCE_REJECTED", "Compliance refused to publish",
                    "The listing cannot be published: " + String.join(", ", reasons) + ".");
            property("reasons", reasons);
            property("decisionId", decisionId);
        }

    }

    public static final class VariantNotFound extends ProblemException {

        public VariantNotFound() {
            super(HttpStatus.NOT_FOUND, "VARIANT_NOT_FOUND", "Variant not found", "The listing has no such variant.");
        }

    }

    /** A SKU names one variant among all of its seller's. */
    public static final class SkuTaken extends ProblemException {

        public SkuTaken() {
            super(HttpStatus.CONFLICT, "SKU_TAKEN", "SKU taken", "Another variant of yours already has this SKU.");
        }

    }

}
