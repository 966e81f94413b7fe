package id.pasar.orders.web;

import id.pasar.orders.internal.PaymentMethod;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * How the shopper wants to pay: {@code bank} with BANK_TRANSFER, {@code ewallet} with
 * EWALLET.
 */
record PaymentRequest(@NotNull PaymentMethod method, @Schema(example = "BCA", allowableValues = {
        "BCA", "BNI", "BRI", "MANDIRI", "PERMATA" }) @Size(max = 20) String bank,
        @Schema(example = "GOPAY",
                allowableValues = { "GOPAY", "OVO", "DANA", "SHOPEEPAY" }) @Size(max = 20) String ewallet){
}
