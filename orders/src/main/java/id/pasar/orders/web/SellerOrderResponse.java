package id.pasar.orders.web;

import id.pasar.orders.OrderStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One seller's part of an order: what that seller sees and ships. {@code shipTo} is for
 * the seller's own views only (null inside the shopper's order, which carries the
 * address).
 */
record SellerOrderResponse(UUID sellerOrderId, UUID orderId, UUID sellerId, long subtotalIdr, OrderStatus status,
        List<Line> lines, String courier, String trackingNumber, OffsetDateTime shippedAt, OffsetDateTime createdAt,
        ShipTo shipTo) {

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

    record Line(UUID listingId, String title, long unitPriceIdr, int quantity) {
    }
}
