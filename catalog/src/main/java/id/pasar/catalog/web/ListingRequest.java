package id.pasar.catalog.web;

import id.pasar.catalog.internal.ListingContent;
import id.pasar.catalog.internal.VariantContent;
import id.pasar.compliance.ListingRules.HalalStatus;
import id.pasar.compliance.RegencyCode;
import id.pasar.kernel.InvalidFields;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A listing as a seller writes it ({@code POST /listings}, {@code PUT /listings/{id}}).
 * Fields a seller may not set (status, version, sellerId) are not part of it, so sending
 * them changes nothing.
 */
@Schema(example = """
        { "title": "Kain Batik Tulis Mega Mendung", "description": "Batik tulis asli Cirebon, katun primisima, 2 meter.",
          "categoryCode": "batik-kain", "priceIdr": 450000, "stock": 12, "shipFromRegencyCode": "3209",
          "weightGrams": 400 }""")
@ListingShape
record ListingRequest(@NotBlank @Size(max = 200) String title, @Size(max = 5000) String description,
        @NotBlank @Size(max = 40) String categoryCode,
        @Schema(description = "without options: the price; with options, each variant has its own") @Min(1) @Max(MAX_PRICE_IDR) Long priceIdr,
        @Schema(description = "without options: the stock") @Min(0) @Max(1_000_000) Integer stock,
        @NotNull @Size(max = 5) @Pattern(regexp = "\\d{2}\\.?\\d{2}",
                message = "must be PP.KK or PPKK") String shipFromRegencyCode,
        @Schema(description = "without options: the packed weight of one unit") @Min(1) @Max(1_000_000) Integer weightGrams,
        @Size(max = 100) String regulatoryLicence,
        @Schema(description = "CERTIFIED or NON_HALAL; required (from rule set v2) in halal-required categories") HalalStatus halalStatus,
        @Schema(example = "ID31110001234567", description = "The BPJPH certificate number when CERTIFIED") @Size(
                max = 40) String halalCertificateNumber,
        @Schema(description = "without options: the seller's own code of the listing") @Size(max = SKU_MAX) @Pattern(
                regexp = SKU, message = SKU_RULE) String sku,
        @Schema(description = "one or two option types (Ukuran, Warna) with their values; none for a listing sold one way") @Size(
                max = 2) List<@NotNull @Valid Option> options,
        @Schema(description = "with options: what is sold, one value per option type each") @Size(
                max = 100) List<@NotNull @Valid VariantRequest> variants,
        @Schema(description = "up to 9 photos (POST /api/v1/media, the caller's own), in order, the first the cover; "
                + "changing them is an edit like any other: checked again") @Size(
                        max = 9) List<@NotNull UUID> photoIds) {

    static final String SKU = "[A-Za-z0-9._/-]{1,50}";

    static final int SKU_MAX = 50;

    /** Rp 10 billion, the dearest price a listing or variant may ask. */
    static final long MAX_PRICE_IDR = 10_000_000_000L;

    static final String SKU_RULE = "must be 1-50 letters, digits or . _ / -";

    /** An option type in the seller's words, with its values. */
    record Option(@Schema(example = "Ukuran") @NotBlank @Size(max = 30) String name,
            @Schema(example = "[\"S\", \"M\", \"L\"]") @NotEmpty @Size(
                    max = 20) List<@NotBlank @Size(max = 30) String> values) {
    }

    /** One variant: a value of each option type, in their order. */
    record VariantRequest(
            @Schema(example = "[\"M\"]") @NotEmpty @Size(max = 2) List<@NotBlank @Size(max = 30) String> options,
            @Size(max = SKU_MAX) @Pattern(regexp = SKU, message = SKU_RULE) String sku,
            @NotNull @Min(1) @Max(MAX_PRICE_IDR) Long priceIdr, @NotNull @Min(0) @Max(1_000_000) Integer stock,
            @NotNull @Min(1) @Max(1_000_000) Integer weightGrams) {
    }

    /**
     * The content, its shape checked: without options, the listing's own price, stock and
     * weight; with options, variants that each name one declared value of every type, no
     * two the same.
     */
    ListingContent content() {
        List<UUID> photos = photoIds == null ? List.of() : photoIds;
        if (new HashSet<>(photos).size() < photos.size()) {
            throw new InvalidFields("photoIds", "a photo may appear once");
        }
        return shape().withPhotos(photos);
    }

    private ListingContent shape() {
        String regency = RegencyCode.parse(shipFromRegencyCode).value();
        String text = description == null ? "" : description.trim();
        // The shape (one way or by variants) is ListingShape's: checked with the fields.
        if (options == null || options.isEmpty()) {
            return new ListingContent(title.trim(), text, categoryCode, priceIdr, stock, regency, weightGrams,
                    blankToNull(regulatoryLicence), halalStatus, blankToNull(halalCertificateNumber), List.of(),
                    List.of(new VariantContent(List.of(), sku, priceIdr, stock, weightGrams)));
        }
        List<String> types = options.stream().map(option -> option.name().trim()).toList();
        if (types.stream().map(type -> type.toLowerCase(Locale.ROOT)).distinct().count() < types.size()) {
            throw new InvalidFields("options", "option types must differ");
        }
        for (int i = 0; i < options.size(); i++) {
            List<String> values = options.get(i).values().stream().map(String::trim).toList();
            if (values.stream().map(value -> value.toLowerCase(Locale.ROOT)).distinct().count() < values.size()) {
                throw new InvalidFields("options[" + i + "].values", "values must differ");
            }
        }
        Set<List<String>> seen = new HashSet<>();
        Set<String> skus = new HashSet<>();
        List<VariantContent> contents = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            VariantRequest variant = variants.get(i);
            List<String> values = variant.options().stream().map(String::trim).toList();
            if (values.size() != options.size()) {
                throw new InvalidFields("variants[" + i + "].options", "must give one value of each option type");
            }
            for (int type = 0; type < values.size(); type++) {
                String value = values.get(type);
                if (options.get(type).values().stream().map(String::trim).noneMatch(value::equals)) {
                    throw new InvalidFields("variants[" + i + "].options",
                            "'" + value + "' is not a value of " + types.get(type));
                }
            }
            if (!seen.add(values)) {
                throw new InvalidFields("variants[" + i + "].options", "another variant has these values");
            }
            if (variant.sku() != null && !skus.add(variant.sku())) {
                throw new InvalidFields("variants[" + i + "].sku", "another variant has this SKU");
            }
            contents.add(new VariantContent(values, variant.sku(), variant.priceIdr(), variant.stock(),
                    variant.weightGrams()));
        }
        return ListingContent.withVariants(title.trim(), text, categoryCode, regency, blankToNull(regulatoryLicence),
                halalStatus, blankToNull(halalCertificateNumber), types, contents);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    record Stock(@NotNull @Min(0) @Max(1_000_000) Integer stock) {
    }

    /** A variant's price or stock, or both: not checked content. */
    record VariantChange(@Min(1) @Max(MAX_PRICE_IDR) Long priceIdr, @Min(0) @Max(1_000_000) Integer stock) {
    }
}
