package id.pasar.ledger.web;

import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.ledger.internal.AccountKind;
import id.pasar.ledger.internal.Payee;
import id.pasar.ledger.internal.Statements;
import id.pasar.ledger.web.PayoutEndpoints.BankAccountRequest;
import id.pasar.ledger.web.PayoutEndpoints.BankAccountResponse;
import id.pasar.ledger.web.PayoutEndpoints.PayoutRequest;
import id.pasar.ledger.web.PayoutEndpoints.PayoutResponse;
import id.pasar.social.Creators;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * A creator's own money (docs/ledger.md, "Creators' money"): its commissions' balance and
 * statement, its bank account and payouts, by the sellers' rules and problems
 * ({@link StatementEndpoints}, {@link PayoutEndpoints}). Only ever the caller's own: the
 * paths have no creator id. A CREATOR account that has not applied is 404
 * CREATOR_NOT_FOUND; a creator that is not VERIFIED reads its money but registers no bank
 * account and is paid nothing (422 CREATOR_NOT_VERIFIED).
 */
@RestController
@RequiredArgsConstructor
@Tag(name = "Creator money")
class CreatorMoneyController {

    private static final String LEDGER_CURSOR = "creator-ledger";

    private static final String PAYOUTS_CURSOR = "creator-payouts";

    private static final String PAYOUTS = "/api/v1/creators/me/payouts";

    private final Creators creators;

    private final Statements statements;

    private final StatementEndpoints statementEndpoints;

    private final PayoutEndpoints payoutEndpoints;

    /**
     * @param pendingIdr commissions on paid seller orders not completed yet
     * @param availableIdr what may be paid out (held while the creator is not VERIFIED)
     * @param payoutsInFlightIdr payouts requested, not yet in its bank account
     */
    record CreatorBalance(long pendingIdr, long availableIdr, long payoutsInFlightIdr) {
    }

    @GetMapping("/api/v1/creators/me/balance")
    @Operation(summary = "The caller's commissions: pending, available, payouts on their way")
    CreatorBalance balance(@AuthenticationPrincipal Jwt token) {
        Map<AccountKind, Long> balances = statements.balances(AccountKind.Holder.CREATOR, creator(token).id());
        return new CreatorBalance(balances.get(AccountKind.CREATOR_PENDING),
                balances.get(AccountKind.CREATOR_AVAILABLE), balances.get(AccountKind.CREATOR_PAYOUTS));
    }

    @GetMapping(value = "/api/v1/creators/me/ledger", produces = "application/json")
    @Operation(summary = "The caller's commission statement: every entry on its accounts (commissions pending, "
            + "earned and reversed, payouts) with the account's balance after it, oldest first; from and to are "
            + "Asia/Jakarta days (default the last 30), both inclusive; CSV with Accept: text/csv (a month's CSV is "
            + "the monthly commission statement)")
    KeysetPage<StatementEndpoints.StatementLine> ledger(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor,
            @AuthenticationPrincipal Jwt token) {
        return statementEndpoints.page(() -> creator(token).id(), LEDGER_CURSOR, from, to, size, cursor);
    }

    @GetMapping(value = "/api/v1/creators/me/ledger", produces = "text/csv")
    void ledgerCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal Jwt token, HttpServletResponse response) throws IOException {
        statementEndpoints.csv(() -> creator(token).id(), from, to, response);
    }

    @PutMapping("/api/v1/creators/me/bank-account")
    @Operation(summary = "Register or change the caller's bank account for payouts", description = """
            The holder must be the creator: its name is the legal name of the creator's verified identity, case, \
            punctuation, spacing, titles and legal forms aside (docs/ledger.md), else 422 ACCOUNT_HOLDER_MISMATCH. \
            422 CREATOR_NOT_VERIFIED unless VERIFIED; 422 BANK_UNKNOWN for a code not in GET /banks. The first \
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
        return payoutEndpoints.saveBankAccount(creator(token), request, token);
    }

    @GetMapping("/api/v1/creators/me/bank-account")
    @Operation(summary = "The caller's current bank account, masked; 404 BANK_ACCOUNT_NOT_FOUND before one")
    BankAccountResponse bankAccount(@AuthenticationPrincipal Jwt token) {
        return payoutEndpoints.bankAccount(creator(token));
    }

    @PostMapping(PAYOUTS)
    @Operation(summary = "Pay out some of the caller's available commissions to its bank account", description = """
            Requires `Idempotency-Key`: the same key with the same body replays the first answer; with another \
            body 422 IDEMPOTENCY_KEY_REUSED; while the first runs 409. 422 CREATOR_NOT_VERIFIED unless VERIFIED, \
            PAYOUT_TOO_SMALL (under Rp 10,000), INSUFFICIENT_BALANCE (availableIdr), BANK_ACCOUNT_REQUIRED, \
            PAYOUTS_ON_HOLD (until). The payout is REQUESTED, then SENT by the payout job, then PAID or FAILED \
            (the money back to available).""")
    // A String body so that a replay answers the stored first answer byte for byte.
    @ApiResponse(responseCode = "201", description = "The payout requested (or the first answer, replayed)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PayoutResponse.class)),
            headers = @Header(name = "Location", description = "The payout's URL; not on a replay",
                    schema = @Schema(type = "string", format = "uri-reference", maxLength = 2048)))
    ResponseEntity<String> requestPayout(
            @Parameter(example = "payout-2026-12-06-1") @RequestHeader("Idempotency-Key") @Size(min = 1,
                    max = 100) String key,
            @Valid @RequestBody PayoutRequest request, @AuthenticationPrincipal Jwt token) {
        return payoutEndpoints.requestPayout(creator(token), key, request, PAYOUTS);
    }

    @GetMapping(PAYOUTS)
    @Operation(summary = "The caller's payouts, newest first")
    KeysetPage<PayoutResponse> payouts(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor,
            @AuthenticationPrincipal Jwt token) {
        return payoutEndpoints.payouts(() -> creator(token), PAYOUTS_CURSOR, size, cursor);
    }

    @GetMapping(PAYOUTS + "/{payoutId}")
    @Operation(summary = "One of the caller's payouts; another creator's or a seller's is 404 PAYOUT_NOT_FOUND")
    PayoutResponse payout(@PathVariable UUID payoutId, @AuthenticationPrincipal Jwt token) {
        return payoutEndpoints.payout(creator(token), payoutId);
    }

    private Payee creator(Jwt token) {
        return Payee.creator(creators.ofAccount(UUID.fromString(token.getSubject()))
            .orElseThrow(LedgerWebProblems.CreatorNotFound::new));
    }

}
