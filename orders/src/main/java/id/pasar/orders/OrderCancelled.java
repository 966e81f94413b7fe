package id.pasar.orders;

import java.time.Instant;
import java.util.UUID;

/**
 * An order closed without delivery (CANCELLED or EXPIRED) and gave its stock back.
 * Delivered through the outbox.
 */
public record OrderCancelled(UUID orderId, OrderStatus status, Instant closedAt) {
}
