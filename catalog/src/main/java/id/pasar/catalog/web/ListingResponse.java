package id.pasar.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A listing as its seller sees it, with where it stands with compliance. */
record ListingResponse(UUID listingId, @Schema(example = "DRAFT") String status, int version, String title,
        String description, String categoryCode, long priceIdr, int stock,
        @Schema(example = "32.09") String shipFromRegencyCode, String provinceCode, int weightGrams,
        String regulatoryLicence, String halalStatus, String halalCertificateNumber,
        @Schema(description = "Why compliance refused or suspended the listing") List<String> reasons, UUID decisionId,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime publishedAt) {
}
