package id.pasar.onboarding.internal;

import id.pasar.kernel.ProblemException;
import id.pasar.onboarding.SellerStatus;
import org.springframework.http.HttpStatus;

/** The refusals of seller onboarding, each with its stable code. */
public final class OnboardingProblems {

    private OnboardingProblems() {
    }

    public static final class SellerExists extends ProblemException {

        SellerExists() {
            super(HttpStatus.CONFLICT, "SELLER_EXISTS", "Seller application exists",
                    "You have a seller application that is pending or verified; only a rejected one can be replaced.");
        }

    }

    public static final class SellerNotFound extends ProblemException {

        public SellerNotFound() {
            super(HttpStatus.NOT_FOUND, "SELLER_NOT_FOUND", "Seller not found", "There is no such seller.");
        }

    }

    public static final class NotPending extends ProblemException {

        NotPending(SellerStatus status) {
            super(HttpStatus.CONFLICT, "APPLICATION_NOT_PENDING", "Application not pending",
                    "Only a PENDING_REVIEW application can be decided; this one is " + status + ".");
        }

    }

    public static final class NotRevocable extends ProblemException {

        NotRevocable(SellerStatus status) {
            super(HttpStatus.CONFLICT, "SELLER_NOT_VERIFIED", "Seller not verified",
                    "Only a VERIFIED seller can be revoked; this one is " + status + ".");
        }

    }

}
