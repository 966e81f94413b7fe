package id.pasar.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A payout reached the seller's bank account: published through the outbox (ADR 0019)
 * with the transaction that marks it PAID. The account number is masked: only its last 4
 * digits.
 */
public record PayoutPaid(UUID payoutId, UUID sellerId, long amountIdr, String bankCode, String maskedAccountNumber,
        Instant paidAt) {
}
