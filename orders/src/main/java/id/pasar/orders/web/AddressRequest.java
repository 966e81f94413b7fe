package id.pasar.orders.web;

import id.pasar.compliance.MobilePhoneNumber;
import id.pasar.orders.internal.AddressDetails;
import id.pasar.compliance.MobilePhone;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST} and {@code PUT /shoppers/me/addresses}: the whole address.
 * {@code isDefault} true makes it the default; false or absent leaves the default where
 * it is.
 */
@Schema(example = """
        { "label": "Rumah", "recipientName": "Siti Rahayu", "phone": "0812-3456-7890",
          "street": "Jl. Kenanga 12, RT 03/RW 05", "regencyCode": "3273", "districtCode": "32.73.01",
          "postalCode": "40115", "isDefault": true }""")
record AddressRequest(@NotBlank @Size(max = 30) String label, @NotBlank @Size(max = 100) String recipientName,
        @NotNull @Size(max = MobilePhone.MAX_LENGTH) @MobilePhoneNumber String phone,
        @NotBlank @Size(max = 200) String street,
        @NotNull @Size(max = 5) @Pattern(regexp = "\\d{2}\\.?\\d{2}",
                message = "must be PP.KK or PPKK") String regencyCode,
        @Size(max = 8) @Pattern(regexp = "\\d{2}\\.\\d{2}\\.\\d{2}", message = "must be PP.KK.DD") String districtCode,
        @NotNull @Size(max = 5) @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String postalCode,
        Boolean isDefault) {

    AddressDetails details() {
        return new AddressDetails(label.strip(), recipientName.strip(), MobilePhone.normalise(phone).orElseThrow(),
                street.strip(), regencyCode, districtCode, postalCode);
    }

    boolean makeDefault() {
        return Boolean.TRUE.equals(isDefault);
    }

    @Override
    public String toString() {
        return "AddressRequest[regency=" + regencyCode + "]";
    }

}
