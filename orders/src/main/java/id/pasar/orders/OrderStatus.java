package id.pasar.orders;

/**
 * PENDING_PAYMENT -> PAID -> SHIPPED -> COMPLETED; or CANCELLED (before shipping) or
 * EXPIRED (unpaid in time).
 */
public enum OrderStatus {

    PENDING_PAYMENT, PAID, SHIPPED, COMPLETED, CANCELLED, EXPIRED;

    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED || this == EXPIRED;
    }

}
