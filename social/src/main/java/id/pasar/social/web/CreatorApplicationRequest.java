package id.pasar.social.web;

import id.pasar.compliance.MobilePhone;
import id.pasar.compliance.MobilePhoneNumber;
import id.pasar.compliance.IdentityDocument;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.SellerIdentity;
import id.pasar.kernel.InvalidFields;
import id.pasar.social.internal.CreatorRegistry.Application;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/v1/creators}. The identity has the shapes of a seller's (KTP,
 * Indonesian passport, local entity) and is read the same way; form is checked here (400,
 * every bad field named), whether the identity may be a creator is compliance's question.
 */
@Schema(example = """
        { "handle": "budi.kriya", "displayName": "Budi Kriya", "regencyCode": "3204", "phone": "+62 812 3456 7890",
          "identity": { "documentType": "KTP", "nik": "3204110609970001", "fullName": "Budi Santoso",
                        "dateOfBirth": "1997-09-06", "gender": "MALE", "citizenship": "WNI" } }""")
record CreatorApplicationRequest(
        @NotNull @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9._]{3,30}",
                message = "must be 3 to 30 letters, digits, dots or underscores") String handle,
        @NotBlank @Size(max = 60) String displayName,
        @NotNull @Size(max = 5) @Pattern(regexp = "\\d{2}\\.?\\d{2}",
                message = "must be PP.KK or PPKK") String regencyCode,
        @Schema(description = "the creator's own mobile number: an order delivered to it earns no commission",
                maxLength = MobilePhone.MAX_LENGTH) @NotNull @Size(
                        max = MobilePhone.MAX_LENGTH) @MobilePhoneNumber String phone,
        @NotNull @Valid IdentityDocument identity) {

    Application toApplication() {
        List<Map<String, String>> errors = new ArrayList<>();
        SellerIdentity parsed = identity.parse(errors);
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return new Application(handle.toLowerCase(Locale.ROOT), displayName.trim(), parsed,
                RegencyCode.parse(regencyCode), MobilePhone.normalise(phone).orElseThrow());
    }

}
