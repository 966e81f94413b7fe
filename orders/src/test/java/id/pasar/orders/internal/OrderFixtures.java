package id.pasar.orders.internal;

import id.pasar.orders.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Orders in each state of their life, brought there through the aggregate's own verbs, at
 * known times.
 */
final class OrderFixtures {

    static final Instant PLACED = Instant.parse("2026-12-01T03:00:00Z");
    static final Instant EXPIRES = PLACED.plus(Duration.ofMinutes(30));
    static final Instant PAID = PLACED.plus(Duration.ofMinutes(5));
    static final Instant SHIPPED = PLACED.plus(Duration.ofDays(1));
    static final Instant DELIVERED = PLACED.plus(Duration.ofDays(3));
    static final Instant CLOSED = PLACED.plus(Duration.ofMinutes(10));

    /** After everything above: when a test acts on an order in any state. */
    static final Instant LATER = PLACED.plus(Duration.ofDays(7));

    static final UUID SHOPPER = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID BATIK = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final UUID TOTE_BAG = UUID.fromString("00000000-0000-0000-0000-00000000b002");
    static final UUID COFFEE = UUID.fromString("00000000-0000-0000-0000-00000000b003");
    static final ShippingAddress ADDRESS = new ShippingAddress("Siti Rahayu", "081234567890", "Jl. Malioboro 12",
            "34.71", "55213");

    private OrderFixtures() {
    }

    static OrderLine line(UUID listingId, long unitPriceIdr, int quantity) {
        return new OrderLine(listingId, 1, "listing " + listingId, unitPriceIdr, quantity);
    }

    static SellerOrder sellerOrder(OrderLine... lines) {
        return new SellerOrder(UUID.randomUUID(), List.of(lines), PLACED);
    }

    static Order order(SellerOrder... sellerOrders) {
        return new Order(SHOPPER, ADDRESS, List.of(sellerOrders), PLACED, EXPIRES);
    }

    /**
     * Two sellers: 2 batik at Rp 150,000 and a tote bag at Rp 85,000 from the first (Rp
     * 385,000), 3 packs of coffee at Rp 45,000 from the second (Rp 135,000); Rp 520,000
     * in all.
     */
    static Order pendingOrder() {
        return order(sellerOrder(line(BATIK, 150_000, 2), line(TOTE_BAG, 85_000, 1)),
                sellerOrder(line(COFFEE, 45_000, 3)));
    }

    static Order paidOrder() {
        Order order = pendingOrder();
        order.markPaid(PAID);
        return order;
    }

    static Order shippedOrder() {
        Order order = paidOrder();
        order.getSellerOrders().forEach(sellerOrder -> order.ship(sellerOrder.getId(), "JNE", "CGK0001", SHIPPED));
        return order;
    }

    static Order completedOrder() {
        Order order = shippedOrder();
        order.confirmDelivery(DELIVERED);
        return order;
    }

    static Order cancelledOrder() {
        Order order = pendingOrder();
        order.cancel(CLOSED);
        return order;
    }

    static Order expiredOrder() {
        Order order = pendingOrder();
        order.expire(EXPIRES);
        return order;
    }

    static Order inState(OrderStatus status) {
        return switch (status) {
            case PENDING_PAYMENT -> pendingOrder();
            case PAID -> paidOrder();
            case SHIPPED -> shippedOrder();
            case COMPLETED -> completedOrder();
            case CANCELLED -> cancelledOrder();
            case EXPIRED -> expiredOrder();
        };
    }

}
