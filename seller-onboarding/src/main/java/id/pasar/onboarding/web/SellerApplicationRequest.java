package id.pasar.onboarding.web;

import id.pasar.compliance.IdentityDocument;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.SellerIdentity;
import id.pasar.compliance.SellerIdentity.DocumentType;
import id.pasar.kernel.InvalidFields;
import id.pasar.onboarding.internal.Application;
import id.pasar.onboarding.internal.SellerType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/sellers}. Form is checked here (400, every bad field named);
 * whether the identity may sell is compliance's question (a stored, logged REJECTED with
 * reasons).
 */
@Schema(example = """
        { "shopName": "Batik Sekar Jagad", "sellerType": "INDIVIDUAL", "annualRevenueIdr": 350000000,
          "address": { "street": "Jl. Melati 5", "regencyCode": "3204", "postalCode": "40921" },
          "identity": { "documentType": "KTP", "nik": "3204110609970001", "fullName": "Budi Santoso",
                        "dateOfBirth": "1997-09-06", "gender": "MALE", "citizenship": "WNI" } }""")
record SellerApplicationRequest(@NotBlank @Size(max = 100) String shopName, @NotNull SellerType sellerType,
        @NotNull @PositiveOrZero @Max(1_000_000_000_000_000L) Long annualRevenueIdr, @NotNull @Valid Address address,
        @NotNull @Valid IdentityDocument identity) {

    @Schema(name = "SellerAddress")
    record Address(@NotBlank @Size(max = 200) String street,
            @NotNull @Size(max = 5) @Pattern(regexp = "\\d{2}\\.?\\d{2}",
                    message = "must be PP.KK or PPKK") String regencyCode,
            @NotNull @Size(max = 5) @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String postalCode) {
    }

    Application toApplication() {
        List<Map<String, String>> errors = new ArrayList<>();
        SellerIdentity parsed = identity.parse(errors);
        boolean business = sellerType == SellerType.BUSINESS;
        if (business != (identity.documentType() == DocumentType.LOCAL_ENTITY)) {
            errors.add(error("identity.documentType",
                    business ? "a BUSINESS proves a LOCAL_ENTITY" : "an INDIVIDUAL proves a KTP or a PASSPORT"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return Application.of(shopName.trim(), business, annualRevenueIdr, address.street().trim(),
                RegencyCode.parse(address.regencyCode()), address.postalCode(), parsed);
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
