package id.pasar.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * The gateway settled money that no order takes: a payment of an order closed unpaid
 * (late settlement), or a second payment of a paid one. It is refunded whole (each seller
 * order's share requested as a refund, {@link RefundSucceeded} when sent). Published once
 * per settled gateway transaction; delivered through the outbox.
 *
 * @param gatewayOrderId the gateway's transaction that settled
 */
public record SettlementNotTaken(UUID orderId, String gatewayOrderId, long amountIdr, String reason,
        Instant settledAt) {
}
