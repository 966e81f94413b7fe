package id.pasar.ledger.internal;

/**
 * The ledger's accounts (docs/ledger.md has the chart). The platform has one of each of
 * the first three; every seller has its own four SELLER_ accounts and every creator its
 * own three CREATOR_ ones, all on the credit side (what the platform owes it, or holds
 * for it).
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
    SELLER_PAYOUTS,
    /** A creator's commissions on paid seller orders not yet completed. */
    CREATOR_PENDING,
    /** A creator's commissions it may be paid out. */
    CREATOR_AVAILABLE,
    /** A creator's payouts requested and not yet paid into its bank account. */
    CREATOR_PAYOUTS;

    /** Held by a seller or a creator (else the platform's own). */
    boolean held() {
        return holder() != null;
    }

    /** Who holds an account of this kind: null for the platform's own. */
    Holder holder() {
        if (ordinal() >= CREATOR_PENDING.ordinal()) {
            return Holder.CREATOR;
        }
        return ordinal() >= SELLER_PENDING.ordinal() ? Holder.SELLER : null;
    }

    /** The two kinds of account holders. */
    public enum Holder {

        SELLER, CREATOR;

        /** The account its payouts are taken from, and given back to when they fail. */
        AccountKind available() {
            return this == SELLER ? SELLER_AVAILABLE : CREATOR_AVAILABLE;
        }

        /** The account its payouts wait in until they are paid or fail. */
        AccountKind payouts() {
            return this == SELLER ? SELLER_PAYOUTS : CREATOR_PAYOUTS;
        }

    }

}
