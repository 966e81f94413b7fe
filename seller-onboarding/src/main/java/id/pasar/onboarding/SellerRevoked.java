package id.pasar.onboarding;

import java.time.Instant;
import java.util.UUID;

/**
 * A seller lost its verification (an officer's revocation, an expired passport, a
 * platform affiliation). Published inside the revoking transaction: listeners that take
 * the seller's listings down do it in the same transaction, so nothing of theirs stays
 * visible after it commits.
 */
public record SellerRevoked(UUID sellerId, String reasonCode, UUID decisionId, Instant revokedAt) {
}
