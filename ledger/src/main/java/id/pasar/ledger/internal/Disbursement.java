package id.pasar.ledger.internal;

import java.util.UUID;

/**
 * The disbursement gateway (port) that pays sellers into their banks: {@code sandbox} by
 * default, {@code iris} (Midtrans Iris) for real money
 * ({@code pasar.ledger.disbursement}). The payout's id goes with every attempt, so that
 * the gateway pays a retried one once.
 */
public interface Disbursement {

    /**
     * @throws DisbursementUnavailable when the gateway is down or answers nonsense: the
     * payout stays REQUESTED and the next run tries again
     */
    Outcome send(Transfer transfer);

    /** A transfer to the seller's account; its toString shows the number masked only. */
    record Transfer(UUID payoutId, long amountIdr, Bank bank, String accountNumber, String maskedAccountNumber,
            String holderName, String note) {

        @Override
        public String toString() {
            return "Transfer[payoutId=" + payoutId + ", amountIdr=" + amountIdr + ", bank=" + bank.code() + ", account="
                    + maskedAccountNumber + "]";
        }

    }

    /** How the gateway took a transfer. */
    sealed interface Outcome permits Paid, Sent, Refused {

    }

    /** Paid at once (the sandbox). */
    record Paid(String reference) implements Outcome {
    }

    /** Taken: a notification tells how it ends. */
    record Sent(String reference) implements Outcome {
    }

    /** Never to be paid (an account the bank does not know, ...): the money goes back. */
    record Refused(String reason) implements Outcome {
    }

    /** The gateway could not be asked; try again later. */
    final class DisbursementUnavailable extends RuntimeException {

        public DisbursementUnavailable(String message) {
            super(message);
        }

    }

}
