package id.pasar.orders.web;

import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.onboarding.Sellers;
import id.pasar.orders.internal.ReturnRequest;
import id.pasar.orders.internal.Returns;
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
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns: the shopper asks, escalates and sends back; the seller accepts, refuses and
 * receives; a compliance officer decides an escalated refusal (docs/orders.md).
 */
@RestController
@RequiredArgsConstructor
@Tag(name = "Returns")
class ReturnController {

    private static final String SELLER_CURSOR = "seller-returns";

    private static final String OFFICER_CURSOR = "officer-returns";

    private final Returns returns;

    private final Sellers sellers;

    private final OrderResponseMapper mapper;

    @PostMapping("/api/v1/orders/{orderId}/seller-orders/{sellerOrderId}/return")
    @Operation(summary = "Ask to return a delivered seller order, within the return window", description = """
            409 INVALID_STATE unless DELIVERED, RETURN_WINDOW_CLOSED after the window, RETURN_ALREADY_REQUESTED \
            for a second return of one seller order.""")
    ResponseEntity<ReturnResponse> request(@PathVariable UUID orderId, @PathVariable UUID sellerOrderId,
            @Valid @RequestBody ReturnAsk body, Principal caller) {
        ReturnRequest request = returns.request(Callers.user(caller), orderId, sellerOrderId, body.reason(),
                body.description() == null ? null : body.description().strip(),
                body.photoUrls() == null ? List.of() : body.photoUrls());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + orderId + "/returns/" + request.getId()))
            .body(mapper.toResponse(request));
    }

    @GetMapping("/api/v1/orders/{orderId}/returns")
    @Operation(summary = "The returns of one of the caller's orders")
    Map<String, List<ReturnResponse>> ofOrder(@PathVariable UUID orderId, Principal caller) {
        return Map.of("items",
                returns.ofOrder(Callers.user(caller), orderId).stream().map(mapper::toResponse).toList());
    }

    @PostMapping("/api/v1/orders/{orderId}/returns/{returnId}/escalate")
    @Operation(summary = "Dispute a refused return: a compliance officer decides")
    ReturnResponse escalate(@PathVariable UUID orderId, @PathVariable UUID returnId, Principal caller) {
        return mapper.toResponse(returns.escalate(Callers.user(caller), orderId, returnId));
    }

    @PostMapping("/api/v1/orders/{orderId}/returns/{returnId}/ship-back")
    @Operation(summary = "Send an accepted return back to the seller, with its tracking number")
    ReturnResponse shipBack(@PathVariable UUID orderId, @PathVariable UUID returnId,
            @Valid @RequestBody ReturnShipment body, Principal caller) {
        return mapper.toResponse(returns.shipBack(Callers.user(caller), orderId, returnId, body.courier().strip(),
                body.trackingNumber().strip()));
    }

    @GetMapping("/api/v1/sellers/me/returns")
    @Operation(summary = "Returns of the caller's seller orders, newest first")
    KeysetPage<ReturnResponse> ofSeller(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor, Principal caller) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, SELLER_CURSOR, 2);
        List<ReturnRequest> fetched = returns.pageOfSeller(Callers.seller(sellers, caller),
                after == null ? null : after.instant(0), after == null ? null : after.id(1),
                KeysetPage.fetchSize(size));
        return KeysetPage.of(fetched, size, mapper::toResponse,
                last -> KeysetCursor.encode(SELLER_CURSOR, last.getRequestedAt(), last.getId()));
    }

    @PostMapping("/api/v1/sellers/me/returns/{returnId}/accept")
    @Operation(summary = "Accept a requested return; the shopper sends it back")
    ReturnResponse accept(@PathVariable UUID returnId, Principal caller) {
        return mapper.toResponse(returns.accept(Callers.seller(sellers, caller), returnId));
    }

    @PostMapping("/api/v1/sellers/me/returns/{returnId}/refuse")
    @Operation(summary = "Refuse a requested return, saying why; the shopper may escalate it")
    ReturnResponse refuse(@PathVariable UUID returnId, @Valid @RequestBody Refusal body, Principal caller) {
        return mapper.toResponse(returns.refuse(Callers.seller(sellers, caller), returnId, body.reason().strip()));
    }

    @PostMapping("/api/v1/sellers/me/returns/{returnId}/receive")
    @Operation(summary = "The return has arrived: the seller order is RETURNED and refunded whole")
    ReturnResponse receive(@PathVariable UUID returnId, Principal caller) {
        return mapper.toResponse(returns.receive(Callers.seller(sellers, caller), returnId));
    }

    @GetMapping("/api/v1/compliance/returns")
    @Operation(summary = "Returns in one state, oldest first: ESCALATED is the officers' queue")
    KeysetPage<ReturnResponse> inState(@RequestParam(defaultValue = "ESCALATED") ReturnRequest.State state,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, OFFICER_CURSOR, 3);
        if (after != null && !after.text(0).equals(state.name())) {
            throw new KeysetCursor.InvalidCursor();
        }
        List<ReturnRequest> fetched = returns.pageInState(state, after == null ? null : after.instant(1),
                after == null ? null : after.id(2), KeysetPage.fetchSize(size));
        return KeysetPage.of(fetched, size, mapper::toResponse,
                last -> KeysetCursor.encode(OFFICER_CURSOR, state.name(), last.getRequestedAt(), last.getId()));
    }

    @PostMapping("/api/v1/compliance/returns/{returnId}/decision")
    @Operation(summary = "Decide an escalated return: accepted (the shopper sends it back) or rejected")
    ReturnResponse decide(@PathVariable UUID returnId, @Valid @RequestBody Decision body, Principal caller) {
        return mapper
            .toResponse(returns.decideAsOfficer(Callers.user(caller), returnId, body.accept(), body.note().strip()));
    }

    record ReturnAsk(@NotNull ReturnRequest.Reason reason,
            @Schema(example = "Kain sobek di bagian bahu") @Size(max = 1000) String description,
            @Size(max = 3) List<@NotNull @Size(max = 498) @Pattern(regexp = "https://[^\\s]{1,490}",
                    message = "must be an https URL") String> photoUrls) {
    }

    record ReturnShipment(@Schema(example = "JNE") @NotBlank @Size(max = 50) String courier,
            @Schema(example = "CGK9876543210") @NotBlank @Size(max = 64) @Pattern(regexp = "\\s*[A-Za-z0-9-]{6,40}\\s*",
                    message = "must be 6-40 letters, digits or dashes") String trackingNumber) {
    }

    record Refusal(@Schema(example = "Barang sudah dipakai") @NotBlank @Size(max = 500) String reason) {
    }

    record Decision(@NotNull Boolean accept, @NotBlank @Size(max = 1000) String note) {
    }

}
