package id.pasar.orders.web;

import id.pasar.orders.OrderStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An order as its shopper sees it: {@code totalIdr} is items and shipping. */
record OrderResponse(UUID orderId, OrderStatus status, long itemsTotalIdr, long shippingTotalIdr, long totalIdr,
        List<Item> items, List<SellerOrderResponse> sellerOrders, Address shippingAddress, OffsetDateTime createdAt,
        OffsetDateTime expiresAt, OffsetDateTime paidAt, List<Change> history, List<RefundResponse> refunds) {

    OrderResponse withRefunds(List<RefundResponse> refunds) {
        return new OrderResponse(orderId, status, itemsTotalIdr, shippingTotalIdr, totalIdr, items, sellerOrders,
                shippingAddress, createdAt, expiresAt, paidAt, history, refunds);
    }

    record Item(UUID listingId, UUID variantId, String variantLabel, UUID sellerId, String title, long unitPriceIdr,
            int quantity, long lineTotalIdr) {
    }

    record Address(String recipientName, String phone, String street, String regencyCode, String postalCode,
            String districtCode) {

        @Override
        public String toString() {
            return "Address[regency=" + regencyCode + "]";
        }
    }

    record Change(OrderStatus status, UUID sellerOrderId, OffsetDateTime at) {
    }
}
