package id.pasar.orders.internal;

import id.pasar.orders.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Orders in each state of their life, brought there through the aggregate's own verbs, at
 * known times. In each fixture both seller orders are in the fixture's state, so the
 * order is too.
 */
final class OrderFixtures {

    /** As in OrdersProperties' defaults. */
    static final Duration DELIVERED_AFTER = Duration.ofDays(7);

    static final Duration RETURN_WINDOW = Duration.ofDays(2);

    static final Instant PLACED = Instant.parse("2026-12-01T03:00:00Z");
    static final Instant EXPIRES = PLACED.plus(Duration.ofMinutes(30));
    static final Instant PAID_AT = PLACED.plus(Duration.ofMinutes(5));
    static final Instant CLOSED_AT = PLACED.plus(Duration.ofMinutes(10));
    static final Instant SHIPPED_AT = PLACED.plus(Duration.ofDays(1));
    static final Instant DELIVERED_AT = PLACED.plus(Duration.ofDays(3));
    static final Instant RETURNED_AT = DELIVERED_AT.plus(Duration.ofDays(1));
    static final Instant COMPLETED_AT = DELIVERED_AT.plus(RETURN_WINDOW);

    /**
     * After everything above, and past both the delivery and the return window: when a
     * test acts on an order in any state.
     */
    static final Instant LATER = PLACED.plus(Duration.ofDays(30));

    static final UUID SHOPPER = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID BATIK = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final UUID TOTE_BAG = UUID.fromString("00000000-0000-0000-0000-00000000b002");
    static final UUID COFFEE = UUID.fromString("00000000-0000-0000-0000-00000000b003");
    static final ShippingAddress ADDRESS = new ShippingAddress("Siti Rahayu", "081234567890", "Jl. Malioboro 12",
            "34.71", "55213");

    /** 2 batik and a tote bag, 1.3 kg, from Jakarta Pusat to Yogyakarta. */
    static final ShippingChoice JNE_REG = new ShippingChoice("JNE", "REG", 18_000, 2, 1_300, "31.71");

    /** 3 packs of coffee, 750 g, from Bandung to Yogyakarta. */
    static final ShippingChoice SICEPAT_REG = new ShippingChoice("SICEPAT", "REG", 11_000, 3, 750, "32.73");

    private OrderFixtures() {
    }

    static OrderLine line(UUID listingId, long unitPriceIdr, int quantity) {
        return new OrderLine(listingId, 1, "listing " + listingId, unitPriceIdr, quantity);
    }

    /** A seller order sent by JNE REG for Rp 18,000. */
    static SellerOrder sellerOrder(OrderLine... lines) {
        return sellerOrder(JNE_REG, lines);
    }

    static SellerOrder sellerOrder(ShippingChoice shipping, OrderLine... lines) {
        return new SellerOrder(UUID.randomUUID(), List.of(lines), shipping, PLACED);
    }

    static Order order(SellerOrder... sellerOrders) {
        return new Order(SHOPPER, ADDRESS, List.of(sellerOrders), PLACED, EXPIRES);
    }

    /**
     * Two sellers: 2 batik at Rp 150,000 and a tote bag at Rp 85,000 from the first (Rp
     * 385,000, with Rp 18,000 JNE REG), 3 packs of coffee at Rp 45,000 from the second
     * (Rp 135,000, with Rp 11,000 SiCepat REG); Rp 520,000 of items, Rp 549,000 in all.
     */
    static Order pendingOrder() {
        return order(sellerOrder(JNE_REG, line(BATIK, 150_000, 2), line(TOTE_BAG, 85_000, 1)),
                sellerOrder(SICEPAT_REG, line(COFFEE, 45_000, 3)));
    }

    static Order paidOrder() {
        Order order = pendingOrder();
        order.markPaid(PAID_AT);
        return order;
    }

    /** Each seller order shipped with the courier its shopper chose. */
    static Order shippedOrder() {
        Order order = paidOrder();
        order.ship(first(order).getId(), "JNE", "CGK0001", SHIPPED_AT);
        order.ship(second(order).getId(), "SICEPAT", "BDO0002", SHIPPED_AT);
        return order;
    }

    static Order deliveredOrder() {
        Order order = shippedOrder();
        order.confirmDelivery(DELIVERED_AT);
        return order;
    }

    /** Both seller orders completed by the clock, the return window passed. */
    static Order completedOrder() {
        Order order = deliveredOrder();
        order.getSellerOrders()
            .forEach(sellerOrder -> order.completeIfDue(sellerOrder.getId(), RETURN_WINDOW, false, COMPLETED_AT));
        return order;
    }

    /** Both seller orders sent back and refunded. */
    static Order returnedOrder() {
        Order order = deliveredOrder();
        order.getSellerOrders().forEach(sellerOrder -> order.markReturned(sellerOrder.getId(), RETURNED_AT));
        return order;
    }

    static Order cancelledOrder() {
        Order order = pendingOrder();
        order.cancel("changed my mind", CLOSED_AT);
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
            case DELIVERED -> deliveredOrder();
            case COMPLETED -> completedOrder();
            case RETURNED -> returnedOrder();
            case CANCELLED -> cancelledOrder();
            case EXPIRED -> expiredOrder();
        };
    }

    static SellerOrder first(Order order) {
        return order.getSellerOrders().get(0);
    }

    static SellerOrder second(Order order) {
        return order.getSellerOrders().get(1);
    }

}
