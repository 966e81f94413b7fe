package id.pasar.catalog.internal;

import id.pasar.compliance.ListingRules.HalalStatus;
import java.util.List;
import java.util.UUID;

/**
 * What a seller writes about a listing, checked for form by the web layer; the regency as
 * {@code PP.KK}. {@code optionTypes} are the listing's option types (none, one or two)
 * and {@code variants} what is sold, at least one; {@code priceIdr}, {@code stock} and
 * {@code weightGrams} are the lowest price, the total stock and the first variant's
 * weight; {@code photoIds} the photos in their order (at most 9, the first the cover),
 * each one the seller uploaded.
 */
public record ListingContent(String title, String description, String categoryCode, long priceIdr, int stock,
        String shipFromRegencyCode, int weightGrams, String regulatoryLicence, HalalStatus halalStatus,
        String halalCertificateNumber, List<String> optionTypes, List<VariantContent> variants, List<UUID> photoIds) {

    public ListingContent {
        optionTypes = List.copyOf(optionTypes);
        variants = List.copyOf(variants);
        photoIds = List.copyOf(photoIds);
    }

    /** Without photos. */
    public ListingContent(String title, String description, String categoryCode, long priceIdr, int stock,
            String shipFromRegencyCode, int weightGrams, String regulatoryLicence, HalalStatus halalStatus,
            String halalCertificateNumber, List<String> optionTypes, List<VariantContent> variants) {
        this(title, description, categoryCode, priceIdr, stock, shipFromRegencyCode, weightGrams, regulatoryLicence,
                halalStatus, halalCertificateNumber, optionTypes, variants, List.of());
    }

    /** The same content with these photos, in this order. */
    public ListingContent withPhotos(List<UUID> photoIds) {
        return new ListingContent(title, description, categoryCode, priceIdr, stock, shipFromRegencyCode, weightGrams,
                regulatoryLicence, halalStatus, halalCertificateNumber, optionTypes, variants, photoIds);
    }

    /** A listing without options: one variant of this price, stock and weight. */
    public ListingContent(String title, String description, String categoryCode, long priceIdr, int stock,
            String shipFromRegencyCode, int weightGrams, String regulatoryLicence, HalalStatus halalStatus,
            String halalCertificateNumber) {
        this(title, description, categoryCode, priceIdr, stock, shipFromRegencyCode, weightGrams, regulatoryLicence,
                halalStatus, halalCertificateNumber, List.of(),
                List.of(new VariantContent(List.of(), null, priceIdr, stock, weightGrams)));
    }

    /** A listing with options: its price, stock and weight summarise its variants. */
    public static ListingContent withVariants(String title, String description, String categoryCode,
            String shipFromRegencyCode, String regulatoryLicence, HalalStatus halalStatus,
            String halalCertificateNumber, List<String> optionTypes, List<VariantContent> variants) {
        return new ListingContent(title, description, categoryCode,
                variants.stream().mapToLong(VariantContent::priceIdr).min().orElseThrow(),
                variants.stream().mapToInt(VariantContent::stock).sum(), shipFromRegencyCode,
                variants.get(0).weightGrams(), regulatoryLicence, halalStatus, halalCertificateNumber, optionTypes,
                variants);
    }

}
