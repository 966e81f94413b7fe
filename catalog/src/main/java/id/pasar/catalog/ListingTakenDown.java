package id.pasar.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published listing left the shelf: suspended by compliance (a revocation, a re-check
 * under a new rule set) or moved back to a draft by its seller (an edit, an unpublish).
 * Published inside that transaction; with Kafka on it goes through the outbox to
 * {@code pasar.listings} (ADR 0031, docs/events.md).
 *
 * @param status where it went: {@code SUSPENDED} or {@code DRAFT}
 * @param reasons compliance's reason codes for a suspension; empty for a draft
 */
public record ListingTakenDown(UUID listingId, UUID sellerId, int version, String status, List<String> reasons,
        Instant takenDownAt) {

    public ListingTakenDown {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

}
