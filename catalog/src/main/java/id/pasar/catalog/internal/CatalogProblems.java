package id.pasar.catalog.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The catalog's refusals, each with its stable code. */
public final class CatalogProblems {

    private CatalogProblems() {
    }

    static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:pasar:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", code);
        return problem;
    }

    /** Not found, or not the caller's: the two are one answer, so nobody learns of others' listings. */
    public static final class ListingNotFound extends ErrorResponseException {
        public ListingNotFound() {
            super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "LISTING_NOT_FOUND", "Listing not found",
                    "There is no such listing."), null);
        }
    }

    public static final class SellerApplicationRequired extends ErrorResponseException {
        public SellerApplicationRequired() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, problem(HttpStatus.UNPROCESSABLE_CONTENT, "SELLER_APPLICATION_REQUIRED",
                    "Seller application required", "Apply as a seller (POST /api/v1/sellers) before creating listings."), null);
        }
    }

    /** A 400 naming fields, in the shape of bean validation's. */
    public static final class InvalidListing extends ErrorResponseException {
        public InvalidListing(String field, String message) {
            super(HttpStatus.BAD_REQUEST, invalid(field, message), null);
        }

        private static ProblemDetail invalid(String field, String message) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid request",
                    "The request has invalid fields.");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
            return problem;
        }
    }
}
