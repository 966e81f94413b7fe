package id.pasar.ledger.internal;

/**
 * The ledger's accounts (docs/ledger.md has the chart). The platform has one of each of
 * the first three; every seller has its own of the other four, all on the credit side
 * (what the platform owes it, or holds for it).
 */
public enum AccountKind {

    /** The shoppers' money held at the payment gateway (an asset: debit side). */
    GATEWAY_CLEARING,
    /** The platform's fees earned. */
    FEE_INCOME,
    /** Money owed back to shoppers until the gateway has refunded it. */
    REFUNDS_PAYABLE,
    /** A seller's money for paid seller orders not yet completed. */
    SELLER_PENDING,
    /** A seller's money it may be paid out. */
    SELLER_AVAILABLE,
    /**
     * PPh 22 withheld from a seller's sales, owed to the state: the platform's tax
     * payable, kept per seller.
     */
    SELLER_WITHHELD_TAX,
    /** A seller's payouts requested and not yet paid into its bank account. */
    SELLER_PAYOUTS;

    boolean ofSeller() {
        return ordinal() >= SELLER_PENDING.ordinal();
    }

}
