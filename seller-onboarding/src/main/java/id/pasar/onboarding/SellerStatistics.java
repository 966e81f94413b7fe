package id.pasar.onboarding;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Aggregate figures about sellers for the auditors' reports: counts only, never one
 * seller's data.
 */
public interface SellerStatistics {

    /**
     * Sellers that applied before {@code createdBefore}, as they stand now.
     * @param sellers every seller whose application is not REJECTED (pending, verified or
     * revoked)
     * @param verified the VERIFIED ones; the maps break these down
     */
    Counts counts(Instant createdBefore);

    record Counts(long sellers, long verified, Map<String, Long> verifiedByDocumentType,
            Map<String, Long> verifiedByProvince, Map<String, Long> verifiedByUmkmClass) {
    }

    /**
     * Every seller that is not REJECTED, with the groups the exposure report shows (UMKM
     * class, province of the registered address) and whether it is VERIFIED now: for
     * grouping aggregate figures, never for showing one seller.
     */
    Map<UUID, Group> groups();

    record Group(String umkmClass, String provinceCode, boolean verified) {
    }

}
