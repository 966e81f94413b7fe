package id.pasar.orders.web;

import id.pasar.orders.OrderStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One seller's part of an order: what its shopper and its seller see. {@code shipping} is
 * what the shopper chose and paid at checkout; {@code courier} and
 * {@code trackingNumber}, the parcel as shipped. {@code shipTo} is for the seller's own
 * views only (null inside the shopper's order, which carries the address).
 */
record SellerOrderResponse(UUID sellerOrderId, UUID orderId, UUID sellerId, OrderStatus status, long subtotalIdr,
        long shippingIdr, long totalIdr, Shipping shipping, List<Line> lines, String courier, String trackingNumber,
        OffsetDateTime createdAt, OffsetDateTime shippedAt, OffsetDateTime deliveredAt, OffsetDateTime closedAt,
        String closedBy, String closeReason, ShipTo shipTo, List<RefundResponse> refunds) {

    SellerOrderResponse withRefunds(List<RefundResponse> refunds) {
        return new SellerOrderResponse(sellerOrderId, orderId, sellerId, status, subtotalIdr, shippingIdr, totalIdr,
                shipping, lines, courier, trackingNumber, createdAt, shippedAt, deliveredAt, closedAt, closedBy,
                closeReason, shipTo, refunds);
    }

    /**
     * Whole while the seller may need it; {@code masked} 30 days after the order closed.
     */
    record ShipTo(String recipientName, String phone, String street, String districtCode, String regencyCode,
            String postalCode, boolean masked) {

        @Override
        public String toString() {
            return "ShipTo[regency=" + regencyCode + ", masked=" + masked + "]";
        }
    }

    record Shipping(String courier, String service, long costIdr, Integer etaDays, long weightGrams,
            String originRegencyCode) {
    }

    /**
     * What to pack: {@code variantLabel} is the shopper's choice ("M / Merah"), null for
     * a listing without options.
     */
    @Schema(name = "SellerOrderLine")
    record Line(UUID listingId, UUID variantId, String variantLabel, String title, long unitPriceIdr, int quantity) {
    }

}
