package id.pasar.catalog.internal;

import id.pasar.compliance.ListingRules.HalalStatus;

/**
 * What a seller writes about a listing, checked for form by the web layer; the regency as
 * {@code PP.KK}.
 */
public record ListingContent(String title, String description, String categoryCode, long priceIdr, int stock,
        String shipFromRegencyCode, int weightGrams, String regulatoryLicence, HalalStatus halalStatus,
        String halalCertificateNumber) {
}
