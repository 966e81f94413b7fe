package id.pasar.orders.web;

import id.pasar.orders.internal.OrderBook;
import id.pasar.orders.internal.OrderProblems;
import id.pasar.orders.internal.SellerOrder;
import id.pasar.onboarding.Sellers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
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
@SecurityRequirement(name = "bearer")
@Tag(name = "Orders (sellers)")
class SellerOrderController {

    private final OrderBook book;
    private final Sellers sellers;
    private final OrderResponseMapper mapper;

    @GetMapping("/api/v1/sellers/me/orders")
    @Operation(summary = "The caller's seller orders, newest first")
    SellerOrderPage mine(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) String cursor, Principal caller) {
        OrderController.Cursor after = cursor == null ? null : OrderController.Cursor.decode(cursor);
        List<SellerOrder> orders = book.pageOfSeller(seller(caller), after == null ? null : after.at(),
                after == null ? null : after.id(), size + 1);
        boolean more = orders.size() > size;
        List<SellerOrder> page = more ? orders.subList(0, size) : orders;
        SellerOrder last = more ? page.get(size - 1) : null;
        return new SellerOrderPage(page.stream().map(mapper::toResponse).toList(),
                last == null ? null : new OrderController.Cursor(last.getCreatedAt(), last.getId()).encode());
    }

    @PostMapping("/api/v1/sellers/me/orders/{sellerOrderId}/ship")
    @Operation(summary = "Mark a paid seller order shipped, with courier and tracking number")
    SellerOrderResponse ship(@PathVariable UUID sellerOrderId, @Valid @RequestBody Shipment shipment, Principal caller) {
        return mapper.toResponse(book.ship(seller(caller), sellerOrderId, shipment.courier().trim(),
                shipment.trackingNumber().trim()));
    }

    record Shipment(@Schema(example = "JNE") @NotBlank @Size(max = 50) String courier,
            @Schema(example = "CGK1234567890") @NotBlank @Size(max = 60) String trackingNumber) {
    }

    record SellerOrderPage(List<SellerOrderResponse> items, String nextCursor) {
    }

    private UUID seller(Principal caller) {
        return sellers.ofUser(OrderController.user(caller)).orElseThrow(OrderProblems.OrderNotFound::new).sellerId();
    }
}
