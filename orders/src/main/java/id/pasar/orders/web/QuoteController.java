package id.pasar.orders.web;

import id.pasar.orders.internal.AddressBook;
import id.pasar.orders.internal.Cart;
import id.pasar.orders.internal.ShippingAddress;
import id.pasar.orders.internal.ShippingQuotes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
@Tag(name = "Orders (shoppers)")
class QuoteController {

    private final ShippingQuotes quotes;

    private final AddressBook addresses;

    private final Cart cart;

    @PostMapping("/api/v1/orders/quote")
    @Operation(summary = "Price items and shipping before ordering", description = """
            One parcel per seller; `services` are the courier services among the seller's couriers that \
            serve the route, cheapest first. Nothing is taken or reserved. Refusals as POST /orders: 409 \
            INSUFFICIENT_STOCK, 422 LISTING_NOT_AVAILABLE, ADDRESS_NOT_DOMESTIC; 503 \
            SHIPPING_RATES_UNAVAILABLE when a configured rate API fails. `cart: {sellerIds}` instead of `items` \
            quotes the cart's lines of those sellers (all when empty), refused as ordering them would be: 409 \
            CART_CHANGED, 422 CART_EMPTY.""")
    QuoteResponse quote(@Valid @RequestBody QuoteRequest request, Principal caller) {
        Map<UUID, Integer> quantities = request.quantities(sellers -> cart.toQuote(Callers.user(caller), sellers));
        if (request.addressId() != null) {
            ShippingAddress saved = addresses.shippingAddress(Callers.user(caller), request.addressId());
            return QuoteResponse.of(quotes.quote(quantities, saved.regencyCode(), saved.postalCode()));
        }
        return QuoteResponse.of(quotes.quote(quantities, request.shippingAddress().regencyCode(),
                request.shippingAddress().postalCode()));
    }

}
