package id.pasar.onboarding.internal;

import id.pasar.onboarding.SellerStatus;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The refusals of seller onboarding, each with its stable code. */
public final class OnboardingProblems {

    private OnboardingProblems() {
    }

    static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:pasar:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", code);
        return problem;
    }

    public static final class SellerExists extends ErrorResponseException {
        SellerExists() {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "SELLER_EXISTS", "Seller application exists",
                    "You have a seller application that is pending or verified; only a rejected one can be replaced."), null);
        }
    }

    public static final class SellerNotFound extends ErrorResponseException {
        public SellerNotFound() {
            super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "SELLER_NOT_FOUND", "Seller not found",
                    "There is no such seller."), null);
        }
    }

    public static final class NotPending extends ErrorResponseException {
        NotPending(SellerStatus status) {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "APPLICATION_NOT_PENDING", "Application not pending",
                    "Only a PENDING_REVIEW application can be decided; this one is " + status + "."), null);
        }
    }

    public static final class NotRevocable extends ErrorResponseException {
        NotRevocable(SellerStatus status) {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "SELLER_NOT_VERIFIED", "Seller not verified",
                    "Only a VERIFIED seller can be revoked; this one is " + status + "."), null);
        }
    }
}
