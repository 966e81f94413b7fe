package id.pasar.ledger.web;

import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.ledger.internal.AccountKind;
import id.pasar.ledger.internal.Statements;
import id.pasar.ledger.internal.TaxDeclarations;
import id.pasar.onboarding.Sellers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A seller's own money: balance, statement, PPh 22 declarations. Never another's. */
@RestController
@RequiredArgsConstructor
@Tag(name = "Seller money")
class SellerMoneyController {

    private static final String CURSOR = "seller-ledger";

    /** Rp 1,000 trillion: more than any business declares in a year. */
    static final long MAX_TURNOVER_IDR = 1_000_000_000_000_000L;

    private final Statements statements;

    private final TaxDeclarations tax;

    private final StatementEndpoints statementEndpoints;

    private final Sellers sellers;

    /**
     * @param pendingIdr paid seller orders not completed yet
     * @param availableIdr what may be paid out
     * @param withheldTaxIdr PPh 22 withheld from its sales so far
     * @param payoutsInFlightIdr payouts requested, not yet in its bank account
     */
    record Balance(long pendingIdr, long availableIdr, long withheldTaxIdr, long payoutsInFlightIdr) {
    }

    record StatementRequest(@NotNull @Min(2025) @Max(9999) Integer year,
            @NotNull @Min(0) @Max(MAX_TURNOVER_IDR) Long turnoverDeclaredIdr) {
    }

    record CertificateRequest(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9./-]{1,60}") String certificateNumber,
            @NotNull LocalDate validFrom, @NotNull LocalDate validUntil) {
    }

    @GetMapping("/api/v1/sellers/me/balance")
    @Operation(summary = "The caller's balances: pending, available, PPh 22 withheld, payouts on their way")
    Balance balance(Principal caller) {
        Map<AccountKind, Long> balances = statements.balances(AccountKind.Holder.SELLER, seller(caller));
        return new Balance(balances.get(AccountKind.SELLER_PENDING), balances.get(AccountKind.SELLER_AVAILABLE),
                balances.get(AccountKind.SELLER_WITHHELD_TAX), balances.get(AccountKind.SELLER_PAYOUTS));
    }

    @GetMapping(value = "/api/v1/sellers/me/ledger", produces = "application/json")
    @Operation(summary = "The caller's statement: every entry on its accounts (sales, fees, PPh 22 with the invoice "
            + "number, refunds, payouts) with the account's balance after it, oldest first; from and to are "
            + "Asia/Jakarta days (default the last 30), both inclusive; CSV with Accept: text/csv")
    KeysetPage<StatementEndpoints.StatementLine> ledger(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor, Principal caller) {
        return statementEndpoints.page(() -> seller(caller), CURSOR, from, to, size, cursor);
    }

    @GetMapping(value = "/api/v1/sellers/me/ledger", produces = "text/csv")
    void ledgerCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Principal caller, HttpServletResponse response) throws IOException {
        statementEndpoints.csv(() -> seller(caller), from, to, response);
    }

    @GetMapping("/api/v1/sellers/me/tax")
    @Operation(summary = "The caller's PPh 22 standing this year: turnover, statement letter, exemption "
            + "certificates, and whether its sales are collected from now")
    TaxDeclarations.Standing standing(Principal caller) {
        return tax.standing(seller(caller));
    }

    @PostMapping("/api/v1/sellers/me/tax-statement")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "An individual seller's statement letter: its turnover of the year is at most Rp 500 "
            + "million, so PPh 22 is not collected until its turnover here passes that; 422 "
            + "TAX_STATEMENT_NOT_APPLICABLE for a business, TURNOVER_ABOVE_THRESHOLD, TAX_YEAR_NOT_OPEN")
    TaxDeclarations.Statement statement(@Valid @RequestBody StatementRequest request, Principal caller) {
        return tax.submitStatement(seller(caller), request.year(), request.turnoverDeclaredIdr());
    }

    @PostMapping("/api/v1/sellers/me/tax-exemption-certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "An exemption certificate (SKB): PPh 22 is not collected on the days it is valid")
    TaxDeclarations.Certificate certificate(@Valid @RequestBody CertificateRequest request, Principal caller) {
        return tax.submitCertificate(seller(caller), request.certificateNumber(), request.validFrom(),
                request.validUntil());
    }

    private UUID seller(Principal caller) {
        return sellers.ofUser(UUID.fromString(caller.getName()))
            .orElseThrow(LedgerWebProblems.SellerNotFound::new)
            .sellerId();
    }

}
