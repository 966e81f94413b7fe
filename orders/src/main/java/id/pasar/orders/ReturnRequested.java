package id.pasar.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * A shopper asked to return a delivered seller order. Delivered through the outbox.
 *
 * @param reason one of the return reasons (docs/orders.md)
 */
public record ReturnRequested(UUID returnId, UUID orderId, UUID sellerOrderId, UUID sellerId, String reason,
        Instant requestedAt) {
}
