package id.pasar.compliance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The companies affiliated with the platform (compliance-rules.md,
 * {@code PLATFORM_AFFILIATE}): the platform competes with no seller, so none of them may
 * sell here. Entries are found by the blind indexes of their NIB and NPWP, stored
 * encrypted, shown masked. Every change is a decision in the log
 * ({@code PLATFORM_AFFILIATE_LIST}); an addition publishes {@link Listed} in its
 * transaction, so that a matching seller is revoked with it, or not at all.
 */
public interface PlatformAffiliateList {

    String PLATFORM_AFFILIATE = "PLATFORM_AFFILIATE";

    String AFFILIATE_ADDED = "AFFILIATE_ADDED";

    String AFFILIATE_REMOVED = "AFFILIATE_REMOVED";

    /** Every entry, oldest first, numbers masked. */
    List<Affiliate> all();

    /** 409 {@code AFFILIATE_ALREADY_LISTED} when its NIB or NPWP is listed already. */
    Affiliate add(NewAffiliate entry, String actor);

    /**
     * 404 {@code AFFILIATE_NOT_FOUND} for an unknown id. Sellers revoked by the entry
     * stay revoked.
     */
    void remove(UUID id, String actor);

    /** Whether a business is on the list, by its NIB (13 digits) or its NPWP (digits). */
    boolean lists(String nib, String npwp);

    /**
     * The blind index a seller's NPWP is matched by: the tax office's 16-digit form
     * ({@code 0} + 15) counts as its 15.
     */
    byte[] npwpIndex(String npwpDigits);

    /**
     * @param nib 13 digits, or null
     * @param npwp 15 or 16 digits, or null; one of the two is required
     */
    record NewAffiliate(String nib, String npwp, String legalName, String note) {
    }

    record Affiliate(UUID id, String legalName, String nib, String npwp, String note, Instant createdAt) {
    }

    /**
     * Published when an entry is added, inside its transaction; the indexes are what
     * sellers are matched by.
     */
    record Listed(UUID affiliateId, byte[] nibIndex, byte[] npwpIndex, UUID decisionId, String actor) {
    }

}
