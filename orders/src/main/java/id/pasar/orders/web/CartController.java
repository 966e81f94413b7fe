package id.pasar.orders.web;

import id.pasar.social.AffiliateRefKey;
import id.pasar.orders.internal.Cart;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cart")
@RequiredArgsConstructor
@Tag(name = "Cart (shoppers)")
class CartController {

    private final Cart cart;

    @GetMapping
    @Operation(summary = "The caller's cart, grouped by seller, with live prices and stock", description = """
            Sellers by their newest line, lines newest first. A line is flagged PRICE_CHANGED (the price is not \
            the one shown when its quantity was set: `priceWhenSetIdr`), INSUFFICIENT_STOCK or UNAVAILABLE (its \
            seller took it off sale); a listing taken down by compliance is not shown. Totals count the lines \
            that can be ordered.""")
    CartResponse mine(Principal caller) {
        return CartResponse.of(cart.of(Callers.user(caller)));
    }

    @PutMapping("/items/{variantId}")
    @Operation(summary = "Set a line's quantity, adding it when new", description = """
            The variant is the listing's id while listings have one variant each. Setting a quantity accepts \
            the price shown now. affiliateRef: the reference of the post or showcase the listing was reached \
            through, carried to the order. Refusals: 422 LISTING_NOT_AVAILABLE, CART_FULL (100 lines); 409 \
            INSUFFICIENT_STOCK (`available`).""")
    CartResponse set(@PathVariable UUID variantId, @Valid @RequestBody Quantity request, Principal caller) {
        return CartResponse.of(cart.set(Callers.user(caller), variantId, request.quantity(), request.affiliateRef()));
    }

    @DeleteMapping("/items/{variantId}")
    @Operation(summary = "Remove a line; removing one that is not there changes nothing")
    CartResponse remove(@PathVariable UUID variantId, Principal caller) {
        return CartResponse.of(cart.remove(Callers.user(caller), variantId));
    }

    /**
     * @param affiliateRef the creator's reference the listing was reached through (a
     * post's or a showcase's {@code affiliateRef}), carried to the order
     */
    record Quantity(@Schema(example = "2") @NotNull @Min(1) @Max(100) Integer quantity, @Schema(
            maxLength = AffiliateRefKey.MAX_LENGTH) @Size(max = AffiliateRefKey.MAX_LENGTH) String affiliateRef) {
    }

}
