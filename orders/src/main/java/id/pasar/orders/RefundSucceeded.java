package id.pasar.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * The gateway paid a refund back to the shopper. Delivered through the outbox.
 *
 * @param sellerOrderId the seller order whose money it was
 */
public record RefundSucceeded(UUID refundId, UUID orderId, UUID sellerOrderId, long amountIdr, String reason,
        Instant succeededAt) {
}
