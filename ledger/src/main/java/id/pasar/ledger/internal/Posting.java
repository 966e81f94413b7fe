package id.pasar.ledger.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One money event as a ledger transaction: entries that sum to zero, a debit positive and
 * a credit negative, under the key of the event that causes it (posted once).
 */
final class Posting {

    enum Kind {

        PAYMENT_SETTLED, SELLER_ORDER_COMPLETED, SELLER_ORDER_REFUNDED, SETTLEMENT_NOT_TAKEN, REFUND_PAID,
        PAYOUT_REQUESTED, PAYOUT_PAID, PAYOUT_FAILED

    }

    /** What an entry is, on its holder's statement. */
    enum EntryType {

        SALE, SALE_RELEASED, FEE, TAX, REFUND, PAYOUT, PAYOUT_RETURNED, SETTLEMENT, COMMISSION, COMMISSION_EARNED,
        COMMISSION_REVERSED

    }

    record Entry(AccountKind account, UUID holderId, long amountIdr, EntryType type) {
    }

    final Kind kind;

    final String sourceKey;

    final Instant occurredAt;

    UUID sellerId;

    UUID orderId;

    UUID sellerOrderId;

    String invoiceNumber;

    final List<Entry> entries = new ArrayList<>();

    Posting(Kind kind, String sourceKey, Instant occurredAt) {
        this.kind = kind;
        this.sourceKey = sourceKey;
        this.occurredAt = occurredAt;
    }

    Posting about(UUID orderId, UUID sellerOrderId, UUID sellerId) {
        this.orderId = orderId;
        this.sellerOrderId = sellerOrderId;
        this.sellerId = sellerId;
        return this;
    }

    /**
     * Debits {@code debit} and credits {@code credit} with {@code amountIdr} (nothing
     * when 0).
     */
    Posting debitCredit(long amountIdr, Side debit, Side credit) {
        if (amountIdr < 0) {
            throw new IllegalArgumentException("an amount of " + amountIdr);
        }
        if (amountIdr > 0) {
            entries.add(new Entry(debit.account(), debit.holderId(), amountIdr, debit.type()));
            entries.add(new Entry(credit.account(), credit.holderId(), -amountIdr, credit.type()));
        }
        return this;
    }

    /**
     * One side of an entry pair: the account, its holder (a seller's or a creator's id,
     * as the kind says; null: the platform's), its type.
     */
    record Side(AccountKind account, UUID holderId, EntryType type) {

        static Side platform(AccountKind account, EntryType type) {
            return new Side(account, null, type);
        }

    }

}
