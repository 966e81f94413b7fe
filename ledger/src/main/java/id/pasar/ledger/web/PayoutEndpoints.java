package id.pasar.ledger.web;

import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.ledger.internal.BankAccounts;
import id.pasar.ledger.internal.Payee;
import id.pasar.ledger.internal.PayoutProblems;
import id.pasar.ledger.internal.Payouts;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the bank-account and payout endpoints answer, a seller's ({@code /sellers/me/...})
 * or a creator's ({@code /creators/me/...}): the same rules and problems for both
 * (docs/ledger.md, "Payouts"). The payee is always the caller's own, resolved by the
 * controller.
 */
@Component
@RequiredArgsConstructor
class PayoutEndpoints {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final BankAccounts accounts;

    private final Payouts payouts;

    private final JsonMapper json;

    record BankAccountRequest(@NotBlank @Size(max = 10) @Schema(example = "014") String bankCode,
            @NotBlank @Size(max = 20) @Pattern(regexp = "[0-9]{6,20}",
                    message = "must be 6 to 20 digits") @Schema(example = "1234567890") String accountNumber,
            @NotBlank @Size(max = 100) @Schema(example = "Budi Santoso") String holderName) {

        @Override
        public String toString() {
            return "BankAccountRequest[bankCode=" + bankCode + "]";
        }

    }

    /**
     * @param payoutsHeldUntil a change holds payouts until then (null: nothing held)
     */
    record BankAccountResponse(String bankCode, String bankName,
            @Schema(example = "******7890") String accountNumberMasked, int version, OffsetDateTime createdAt,
            OffsetDateTime payoutsHeldUntil) {
    }

    /**
     * An amount under the configured minimum (zero and negative ones too) is 422
     * {@code PAYOUT_TOO_SMALL}, which names the minimum, and one over the available
     * balance 422 {@code INSUFFICIENT_BALANCE}, which names the balance: hence bounds in
     * the schema only (the maximum, Rp 1 trillion, is more than any balance), no
     * {@code @Min}/{@code @Max} that would answer 400 instead.
     */
    record PayoutRequest(@Schema(example = "250000", minimum = "1", maximum = "1000000000000") @NotNull Long amountIdr,
            @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9 .,_-]*",
                    message = "letters, digits, spaces and . , _ - only") String note) {
    }

    record PayoutResponse(UUID payoutId, long amountIdr, String note, @Schema(allowableValues = {
            "REQUESTED", "SENT", "PAID", "FAILED" }) String state, String bankCode, String accountNumberMasked,
            OffsetDateTime requestedAt, OffsetDateTime sentAt, OffsetDateTime paidAt, OffsetDateTime failedAt,
            String failureReason){
    }

    /** 201 for the first account, 200 for a change or the same account again. */
    ResponseEntity<BankAccountResponse> saveBankAccount(Payee payee, BankAccountRequest request, Jwt token) {
        BankAccounts.Saved saved = accounts.save(payee, request.bankCode(), request.accountNumber(),
                request.holderName(), token.getIssuedAt());
        HttpStatus status = saved.changed() && saved.account().version() == 1 ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(response(saved.account()));
    }

    BankAccountResponse bankAccount(Payee payee) {
        return response(accounts.current(payee).orElseThrow(PayoutProblems.BankAccountNotFound::new));
    }

    /**
     * @param location the payee's payouts path, to which the new payout's id is added
     */
    ResponseEntity<String> requestPayout(Payee payee, String key, PayoutRequest request, String location) {
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        Payouts.Answer answer = payouts.request(payee, key, fingerprint(json.writeValueAsString(request)),
                request.amountIdr(), note, payout -> json.writeValueAsString(response(payout)));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status())
            .contentType(MediaType.APPLICATION_JSON);
        if (answer.payoutId() != null) {
            response.location(URI.create(location + "/" + answer.payoutId()));
        }
        return response.body(answer.body());
    }

    /**
     * @param cursorName the list's name in its cursors, so that a cursor of another list
     * is refused
     */
    KeysetPage<PayoutResponse> payouts(Supplier<Payee> payee, String cursorName, int size, String cursor) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, cursorName, 2);
        List<Payouts.Payout> page = payouts.page(payee.get(), after == null ? null : after.instant(0),
                after == null ? null : after.id(1), KeysetPage.fetchSize(size));
        return KeysetPage.of(page, size, PayoutEndpoints::response,
                last -> KeysetCursor.encode(cursorName, last.requestedAt(), last.payoutId()));
    }

    PayoutResponse payout(Payee payee, UUID payoutId) {
        return response(payouts.one(payee, payoutId));
    }

    /**
     * A fingerprint of a request, to tell a retry under one Idempotency-Key from another
     * request under it.
     */
    private static String fingerprint(String request) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BankAccountResponse response(BankAccounts.Account account) {
        return new BankAccountResponse(account.bank().code(), account.bank().displayName(),
                account.maskedAccountNumber(), account.version(), time(account.createdAt()),
                time(account.payoutsHeldUntil()));
    }

    private static PayoutResponse response(Payouts.Payout payout) {
        return new PayoutResponse(payout.payoutId(), payout.amountIdr(), payout.note(), payout.state().name(),
                payout.bankCode(), payout.maskedAccountNumber(), time(payout.requestedAt()), time(payout.sentAt()),
                time(payout.paidAt()), time(payout.failedAt()), payout.failureReason());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(JAKARTA).toOffsetDateTime();
    }

}
