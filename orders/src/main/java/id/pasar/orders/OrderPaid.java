package id.pasar.orders;

import java.time.Instant;
import java.util.UUID;

/** The payment gateway settled an order. Delivered through the outbox. */
public record OrderPaid(UUID orderId, long totalIdr, Instant paidAt) {
}
