package id.pasar.orders.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One payment attempt of an order, as stored. {@code status}: PENDING (the current one),
 * PAID, REPLACED (the shopper chose another method), FAILED (denied, cancelled or expired
 * at the gateway), REFUNDED (settled when it could not pay the order: given back).
 */
public record PaymentView(UUID id, UUID orderId, int attempt, String gatewayOrderId, PaymentMethod method,
        String channel, long amountIdr, String status, String vaNumber, String billKey, String billerCode,
        String qrString, String deeplink, Instant expiresAt, Instant createdAt) {
}
