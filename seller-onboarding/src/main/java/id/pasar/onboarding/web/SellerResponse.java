package id.pasar.onboarding.web;

import id.pasar.compliance.SellerIdentity.DocumentType;
import id.pasar.onboarding.SellerStatus;
import id.pasar.onboarding.UmkmClass;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A seller as its owner and compliance officers see it; the identity number only masked.
 */
record SellerResponse(UUID sellerId, @Schema(example = "Batik Sekar Jagad") String shopName,
        @Schema(example = "INDIVIDUAL") String sellerType, SellerStatus status,
        @Schema(example = "[\"NIK_REGION_UNVERIFIED\"]") List<String> reasons, UmkmClass umkmClass,
        DocumentType documentType, @Schema(example = "320411********01") String maskedIdentity,
        @Schema(example = "32.04") String regencyCode, UUID decisionId, @Schema(example = "v1") String ruleSetVersion,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
