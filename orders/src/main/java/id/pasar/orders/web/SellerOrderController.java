package id.pasar.orders.web;

import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.onboarding.Sellers;
import id.pasar.orders.internal.Destinations;
import id.pasar.orders.internal.Order;
import id.pasar.orders.internal.OrderBook;
import id.pasar.orders.internal.Refund;
import id.pasar.orders.internal.Refunds;
import id.pasar.orders.internal.SellerOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
@Tag(name = "Orders (sellers)")
class SellerOrderController {

    /** The caller's seller orders, newest first: a creation time and an id. */
    private static final String CURSOR = "seller-orders";

    private final OrderBook book;

    private final Sellers sellers;

    private final OrderResponseMapper mapper;

    private final Destinations destinations;

    private final Refunds refunds;

    @GetMapping("/api/v1/sellers/me/orders")
    @Operation(summary = "The caller's seller orders, newest first")
    KeysetPage<SellerOrderResponse> mine(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor, Principal caller) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, CURSOR, 2);
        List<SellerOrder> fetched = book.pageOfSeller(Callers.seller(sellers, caller),
                after == null ? null : after.instant(0), after == null ? null : after.id(1),
                KeysetPage.fetchSize(size));
        List<UUID> orderIds = fetched.stream().map(SellerOrder::getOrderId).distinct().toList();
        Map<UUID, Destinations.ShipTo> shipTo = destinations.ofOrders(orderIds);
        Map<UUID, List<Refund>> refunded = refunds.ofOrders(orderIds);
        return KeysetPage.of(fetched, size,
                sellerOrder -> seen(sellerOrder, shipTo.get(sellerOrder.getOrderId()),
                        refunded.getOrDefault(sellerOrder.getOrderId(), List.of())),
                last -> KeysetCursor.encode(CURSOR, last.getCreatedAt(), last.getId()));
    }

    @GetMapping("/api/v1/sellers/me/orders/{sellerOrderId}")
    @Operation(summary = "One of the caller's seller orders; another seller's is 404")
    SellerOrderResponse one(@PathVariable UUID sellerOrderId, Principal caller) {
        return seen(book.ofSeller(Callers.seller(sellers, caller), sellerOrderId), sellerOrderId);
    }

    @PostMapping("/api/v1/sellers/me/orders/{sellerOrderId}/ship")
    @Operation(summary = "Mark a paid seller order shipped, with its tracking number", description = """
            The courier is the one the shopper chose at checkout; `courier` may be left out, and when given must be \
            that one. 409 INVALID_STATE unless the seller order is PAID.""")
    SellerOrderResponse ship(@PathVariable UUID sellerOrderId, @Valid @RequestBody Shipment shipment,
            Principal caller) {
        return seen(book.ship(Callers.seller(sellers, caller), sellerOrderId,
                shipment.courier() == null ? null : shipment.courier().strip(), shipment.trackingNumber().strip()),
                sellerOrderId);
    }

    @PostMapping("/api/v1/sellers/me/orders/{sellerOrderId}/cancel")
    @Operation(summary = "Cancel a paid seller order that cannot be fulfilled: refunded, stock back", description = """
            reason OUT_OF_STOCK or CANNOT_SHIP. 409 INVALID_STATE unless the seller order is PAID.""")
    SellerOrderResponse cancel(@PathVariable UUID sellerOrderId, @Valid @RequestBody SellerCancellation body,
            Principal caller) {
        return seen(book.cancelBySeller(Callers.seller(sellers, caller), sellerOrderId, body.reason().name()),
                sellerOrderId);
    }

    record Shipment(@Schema(example = "JNE") @Size(max = 50) String courier,
            @Schema(example = "CGK1234567890") @NotBlank @Size(max = 64) @Pattern(regexp = "\\s*[A-Za-z0-9-]{6,40}\\s*",
                    message = "must be 6-40 letters, digits or dashes") String trackingNumber) {
    }

    /** Why a seller cannot fulfil a paid seller order. */
    enum CancelReason {

        OUT_OF_STOCK, CANNOT_SHIP

    }

    record SellerCancellation(@NotNull CancelReason reason) {
    }

    /** One seller order as its seller sees it, with where to send it. */
    private SellerOrderResponse seen(Order order, UUID sellerOrderId) {
        return seen(order.sellerOrder(sellerOrderId), destinations.ofOrders(List.of(order.getId())).get(order.getId()),
                refunds.ofOrder(order.getId()));
    }

    /**
     * With its own refunds only: the other sellers' parts of the order are not its
     * business.
     */
    private SellerOrderResponse seen(SellerOrder sellerOrder, Destinations.ShipTo shipTo, List<Refund> ofItsOrder) {
        return mapper.toResponse(sellerOrder, shipTo)
            .withRefunds(ofItsOrder.stream()
                .filter(refund -> refund.sellerOrderId().equals(sellerOrder.getId()))
                .map(RefundResponse::of)
                .toList());
    }

}
