package id.pasar.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The ledger's figures for the auditors' and the administrators' reports, which the
 * gateway assembles (docs/ledger.md, "Reports").
 */
public interface LedgerStatistics {

    /**
     * Per seller, its seller orders completed from {@code from} (inclusive) to {@code to}
     * (exclusive): their gross item amount and the PPh 22 withheld from it.
     */
    List<SellerTax> taxes(Instant from, Instant to);

    record SellerTax(UUID sellerId, long sellerOrders, long grossIdr, long withheldIdr) {
    }

    /**
     * Per seller, its seller orders completed in the period: their item amount and the
     * fees they paid. For reports that show groups of sellers only.
     */
    List<SellerFees> fees(Instant from, Instant to);

    record SellerFees(UUID sellerId, long itemsIdr, long feesIdr) {
    }

    /**
     * Where the money paid on each Asia/Jakarta day from {@code from} to {@code to} (both
     * inclusive) is now, from the ledger's entries: for the seller orders paid that day,
     * what their sellers got, the fees, the tax, the creators' commissions (pending or
     * earned), what was refunded and what is still pending; and the settlements no order
     * took (refunded whole).
     */
    List<PaidDay> paidDays(LocalDate from, LocalDate to);

    record PaidDay(LocalDate day, long paidIdr, long sellersNetIdr, long feesIdr, long taxIdr, long commissionsIdr,
            long refundsIdr, long pendingIdr, long settlementsNotTakenIdr) {
    }

    /**
     * Per seller, its seller orders paid in [from, to): how many and their items' amount,
     * and of them those a creator's reference brought, their attributed items' amount and
     * the commissions earned on them (issue 21's affiliates report).
     */
    List<SellerAffiliateSales> affiliateSales(Instant from, Instant to);

    record SellerAffiliateSales(UUID sellerId, long sellerOrders, long itemsIdr, long attributedOrders,
            long attributedItemsIdr, long commissionsEarnedIdr) {
    }

    /**
     * Per creator, the seller orders paid in [from, to) its references brought: how many,
     * their attributed items' amount, and its commissions on them by state.
     */
    List<CreatorCommissions> creatorCommissions(Instant from, Instant to);

    record CreatorCommissions(UUID creatorId, long sellerOrders, long itemsIdr, long earnedIdr, long pendingIdr,
            long reversedIdr) {
    }

}
