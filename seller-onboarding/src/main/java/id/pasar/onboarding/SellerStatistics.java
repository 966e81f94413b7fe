package id.pasar.onboarding;

import java.time.Instant;
import java.util.Map;

/** Aggregate figures about sellers for the auditors' reports: counts only, never one seller's data. */
public interface SellerStatistics {

    /**
     * Sellers that applied before {@code createdBefore}, as they stand now.
     *
     * @param sellers every seller whose application is not REJECTED (pending, verified or revoked)
     * @param verified the VERIFIED ones; the maps break these down
     */
    Counts counts(Instant createdBefore);

    record Counts(long sellers, long verified, Map<String, Long> verifiedByDocumentType,
            Map<String, Long> verifiedByProvince, Map<String, Long> verifiedByUmkmClass) {
    }
}
