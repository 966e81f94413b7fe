package id.pasar.webhooks.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.onboarding.Sellers;
import id.pasar.webhooks.internal.WebhookAddresses;
import id.pasar.webhooks.internal.WebhookDeliveries;
import id.pasar.webhooks.internal.WebhookDeliveries.Attempt;
import id.pasar.webhooks.internal.WebhookDeliveries.Delivery;
import id.pasar.webhooks.internal.WebhookEndpoints;
import id.pasar.webhooks.internal.WebhookEndpoints.Endpoint;
import id.pasar.webhooks.internal.WebhookEndpoints.Registered;
import id.pasar.webhooks.internal.WebhookProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
@Tag(name = "Webhooks (sellers)")
class SellerWebhookController {

    /** The caller's deliveries, newest first: a creation time and an id. */
    private static final String CURSOR = "webhook-deliveries";

    private static final String SECRET_EXAMPLE = "whsec_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private final WebhookEndpoints endpoints;

    private final WebhookDeliveries deliveries;

    private final Sellers sellers;

    @PutMapping("/api/v1/sellers/me/webhook")
    @Operation(summary = "Register the caller's webhook endpoint, or replace its URL", description = """
            201 with the signing `secret` when the endpoint is new: it is shown this once. A replaced URL keeps \
            its secret (200, no `secret`). The URL: absolute `https://`, no user name or password, at most 2,000 \
            characters (else 422 WEBHOOK_URL_INVALID), and a host whose every address is public (else 422 \
            WEBHOOK_URL_NOT_ALLOWED). docs/webhooks.md.""")
    @ApiResponse(responseCode = "201", description = "A new endpoint, with its secret (shown this once)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = EndpointResponse.class)))
    @ApiResponse(responseCode = "200", description = "The URL replaced; the secret kept and not shown",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = EndpointResponse.class)))
    ResponseEntity<EndpointResponse> register(@Valid @RequestBody EndpointRequest body, Principal caller) {
        Registered registered = endpoints.register(seller(caller), body.url());
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .body(EndpointResponse.of(registered.endpoint(), registered.secret()));
    }

    @GetMapping("/api/v1/sellers/me/webhook")
    @Operation(summary = "The caller's webhook endpoint, without its secret; 404 WEBHOOK_NOT_FOUND")
    EndpointResponse mine(Principal caller) {
        return EndpointResponse.of(endpoints.of(seller(caller)).orElseThrow(WebhookProblems.WebhookNotFound::new),
                null);
    }

    @DeleteMapping("/api/v1/sellers/me/webhook")
    @Operation(summary = "Remove the caller's webhook endpoint; its pending deliveries stop")
    ResponseEntity<Void> remove(Principal caller) {
        endpoints.remove(seller(caller));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/sellers/me/webhook/secret")
    @Operation(summary = "A new signing secret, in force at once; shown this once",
            description = "Deliveries sent from now on, retries included, are signed with it.")
    EndpointResponse rotate(Principal caller) {
        Registered rotated = endpoints.rotate(seller(caller));
        return EndpointResponse.of(rotated.endpoint(), rotated.secret());
    }

    @GetMapping("/api/v1/sellers/me/webhook/deliveries")
    @Operation(summary = "The caller's webhook deliveries, newest first")
    KeysetPage<DeliveryResponse> page(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor, Principal caller) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, CURSOR, 2);
        List<Delivery> fetched = deliveries.pageOf(seller(caller), after == null ? null : after.instant(0),
                after == null ? null : after.id(1), KeysetPage.fetchSize(size));
        return KeysetPage.of(fetched, size, DeliveryResponse::of,
                last -> KeysetCursor.encode(CURSOR, last.createdAt(), last.id()));
    }

    @GetMapping("/api/v1/sellers/me/webhook/deliveries/{deliveryId}")
    @Operation(summary = "One of the caller's webhook deliveries with every attempt; another seller's is 404")
    DeliveryDetail one(@PathVariable UUID deliveryId, Principal caller) {
        UUID seller = seller(caller);
        Delivery delivery = deliveries.one(seller, deliveryId).orElseThrow(WebhookProblems.DeliveryNotFound::new);
        return DeliveryDetail.of(delivery, deliveries.attemptsOf(seller, deliveryId));
    }

    /** The caller's seller; a SELLER account that has not applied has none: 404. */
    private UUID seller(Principal caller) {
        return sellers.ofUser(UUID.fromString(caller.getName()))
            .orElseThrow(WebhookProblems.SellerNotFound::new)
            .sellerId();
    }

    record EndpointRequest(@Schema(example = "https://toko.example.id/hooks/pasar",
            maxLength = WebhookAddresses.MAX_LENGTH) @NotBlank String url) {
    }

    /**
     * @param secret shown once: when the endpoint is created and when the secret is
     * rotated
     */
    record EndpointResponse(String url, Instant createdAt, Instant updatedAt, Instant secretRotatedAt,
            @Schema(example = SECRET_EXAMPLE) @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

        static EndpointResponse of(Endpoint endpoint, String secret) {
            return new EndpointResponse(endpoint.url(), endpoint.createdAt(), endpoint.updatedAt(),
                    endpoint.secretRotatedAt(), secret);
        }
    }

    record DeliveryResponse(UUID deliveryId, @Schema(example = "ORDER_PAID") String type, @Schema(allowableValues = {
            "PENDING", "DELIVERED", "GAVE_UP", "STOPPED" }) String state, int attemptCount, Instant nextAttemptAt,
            Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt){

        static DeliveryResponse of(Delivery delivery) {
            return new DeliveryResponse(delivery.id(), delivery.type(), delivery.state(), delivery.attempts(),
                    delivery.nextAttemptAt(), delivery.lastStatusCode(), delivery.lastError(), delivery.createdAt(),
                    delivery.deliveredAt());
        }
    }

    record DeliveryDetail(UUID deliveryId, String type, String state, int attemptCount, Instant nextAttemptAt,
            Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt, Instant giveUpAt,
            @Schema(description = "The JSON body sent, byte for byte as signed") String body,
            List<AttemptResponse> attempts) {

        static DeliveryDetail of(Delivery delivery, List<Attempt> attempts) {
            return new DeliveryDetail(delivery.id(), delivery.type(), delivery.state(), delivery.attempts(),
                    delivery.nextAttemptAt(), delivery.lastStatusCode(), delivery.lastError(), delivery.createdAt(),
                    delivery.deliveredAt(), delivery.giveUpAt(), delivery.body(),
                    attempts.stream().map(AttemptResponse::of).toList());
        }
    }

    record AttemptResponse(int number, Instant attemptedAt, Integer statusCode, String error, long durationMs) {

        static AttemptResponse of(Attempt attempt) {
            return new AttemptResponse(attempt.number(), attempt.attemptedAt(), attempt.statusCode(), attempt.error(),
                    attempt.durationMs());
        }
    }

}
