package id.pasar.orders;

/**
 * The life of a seller order, and of an order, whose status is derived from its seller
 * orders (docs/orders.md has both tables). A seller order: PENDING_PAYMENT -> PAID ->
 * SHIPPED -> DELIVERED -> COMPLETED once the return window has passed, or RETURNED when a
 * return is refunded; CANCELLED (before shipping) or EXPIRED (unpaid in time).
 */
public enum OrderStatus {

    PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, COMPLETED, RETURNED, CANCELLED, EXPIRED;

    public boolean isClosed() {
        return this == COMPLETED || this == RETURNED || this == CANCELLED || this == EXPIRED;
    }

}
