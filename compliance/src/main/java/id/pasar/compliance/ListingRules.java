package id.pasar.compliance;

import java.util.List;

/**
 * The listing-publication rules of compliance-rules.md (rule set {@link IdentityRules#VERSION}),
 * as a pure function: every check runs, and every failing reason is reported.
 */
public interface ListingRules {

    /** PASS when {@code reasons} is empty. */
    List<String> check(ListingFacts listing);

    /** What kind of licence a regulated category needs, which fixes the accepted number forms. */
    enum LicenceKind {
        /** Food and drink: BPOM MD/ML + 12 digits, or P-IRT + 15 digits. */
        FOOD,
        /** Cosmetics: BPOM notification NA..NE + 11 digits. */
        COSMETICS,
        /** Traditional medicine, herbal products, supplements: TR, TI, TL, SD, SI, SL + 9 digits. */
        TRADITIONAL_MEDICINE,
        /** Toys, electrical goods: SNI + the standard's number and year, optionally the certificate. */
        SNI
    }

    /**
     * What the rules look at, gathered by the publishing workflow.
     *
     * @param sellerVerified the listing's seller is VERIFIED now
     * @param shipFromRegencyCode as the seller typed it ({@code PP.KK} or {@code PPKK}), or null
     * @param categoryProhibited the category is on the prohibited table (weapons, narcotics, ...)
     * @param licenceKind the category's regulation, or null when it needs no licence
     * @param regulatoryLicence the licence number the seller gave, or null
     */
    record ListingFacts(boolean sellerVerified, String shipFromRegencyCode, boolean categoryProhibited,
            LicenceKind licenceKind, String regulatoryLicence) {
    }
}
