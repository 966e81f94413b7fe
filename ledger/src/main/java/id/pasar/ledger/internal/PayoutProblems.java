package id.pasar.ledger.internal;

import id.pasar.kernel.ProblemException;
import java.time.Instant;
import org.springframework.http.HttpStatus;

/**
 * Refusals of bank accounts and payouts, sellers' and creators' alike (docs/ledger.md,
 * "Payouts"; docs/errors.md).
 */
public final class PayoutProblems {

    private PayoutProblems() {
    }

    public static final class BankUnknown extends ProblemException {

        BankUnknown() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "BANK_UNKNOWN", "Unknown bank",
                    "bankCode is not the clearing code of a bank of GET /api/v1/banks.");
            property("field", "bankCode");
        }

    }

    /**
     * Never says the verified name: a caller could otherwise learn a seller's legal name
     * by trying.
     */
    public static final class AccountHolderMismatch extends ProblemException {

        AccountHolderMismatch() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "ACCOUNT_HOLDER_MISMATCH", "Account holder mismatch",
                    "The account holder's name is not the legal name of your verified identity; payouts go only to "
                            + "your own account.");
            property("field", "holderName");
        }

    }

    public static final class SellerNotVerified extends ProblemException {

        SellerNotVerified() {
            super(HttpStatus.CONFLICT, "SELLER_NOT_VERIFIED", "Seller not verified",
                    "Only a VERIFIED seller may register a bank account for payouts.");
        }

    }

    /**
     * A creator is paid out only while VERIFIED (a pending, rejected or revoked creator's
     * money stays held in its available balance).
     */
    public static final class CreatorNotVerified extends ProblemException {

        CreatorNotVerified() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "CREATOR_NOT_VERIFIED", "Creator not verified",
                    "Only a VERIFIED creator may register a bank account and be paid out; its money is held until "
                            + "then.");
        }

    }

    public static final class FreshLoginRequired extends ProblemException {

        FreshLoginRequired(long minutes) {
            super(HttpStatus.UNAUTHORIZED, "FRESH_LOGIN_REQUIRED", "Fresh login required",
                    "Changing the bank account needs a token issued in the last " + minutes
                            + " minutes: log in again, then retry.");
            property("maxTokenAgeSeconds", minutes * 60);
        }

    }

    public static final class BankAccountNotFound extends ProblemException {

        public BankAccountNotFound() {
            super(HttpStatus.NOT_FOUND, "BANK_ACCOUNT_NOT_FOUND", "Bank account not found",
                    "No bank account is registered for payouts yet.");
        }

    }

    public static final class BankAccountRequired extends ProblemException {

        BankAccountRequired() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "BANK_ACCOUNT_REQUIRED", "Bank account required",
                    "Register a bank account (PUT /api/v1/sellers/me/bank-account, or /api/v1/creators/me/bank-account "
                            + "for a creator) before asking for a payout.");
        }

    }

    public static final class PayoutsOnHold extends ProblemException {

        PayoutsOnHold(Instant until) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "PAYOUTS_ON_HOLD", "Payouts on hold",
                    "The bank account was changed recently; payouts are held until " + until + ".");
            property("until", until.toString());
        }

    }

    public static final class PayoutTooSmall extends ProblemException {

        PayoutTooSmall(long minimumIdr) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "PAYOUT_TOO_SMALL", "Payout too small",
                    "A payout is at least Rp " + minimumIdr + ".");
            property("field", "amountIdr");
            property("minimumIdr", minimumIdr);
        }

    }

    public static final class InsufficientBalance extends ProblemException {

        InsufficientBalance(long availableIdr) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "INSUFFICIENT_BALANCE", "Insufficient balance",
                    "The payout is more than the available balance, Rp " + availableIdr + ".");
            property("field", "amountIdr");
            property("availableIdr", availableIdr);
        }

    }

    public static final class PayoutNotFound extends ProblemException {

        public PayoutNotFound() {
            super(HttpStatus.NOT_FOUND, "PAYOUT_NOT_FOUND", "Payout not found", "There is no such payout.");
        }

    }

    public static final class IdempotencyKeyReused extends ProblemException {

        IdempotencyKeyReused() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED", "Idempotency key reused",
                    "This Idempotency-Key was used for another request body.");
        }

    }

    public static final class IdempotencyKeyInFlight extends ProblemException {

        IdempotencyKeyInFlight() {
            super(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_FLIGHT", "Request in flight",
                    "The first request with this Idempotency-Key is still running; retry shortly.");
            getHeaders().set("Retry-After", "1");
        }

    }

    public static final class InvalidSignature extends ProblemException {

        public InvalidSignature() {
            super(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE", "Invalid signature",
                    "The notification is not signed with the disbursement gateway's merchant key.");
        }

    }

    public static final class NotificationInconsistent extends ProblemException {

        NotificationInconsistent() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "NOTIFICATION_INCONSISTENT", "Inconsistent notification",
                    "The notification's amount is not the payout's.");
        }

    }

}
