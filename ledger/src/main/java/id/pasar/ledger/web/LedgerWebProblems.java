package id.pasar.ledger.web;

import id.pasar.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** The ledger endpoints' refusals that are not the domain's. */
final class LedgerWebProblems {

    private LedgerWebProblems() {
    }

    /** The caller has no seller (has not applied): it has no money here. */
    static final class SellerNotFound extends ProblemException {

        SellerNotFound() {
            super(HttpStatus.NOT_FOUND, "SELLER_NOT_FOUND", "Seller not found", "There is no such seller.");
        }

    }

    /** The CREATOR account has not applied as a creator: it has no money here. */
    static final class CreatorNotFound extends ProblemException {

        CreatorNotFound() {
            super(HttpStatus.NOT_FOUND, "CREATOR_NOT_FOUND", "Creator not found", "There is no such creator.");
        }

    }

}
