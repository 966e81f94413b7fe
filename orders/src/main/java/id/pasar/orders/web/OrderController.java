package id.pasar.orders.web;

import id.pasar.orders.internal.Checkout;
import id.pasar.orders.internal.IdempotencyKeys;
import id.pasar.orders.internal.Order;
import id.pasar.orders.internal.OrderBook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
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
@SecurityRequirement(name = "bearer")
@Tag(name = "Orders (shoppers)")
class OrderController {

    private final Checkout checkout;
    private final OrderBook book;
    private final IdempotencyKeys keys;
    private final OrderResponseMapper mapper;
    private final JsonMapper json;

    @PostMapping
    @Operation(summary = "Place an order", description = """
            Requires `Idempotency-Key`: the same key with the same body replays the first response; with another \
            body 422 IDEMPOTENCY_KEY_REUSED; while the first runs 409. Refusals: 409 INSUFFICIENT_STOCK (listingId), \
            422 LISTING_NOT_AVAILABLE, ADDRESS_NOT_DOMESTIC, PURCHASE_LIMIT_EXCEEDED; 429 past 30 orders a minute.""")
    ResponseEntity<String> place(
            @Parameter(example = "9b2f3c1e-checkout-1") @RequestHeader("Idempotency-Key") @Size(min = 1, max = 100) String key,
            @Valid @RequestBody OrderRequest request, Principal caller) {
        UUID shopper = user(caller);
        IdempotencyKeys.Claim claim = keys.claim(shopper, key, sha256(json.writeValueAsString(request)));
        if (claim instanceof IdempotencyKeys.Replay replay) {
            return respond(replay.status(), replay.body(), null);
        }
        try {
            Checkout.Placed placed = checkout.place(shopper, key, request.lines(), request.address(),
                    order -> json.writeValueAsString(mapper.toResponse(order)));
            return respond(201, placed.body(), placed.orderId());
        } catch (ErrorResponseException | IllegalStateException refused) {
            keys.release(shopper, key);
            throw refused;
        }
    }

    @GetMapping
    @Operation(summary = "The caller's orders, newest first")
    OrderPage mine(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) String cursor, Principal caller) {
        Cursor after = cursor == null ? null : Cursor.decode(cursor);
        List<Order> orders = book.pageOfShopper(user(caller), after == null ? null : after.at(),
                after == null ? null : after.id(), size + 1);
        boolean more = orders.size() > size;
        List<Order> page = more ? orders.subList(0, size) : orders;
        return new OrderPage(page.stream().map(mapper::toResponse).toList(),
                more ? new Cursor(page.get(size - 1).getCreatedAt(), page.get(size - 1).getId()).encode() : null);
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "One of the caller's orders; another shopper's is 404")
    OrderResponse one(@PathVariable UUID orderId, Principal caller) {
        return mapper.toResponse(book.ofShopper(user(caller), orderId));
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel before shipping; the stock comes back")
    OrderResponse cancel(@PathVariable UUID orderId, Principal caller) {
        return mapper.toResponse(book.cancel(user(caller), orderId));
    }

    @PostMapping("/{orderId}/confirm-delivery")
    @Operation(summary = "Confirm that everything arrived: COMPLETED")
    OrderResponse confirmDelivery(@PathVariable UUID orderId, Principal caller) {
        return mapper.toResponse(book.confirmDelivery(user(caller), orderId));
    }

    record OrderPage(List<OrderResponse> items, String nextCursor) {
    }

    private static ResponseEntity<String> respond(int status, String body, UUID orderId) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (orderId != null) {
            response.location(URI.create("/api/v1/orders/" + orderId));
        }
        return response.body(body);
    }

    static UUID user(Principal caller) {
        return UUID.fromString(caller.getName());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An opaque position in a list ordered by time and id. */
    record Cursor(Instant at, UUID id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 2);
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new ErrorResponseException(org.springframework.http.HttpStatus.BAD_REQUEST,
                        invalidCursor(), null);
            }
        }

        private static org.springframework.http.ProblemDetail invalidCursor() {
            org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail.forStatusAndDetail(
                    org.springframework.http.HttpStatus.BAD_REQUEST, "The cursor is not one this API gave out.");
            problem.setTitle("Invalid cursor");
            problem.setProperty("code", "INVALID_CURSOR");
            return problem;
        }
    }
}
