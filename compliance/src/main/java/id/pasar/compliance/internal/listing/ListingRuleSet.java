package id.pasar.compliance.internal.listing;

import id.pasar.compliance.ListingRules;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.Regions;
import id.pasar.compliance.RuleSets;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The listing-publication rules. Every check runs whatever the ones before it found, so a
 * seller learns everything to fix at once, and the reasons come in the order the checks
 * run.
 */
@Component
@RequiredArgsConstructor
class ListingRuleSet implements ListingRules {

    private final Regions regions;

    @Override
    public List<String> check(ListingFacts listing, RuleSets.RuleSet ruleSet) {
        List<String> reasons = new ArrayList<>();
        failIf(!listing.sellerVerified(), Reason.SELLER_NOT_VERIFIED, reasons);
        failIf(!shipsFromACurrentRegency(listing.shipFromRegencyCode()), Reason.SHIP_FROM_NOT_DOMESTIC, reasons);
        failIf(listing.categoryProhibited(), Reason.PROHIBITED_CATEGORY, reasons);
        // A category that needs no licence ignores whatever number the seller typed
        // anyway.
        failIf(listing.licenceKind() != null
                && !LicenceNumbers.accepts(listing.licenceKind(), listing.regulatoryLicence()), Reason.LICENCE_REQUIRED,
                reasons);
        if (ruleSet.has(HALAL_CERTIFICATE_REQUIRED) && listing.halalRequired()) {
            failIf(!HalalCertificates.declaresHalalStatus(listing.halalStatus(), listing.halalCertificateNumber()),
                    Reason.HALAL_CERTIFICATE_REQUIRED, reasons);
        }
        return List.copyOf(reasons);
    }

    // Only a regency in the decree now counts: one retired by the 2022 Papua split is no
    // address to ship from.
    private boolean shipsFromACurrentRegency(String typed) {
        return RegencyCode.isWellFormed(typed) && regions.isCurrentRegency(RegencyCode.parse(typed));
    }

    private static void failIf(boolean failed, Reason reason, List<String> reasons) {
        if (failed) {
            reasons.add(reason.name());
        }
    }

}
