package id.pasar.orders.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * Money going back for one seller order. {@code state}: REQUESTED (not sent yet),
 * SUCCEEDED, FAILED (tried {@code attempts} times; retried until the limit).
 */
public record Refund(UUID id, UUID orderId, UUID sellerOrderId, String gatewayOrderId, long amountIdr, String reason,
        String state, int attempts, String lastFailure, Instant createdAt, Instant updatedAt, Instant succeededAt) {
}
