package id.pasar.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A listing as its seller sees it, with where it stands with compliance. {@code priceIdr}
 * is the lowest of its variants' prices and {@code maxPriceIdr} the highest when they
 * differ (else null); {@code stock} their sum.
 */
record ListingResponse(UUID listingId, @Schema(example = "DRAFT") String status, int version, String title,
        String description, String categoryCode, long priceIdr, Long maxPriceIdr, int stock,
        @Schema(example = "32.09") String shipFromRegencyCode, String provinceCode, int weightGrams,
        String regulatoryLicence, String halalStatus, String halalCertificateNumber,
        @Schema(description = "The option types, in order; empty for a listing sold one way") List<String> optionTypes,
        List<VariantResponse> variants,
        @Schema(description = "The photos, in order, the first the cover; each with its URL per width") List<Photo> photos,
        @Schema(description = "Why compliance refused or suspended the listing") List<String> reasons, UUID decisionId,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime publishedAt) {

    /**
     * A variant: a listing without options has one, whose id is the listing's.
     *
     * @param options one value of each option type, in their order
     */
    record VariantResponse(UUID variantId, List<String> options, String sku, long priceIdr, int stock,
            int weightGrams) {
    }
}
