package id.pasar.orders.web;

import id.pasar.onboarding.Sellers;
import id.pasar.orders.internal.Courier;
import id.pasar.orders.internal.SellerCouriers;
import id.pasar.orders.internal.ShippingProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
@Tag(name = "Orders (sellers)")
class SellerCourierController {

    private final SellerCouriers couriers;

    private final Sellers sellers;

    @GetMapping("/api/v1/sellers/me/couriers")
    @Operation(summary = "The couriers the caller hands parcels to; every courier until chosen")
    Couriers mine(Principal caller) {
        return Couriers.of(couriers.of(seller(caller)));
    }

    @PutMapping("/api/v1/sellers/me/couriers")
    @Operation(summary = "Choose the couriers the caller hands parcels to (at least one)",
            description = "Codes: JNE, JNT, SICEPAT, POS, GOSEND. Shoppers are offered only these couriers' services.")
    Couriers choose(@Valid @RequestBody Couriers choice, Principal caller) {
        return Couriers.of(couriers.choose(seller(caller), choice.couriers().stream().map(Courier::valueOf).toList()));
    }

    record Couriers(@ArraySchema(schema = @Schema(allowableValues = {
            "JNE", "JNT", "SICEPAT", "POS", "GOSEND" }),
            minItems = 1) @NotEmpty @Size(max = 20) List<@NotNull @Pattern(regexp = Courier.PATTERN,
                    message = "must be one of JNE, JNT, SICEPAT, POS, GOSEND") String> couriers){

        static Couriers of(Set<Courier> couriers) {
            return new Couriers(couriers.stream().map(Enum::name).toList());
        }
    }

    private UUID seller(Principal caller) {
        return sellers.ofUser(Callers.user(caller)).orElseThrow(ShippingProblems.SellerNotFound::new).sellerId();
    }

}
