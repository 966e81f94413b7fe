package id.pasar.orders.web;

import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.orders.internal.AddressBook;
import id.pasar.orders.internal.Checkout;
import id.pasar.orders.internal.Order;
import id.pasar.orders.internal.OrderBook;
import id.pasar.orders.internal.Refund;
import id.pasar.orders.internal.Refunds;
import id.pasar.orders.internal.ShippingAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/orders")
@RequiredArgsConstructor
@Tag(name = "Orders (shoppers)")
class OrderController {

    /** The caller's orders, newest first: a creation time and an id. */
    private static final String CURSOR = "orders";

    private final Checkout checkout;

    private final AddressBook addresses;

    private final OrderBook book;

    private final OrderResponseMapper mapper;

    private final Refunds refunds;

    private final JsonMapper json;

    @PostMapping
    @Operation(summary = "Place an order", description = """
            Requires `Idempotency-Key`: the same key with the same body replays the first response; with another \
            body 422 IDEMPOTENCY_KEY_REUSED; while the first runs 409. Refusals: 409 INSUFFICIENT_STOCK (listingId), \
            422 LISTING_NOT_AVAILABLE, ADDRESS_NOT_DOMESTIC, PURCHASE_LIMIT_EXCEEDED; 429 past 30 orders a minute. \
            The address is `shippingAddress` or `addressId` (a saved address; another's is 404 ADDRESS_NOT_FOUND), \
            exactly one; a `districtCode` outside the regency is 422 DISTRICT_NOT_IN_REGENCY. `shipping` names the \
            courier service per seller (from `POST /orders/quote`); a seller left out gets its cheapest service; a \
            service that is not on offer is 422 SHIPPING_SERVICE_UNAVAILABLE. Instead of `items`, `cart` orders the \
            cart's lines (of `cart.sellerIds`, or all) and removes them from the cart with the order: 422 CART_EMPTY \
            when there are none, 409 CART_CHANGED (`items`: each flagged line) when one changed since it was set.""")
    // The body is the order rendered once and stored with the key, so that a replay
    // answers it byte for byte: a String here, an OrderResponse on the wire.
    @ApiResponse(responseCode = "201", description = "The order placed (or the first answer, replayed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderResponse.class)),
            headers = @Header(name = "Location", description = "The order's URL; not on a replay",
                    schema = @Schema(type = "string", format = "uri-reference", maxLength = 2048)))
    ResponseEntity<String> place(@Parameter(example = "9b2f3c1e-checkout-1") @RequestHeader("Idempotency-Key") @Size(
            min = 1, max = 100) String key, @Valid @RequestBody OrderRequest request, Principal caller) {
        Checkout.Basket basket = request.basket();
        Checkout.Result result = checkout.place(Callers.user(caller), key,
                Callers.fingerprint(json.writeValueAsString(request)), basket, address(request, caller),
                request.picks(), order -> json.writeValueAsString(mapper.toResponse(order)));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(result.status())
            .contentType(MediaType.APPLICATION_JSON);
        if (result.orderId() != null) {
            response.location(URI.create("/api/v1/orders/" + result.orderId()));
        }
        return response.body(result.body());
    }

    @GetMapping
    @Operation(summary = "The caller's orders, newest first")
    KeysetPage<OrderResponse> mine(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor, Principal caller) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, CURSOR, 2);
        List<Order> fetched = book.pageOfShopper(Callers.user(caller), after == null ? null : after.instant(0),
                after == null ? null : after.id(1), KeysetPage.fetchSize(size));
        Map<UUID, List<Refund>> refunded = refunds.ofOrders(fetched.stream().map(Order::getId).toList());
        return KeysetPage.of(fetched, size,
                order -> withRefunds(order, refunded.getOrDefault(order.getId(), List.of())),
                last -> KeysetCursor.encode(CURSOR, last.getCreatedAt(), last.getId()));
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One of the caller's orders; another shopper's is 404")
    OrderResponse one(@PathVariable UUID orderId, Principal caller) {
        return respond(book.ofShopper(Callers.user(caller), orderId));
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel what has not shipped", description = """
            An unpaid order is cancelled whole; of a paid one, every seller order its seller has not shipped, \
            each refunded (items and shipping) with its units back in stock. Shipped units never go back by \
            a cancellation. 409 INVALID_STATE when nothing is left to cancel.""")
    OrderResponse cancel(@PathVariable UUID orderId, @Valid @RequestBody(required = false) Cancellation body,
            Principal caller) {
        return respond(book.cancel(Callers.user(caller), orderId, Cancellation.reasonOf(body)));
    }

    @PostMapping("/{orderId}/seller-orders/{sellerOrderId}/cancel")
    @Operation(summary = "Cancel one paid seller order before its seller ships it: refunded, stock back")
    OrderResponse cancelSellerOrder(@PathVariable UUID orderId, @PathVariable UUID sellerOrderId,
            @Valid @RequestBody(required = false) Cancellation body, Principal caller) {
        return respond(book.cancel(Callers.user(caller), orderId, sellerOrderId, Cancellation.reasonOf(body)));
    }

    @PostMapping("/{orderId}/confirm-delivery")
    @Operation(summary = "Confirm that everything shipped has arrived: those seller orders are DELIVERED")
    OrderResponse confirmDelivery(@PathVariable UUID orderId, Principal caller) {
        return respond(book.confirmDelivery(Callers.user(caller), orderId));
    }

    @PostMapping("/{orderId}/seller-orders/{sellerOrderId}/confirm-delivery")
    @Operation(summary = "Confirm that one shipped seller order has arrived: DELIVERED")
    OrderResponse confirmSellerOrderDelivery(@PathVariable UUID orderId, @PathVariable UUID sellerOrderId,
            Principal caller) {
        return respond(book.confirmDelivery(Callers.user(caller), orderId, sellerOrderId));
    }

    /** Why the shopper cancels; optional. */
    record Cancellation(@Schema(example = "Salah pilih varian") @Size(max = 200) String reason) {

        static String reasonOf(Cancellation body) {
            return body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        }
    }

    /**
     * The saved address named by {@code addressId} (another shopper's is 404), or the
     * inline one, whose district, when given, must lie in its regency.
     */
    private ShippingAddress address(OrderRequest request, Principal caller) {
        if (request.addressId() != null) {
            return addresses.shippingAddress(Callers.user(caller), request.addressId());
        }
        ShippingAddress inline = request.address();
        if (inline.districtCode() != null) {
            addresses.checkRegion(inline.regencyCode(), inline.districtCode());
        }
        return inline;
    }

    /** The order with its refunds, as every answer but the placement's shows it. */
    private OrderResponse respond(Order order) {
        return withRefunds(order, refunds.ofOrder(order.getId()));
    }

    private OrderResponse withRefunds(Order order, List<Refund> refunded) {
        return mapper.toResponse(order).withRefunds(refunded.stream().map(RefundResponse::of).toList());
    }

}
