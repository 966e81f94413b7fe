package id.pasar.catalog.web;

import id.pasar.catalog.internal.ListingContent;
import id.pasar.compliance.ListingRules.HalalStatus;
import id.pasar.compliance.RegencyCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A listing as a seller writes it ({@code POST /listings}, {@code PUT /listings/{id}}).
 * Fields a seller may not set (status, version, sellerId) are not part of it, so sending
 * them changes nothing.
 */
@Schema(example = """
        { "title": "Kain Batik Tulis Mega Mendung", "description": "Batik tulis asli Cirebon, katun primisima, 2 meter.",
          "categoryCode": "batik-kain", "priceIdr": 450000, "stock": 12, "shipFromRegencyCode": "3209",
          "weightGrams": 400, "regulatoryLicence": null, "halalStatus": null, "halalCertificateNumber": null }""")
record ListingRequest(@NotBlank @Size(max = 200) String title, @Size(max = 5000) String description,
        @NotBlank @Size(max = 40) String categoryCode, @NotNull @Min(1) @Max(10_000_000_000L) Long priceIdr,
        @NotNull @Min(0) @Max(1_000_000) Integer stock,
        @NotNull @Pattern(regexp = "\\d{2}\\.?\\d{2}", message = "must be PP.KK or PPKK") String shipFromRegencyCode,
        @NotNull @Min(1) @Max(1_000_000) Integer weightGrams, @Size(max = 100) String regulatoryLicence,
        @Schema(description = "CERTIFIED or NON_HALAL; required (from rule set v2) in halal-required categories") HalalStatus halalStatus,
        @Schema(example = "ID31110001234567", description = "The BPJPH certificate number when CERTIFIED") @Size(
                max = 40) String halalCertificateNumber) {

    ListingContent content() {
        return new ListingContent(title.trim(), description == null ? "" : description.trim(), categoryCode, priceIdr,
                stock, RegencyCode.parse(shipFromRegencyCode).value(), weightGrams, blankToNull(regulatoryLicence),
                halalStatus, blankToNull(halalCertificateNumber));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    record Stock(@NotNull @Min(0) @Max(1_000_000) Integer stock) {
    }
}
