package id.pasar.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * A paid seller order reached its end: COMPLETED (its seller has earned it), RETURNED or
 * CANCELLED (refunded). For the seller's money; delivered through the outbox.
 *
 * @param subtotalIdr its items
 * @param shippingIdr the postage the shopper paid for it
 */
public record SellerOrderClosed(UUID orderId, UUID sellerOrderId, UUID sellerId, OrderStatus status, long subtotalIdr,
        long shippingIdr, Instant closedAt) {
}
