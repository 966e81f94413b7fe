package id.pasar.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A listing version went on the shelf with its compliance PASS. Published inside the
 * publishing transaction; nothing in this process listens to it, but with Kafka on it
 * goes through the outbox to {@code pasar.listings} (ADR 0031, docs/events.md), for a
 * search index say. A consumer reads the listing itself by id: the event is a signal, not
 * a copy.
 *
 * @param version the listing version that passed
 * @param decisionId the PASS
 */
public record ListingPublished(UUID listingId, UUID sellerId, int version, UUID decisionId, Instant publishedAt) {
}
