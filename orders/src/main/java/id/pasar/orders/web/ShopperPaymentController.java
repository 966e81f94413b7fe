package id.pasar.orders.web;

import id.pasar.kernel.InvalidFields;
import id.pasar.orders.internal.PaymentAttempts;
import id.pasar.orders.internal.PaymentMethod;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequiredArgsConstructor
@Tag(name = "Orders (shoppers)")
class ShopperPaymentController {

    private final PaymentAttempts attempts;

    private final JsonMapper json;

    @PostMapping("/api/v1/orders/{orderId}/payments")
    @Operation(summary = "Start paying an unpaid order", description = """
            BANK_TRANSFER with `bank` answers `vaNumber` (MANDIRI: `billKey` and `billerCode`), QRIS `qrString`, \
            EWALLET with `ewallet` a `deeplink`; it expires with the order. Another method replaces the pending \
            attempt (REPLACED, cancelled at the gateway). Requires `Idempotency-Key` (as POST /orders). 409 \
            INVALID_STATE (with `state`) unless PENDING_PAYMENT; 422 PAYMENT_METHOD_UNSUPPORTED; 502/503 \
            PAYMENT_GATEWAY_UNAVAILABLE.""")
    // A String body so that a replay answers the stored first answer byte for byte.
    @ApiResponse(responseCode = "201", description = "The payment attempt started (or the first answer, replayed)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PaymentResponse.class)))
    ResponseEntity<String> start(@PathVariable UUID orderId,
            @Parameter(example = "9b2f3c1e-pay-1") @RequestHeader("Idempotency-Key") @Size(min = 1,
                    max = 100) String key,
            @Valid @RequestBody PaymentRequest request, Principal caller) {
        String channel = channel(request);
        PaymentAttempts.Result result = attempts.start(Callers.user(caller), orderId, key,
                Callers.fingerprint("payments " + orderId + " " + json.writeValueAsString(request)),
                new PaymentAttempts.Start(request.method(), channel),
                payment -> json.writeValueAsString(PaymentResponse.of(payment)));
        return ResponseEntity.status(result.status()).contentType(MediaType.APPLICATION_JSON).body(result.body());
    }

    @GetMapping("/api/v1/orders/{orderId}/payments")
    @Operation(summary = "The caller's payment attempts for an order, newest first")
    List<PaymentResponse> attempts(@PathVariable UUID orderId, Principal caller) {
        return attempts.ofOrder(Callers.user(caller), orderId).stream().map(PaymentResponse::of).toList();
    }

    private static String channel(PaymentRequest request) {
        return switch (request.method()) {
            case BANK_TRANSFER -> channel("bank", request.bank(), PaymentMethod.BANK_TRANSFER);
            case EWALLET -> channel("ewallet", request.ewallet(), PaymentMethod.EWALLET);
            case QRIS -> null;
        };
    }

    private static String channel(String field, String value, PaymentMethod method) {
        String channel = value == null ? null : value.trim().toUpperCase(Locale.ROOT);
        if (channel == null || !method.channels().contains(channel)) {
            throw new InvalidFields(field,
                    "must be one of " + method.channels().stream().sorted().toList() + " with " + method);
        }
        return channel;
    }

}
