package id.pasar.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A shopper placed an order: stock is taken, payment is awaited. Delivered through the
 * outbox.
 */
public record OrderPlaced(UUID orderId, Instant placedAt, List<Line> lines) {

    public record Line(UUID listingId, UUID sellerId, int quantity, long lineTotalIdr) {
    }
}
