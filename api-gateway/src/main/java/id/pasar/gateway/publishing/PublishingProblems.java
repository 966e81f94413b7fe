package id.pasar.gateway.publishing;

import id.pasar.gateway.web.Problems;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

final class PublishingProblems {

    private PublishingProblems() {
    }

    static final class ListingNotFound extends ErrorResponseException {
        ListingNotFound() {
            super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "LISTING_NOT_FOUND", "Listing not found",
                    "There is no such listing."), null);
        }
    }

    /** 422 with every reason compliance found and the logged decision's id, for the seller to act on. */
    static final class ComplianceRejected extends ErrorResponseException {
        ComplianceRejected(List<String> reasons, UUID decisionId) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "COMPLIANCE_REJECTED",
                    "Compliance refused to publish", "The listing cannot be published: " + String.join(", ", reasons) + "."),
                    null);
            getBody().setProperty("reasons", reasons);
            getBody().setProperty("decisionId", decisionId);
        }
    }
}
