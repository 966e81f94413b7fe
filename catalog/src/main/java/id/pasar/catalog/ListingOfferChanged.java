package id.pasar.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A published listing's offer changed while it stayed on the shelf: its seller set a
 * variant's price or stock (not checked content, so no new version and no new PASS), or
 * orders took its last unit, or gave units back to it sold out. Other stock that orders
 * take and give back publishes none. Published inside that transaction; nothing in this
 * process listens to it, but with Kafka on it goes through the outbox to
 * {@code pasar.listings} (ADR 0031, docs/events.md): the search index reads it for the
 * listing's price and whether it is in stock.
 *
 * @param version the listing version on the shelf (unchanged)
 * @param priceIdr the lowest variant price now
 * @param maxPriceIdr the highest when the variants' prices differ, else null
 * @param stock the variants' stock, summed, now
 */
public record ListingOfferChanged(UUID listingId, UUID sellerId, int version, long priceIdr, Long maxPriceIdr,
        int stock, Instant changedAt) {
}
