package id.pasar.orders.web;

import id.pasar.orders.OrderStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One seller's part of an order: what that seller sees and ships. */
record SellerOrderResponse(UUID sellerOrderId, UUID orderId, UUID sellerId, long subtotalIdr, OrderStatus status,
        List<Line> lines, String courier, String trackingNumber, OffsetDateTime shippedAt, OffsetDateTime createdAt) {

    record Line(UUID listingId, String title, long unitPriceIdr, int quantity) {
    }
}
