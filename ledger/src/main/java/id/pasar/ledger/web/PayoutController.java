package id.pasar.ledger.web;

import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.kernel.ProblemException;
import id.pasar.ledger.internal.Bank;
import id.pasar.ledger.internal.IrisSignature;
import id.pasar.ledger.internal.Payee;
import id.pasar.ledger.internal.PayoutProblems;
import id.pasar.ledger.internal.Payouts;
import id.pasar.ledger.web.PayoutEndpoints.BankAccountRequest;
import id.pasar.ledger.web.PayoutEndpoints.BankAccountResponse;
import id.pasar.ledger.web.PayoutEndpoints.PayoutRequest;
import id.pasar.ledger.web.PayoutEndpoints.PayoutResponse;
import id.pasar.onboarding.Sellers;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A seller's bank account and payouts (docs/ledger.md, "Payouts"), the list of banks, and
 * the disbursement gateway's notifications, a creator's payouts included. Only ever the
 * caller's own: the paths have no seller id. A creator's own routes are
 * {@link CreatorMoneyController}'s; both answer through {@link PayoutEndpoints}.
 */
@RestController
@RequiredArgsConstructor
@Tag(name = "Payouts")
class PayoutController {

    private static final String CURSOR = "seller-payouts";

    private static final String PAYOUTS = "/api/v1/sellers/me/payouts";

    private final Sellers sellers;

    private final PayoutEndpoints endpoints;

    private final Payouts payouts;

    private final IrisSignature signature;

    private final JsonMapper json;

    record BankResponse(@Schema(example = "014") String code,
            @Schema(example = "Bank Central Asia (BCA)") String name) {
    }

    @GetMapping("/api/v1/banks")
    @Operation(summary = "The banks a seller or creator may be paid out to: 3-digit clearing code and name (no token)")
    List<BankResponse> banks() {
        return Arrays.stream(Bank.values()).map(bank -> new BankResponse(bank.code(), bank.displayName())).toList();
    }

    @PutMapping("/api/v1/sellers/me/bank-account")
    @Operation(summary = "Register or change the caller's bank account for payouts", description = """
            The holder must be the seller: its name is the legal name of the seller's verified identity, case, \
            punctuation, spacing, titles and legal forms aside (docs/ledger.md), else 422 ACCOUNT_HOLDER_MISMATCH. \
            409 SELLER_NOT_VERIFIED unless VERIFIED; 422 BANK_UNKNOWN for a code not in GET /banks. The first \
            account: 201. A change: a token issued in the last 5 minutes (else 401 FRESH_LOGIN_REQUIRED), and \
            payouts are held 24 hours (payoutsHeldUntil): 200. The same account again: 200, nothing changes.""")
    @ApiResponse(responseCode = "201", description = "The first bank account",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = BankAccountResponse.class)))
    @ApiResponse(responseCode = "200", description = "The account changed, or the same account again",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = BankAccountResponse.class)))
    ResponseEntity<BankAccountResponse> saveBankAccount(@Valid @RequestBody BankAccountRequest request,
            @AuthenticationPrincipal Jwt token) {
        return endpoints.saveBankAccount(seller(token), request, token);
    }

    @GetMapping("/api/v1/sellers/me/bank-account")
    @Operation(summary = "The caller's current bank account, masked; 404 BANK_ACCOUNT_NOT_FOUND before one")
    BankAccountResponse bankAccount(@AuthenticationPrincipal Jwt token) {
        return endpoints.bankAccount(seller(token));
    }

    @PostMapping(PAYOUTS)
    @Operation(summary = "Pay out some of the caller's available balance to its bank account", description = """
            Requires `Idempotency-Key`: the same key with the same body replays the first answer; with another \
            body 422 IDEMPOTENCY_KEY_REUSED; while the first runs 409. 422 PAYOUT_TOO_SMALL (under Rp 10,000), \
            INSUFFICIENT_BALANCE (availableIdr), BANK_ACCOUNT_REQUIRED, PAYOUTS_ON_HOLD (until). The payout is \
            REQUESTED, then SENT by the payout job, then PAID or FAILED (the money back to available).""")
    // A String body so that a replay answers the stored first answer byte for byte.
    @ApiResponse(responseCode = "201", description = "The payout requested (or the first answer, replayed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PayoutResponse.class)),
            headers = @Header(name = "Location", description = "The payout's URL; not on a replay",
                    schema = @Schema(type = "string", format = "uri-reference", maxLength = 2048)))
    ResponseEntity<String> requestPayout(
            @Parameter(example = "payout-2026-12-06-1") @RequestHeader("Idempotency-Key") @Size(min = 1,
                    max = 100) String key,
            @Valid @RequestBody PayoutRequest request, @AuthenticationPrincipal Jwt token) {
        return endpoints.requestPayout(seller(token), key, request, PAYOUTS);
    }

    @GetMapping(PAYOUTS)
    @Operation(summary = "The caller's payouts, newest first")
    KeysetPage<PayoutResponse> payouts(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor,
            @AuthenticationPrincipal Jwt token) {
        return endpoints.payouts(() -> seller(token), CURSOR, size, cursor);
    }

    @GetMapping(PAYOUTS + "/{payoutId}")
    @Operation(summary = "One of the caller's payouts; another seller's is 404 PAYOUT_NOT_FOUND")
    PayoutResponse payout(@PathVariable UUID payoutId, @AuthenticationPrincipal Jwt token) {
        return endpoints.payout(seller(token), payoutId);
    }

    @PostMapping("/api/v1/payouts/notifications")
    @Operation(summary = "A Midtrans Iris payout notification (no token: signed)", description = """
            Iris-Signature = hex SHA-512 of the raw body + the Iris merchant key, else 401 INVALID_SIGNATURE and \
            nothing changes. completed makes the payout PAID, failed FAILED (the money back to available); an \
            unknown reference_no is 404 PAYOUT_NOT_FOUND; a repeat changes nothing. Sellers' and creators' \
            payouts alike.""")
    Map<String, String> notification(@RequestBody String raw,
            @RequestHeader(name = "Iris-Signature", required = false) @Size(max = 128) String irisSignature) {
        if (!signature.verifies(raw, irisSignature)) {
            throw new PayoutProblems.InvalidSignature();
        }
        JsonNode body;
        try {
            body = json.readTree(raw);
        }
        catch (JacksonException e) {
            throw malformed();
        }
        if (body == null || !body.isObject() || !body.path("reference_no").isString()) {
            throw malformed();
        }
        return Map.of("result",
                payouts.notified(
                        new Payouts.Notification(text(body, "reference_no"), text(body, "amount"), text(body, "status"),
                                text(body, "updated_at"), text(body, "error_code"), text(body, "error_message"))));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static ProblemException malformed() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request",
                "The notification is not a JSON object with a reference_no.");
    }

    private Payee seller(Jwt token) {
        return Payee.seller(sellers.ofUser(UUID.fromString(token.getSubject()))
            .orElseThrow(LedgerWebProblems.SellerNotFound::new)
            .sellerId());
    }

}
