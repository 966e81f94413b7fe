package id.pasar.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The payment gateway settled an order: the shopper's money is with the platform, owed to
 * each seller once its seller order completes. Delivered through the outbox.
 *
 * @param placedAt when the shopper placed it: the fee schedule in force then applies
 * @param sellerOrders what each seller is owed of it
 */
public record OrderPaid(UUID orderId, long totalIdr, Instant paidAt, Instant placedAt,
        List<SellerOrderPaid> sellerOrders) {

    /**
     * @param itemsByCategory the items' amount by the category each listing had when
     * ordered ({@link #UNKNOWN_CATEGORY} for lines ordered before categories were kept);
     * sums to {@code subtotalIdr}
     * @param shippingIdr the postage the shopper paid, which goes to the seller whole
     * @param affiliateLines its lines a creator earns a commission on (empty when none;
     * null in an event published before commissions existed)
     */
    public record SellerOrderPaid(UUID sellerOrderId, UUID sellerId, long subtotalIdr, long shippingIdr,
            Map<String, Long> itemsByCategory, List<AffiliateLine> affiliateLines) {

        public SellerOrderPaid {
            affiliateLines = affiliateLines == null ? List.of() : List.copyOf(affiliateLines);
        }

    }

    /**
     * A line reached through a creator: the creator, the rate of the listing's affiliate
     * plan when the order was placed, and the line's amount.
     */
    public record AffiliateLine(UUID creatorId, int commissionPercent, long itemsIdr) {
    }

    /** The category of a line ordered before lines kept their listing's category. */
    public static final String UNKNOWN_CATEGORY = "";

}
