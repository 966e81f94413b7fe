package id.pasar.orders.web;

import id.pasar.orders.internal.Checkout;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code POST /orders/quote}: the items of {@code POST /orders} and where they go, a
 * saved address ({@code addressId}) or one given inline. Of the address only the regency
 * is needed (and the postal code, when given, for rate APIs that price by postal code);
 * the other fields of an order's address are accepted and ignored.
 */
@Schema(example = """
        { "items": [ { "listingId": "0d6f5c1e-6a5b-4f0e-9b8a-2f1a3c4d5e6f", "quantity": 2 } ],
          "shippingAddress": { "regencyCode": "3273", "postalCode": "40115" } }""")
@OneAddress
record QuoteRequest(@Size(min = 1, max = 50) List<OrderRequest.@NotNull @Valid Item> items,
        @Schema(description = "quote the cart's lines instead of items") @Valid OrderRequest.FromCart cart,
        @Valid Address shippingAddress,
        @Schema(description = "a saved address of the caller, instead of shippingAddress") UUID addressId)
        implements
            OneAddress.Addressed {

    @Schema(name = "QuoteAddress")
    record Address(
            @NotNull @Size(max = 5) @Pattern(regexp = "\\d{2}\\.?\\d{2}",
                    message = "must be PP.KK or PPKK") String regencyCode,
            @Size(max = 5) @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String postalCode) {
    }

    /**
     * Quantities by variant, a variant on several lines summed; {@code cart} when the
     * items come from the caller's cart (exactly one of the two).
     */
    Map<UUID, Integer> quantities(Function<Set<UUID>, Map<UUID, Integer>> cartLines) {
        Checkout.Basket basket = OrderRequest.basket(items, cart);
        if (basket instanceof Checkout.FromCart fromCart) {
            return cartLines.apply(fromCart.sellerIds());
        }
        Map<UUID, Integer> quantities = new LinkedHashMap<>();
        ((Checkout.Items) basket).lines()
            .forEach(line -> quantities.merge(line.variantId(), line.quantity(), Integer::sum));
        return quantities;
    }

}
