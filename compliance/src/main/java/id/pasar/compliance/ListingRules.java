package id.pasar.compliance;

import java.util.List;

/**
 * The listing-publication rules of compliance-rules.md, as a pure function of the listing
 * and the rule set to apply: every check of that set runs, and every failing reason is
 * reported.
 */
public interface ListingRules {

    /**
     * The v2 rule: halal-required categories carry a BPJPH certificate or say they are
     * not halal.
     */
    String HALAL_CERTIFICATE_REQUIRED = "HALAL_CERTIFICATE_REQUIRED";

    /** PASS when {@code reasons} is empty. */
    List<String> check(ListingFacts listing, RuleSets.RuleSet ruleSet);

    /** CERTIFIED (with a certificate number) or NON_HALAL, declared by the seller. */
    enum HalalStatus {

        CERTIFIED, NON_HALAL

    }

    /**
     * What kind of licence a regulated category needs, which fixes the accepted number
     * forms.
     */
    enum LicenceKind {

        /** Food and drink: BPOM MD/ML + 12 digits, or P-IRT + 15 digits. */
        FOOD,
        /** Cosmetics: BPOM notification NA..NE + 11 digits. */
        COSMETICS,
        /**
         * Traditional medicine, herbal products, supplements: TR, TI, TL, SD, SI, SL + 9
         * digits.
         */
        TRADITIONAL_MEDICINE,
        /**
         * Toys, electrical goods: SNI + the standard's number and year, optionally the
         * certificate.
         */
        SNI

    }

    /**
     * What the rules look at, gathered by the publishing workflow.
     *
     * @param sellerVerified the listing's seller is VERIFIED now
     * @param shipFromRegencyCode as the seller typed it ({@code PP.KK} or {@code PPKK}),
     * or null
     * @param categoryProhibited the category is on the prohibited table (weapons,
     * narcotics, ...)
     * @param licenceKind the category's regulation, or null when it needs no licence
     * @param regulatoryLicence the licence number the seller gave, or null
     * @param halalRequired the category must be halal-certified or declared not halal
     * (from rule set v2)
     * @param halalStatus what the seller declared, or null
     * @param halalCertificateNumber the BPJPH certificate number the seller gave, or null
     */
    record ListingFacts(boolean sellerVerified, String shipFromRegencyCode, boolean categoryProhibited,
            LicenceKind licenceKind, String regulatoryLicence, boolean halalRequired, HalalStatus halalStatus,
            String halalCertificateNumber) {

        /** A listing of a category without a halal obligation. */
        public ListingFacts(boolean sellerVerified, String shipFromRegencyCode, boolean categoryProhibited,
                LicenceKind licenceKind, String regulatoryLicence) {
            this(sellerVerified, shipFromRegencyCode, categoryProhibited, licenceKind, regulatoryLicence, false, null,
                    null);
        }
    }

}
