package id.pasar.ledger.web;

import id.pasar.compliance.DataAccessLog;
import id.pasar.compliance.ReportPeriod;
import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.ledger.internal.Commissions;
import id.pasar.ledger.internal.Commissions.Commission;
import id.pasar.social.Affiliates;
import id.pasar.social.Creators;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A creator's own affiliate figures (docs/social.md, "What a creator may see"): its
 * clicks, the seller orders its references brought, their attributed amounts and its
 * commissions; nothing of any seller's other sales, nothing of another creator's. Staff
 * read a creator's figures only with a reason, in the data-access log.
 */
@RestController
@Validated
@RequiredArgsConstructor
@Tag(name = "Creator commissions")
class CommissionController {

    private static final String CURSOR = "commissions";

    private final Commissions commissions;

    private final Affiliates affiliates;

    private final Creators creators;

    private final DataAccessLog accessLog;

    private final Clock clock;

    /**
     * The figures of the seller orders paid in the period (Asia/Jakarta days, both
     * inclusive), and the clicks made in it.
     *
     * @param orders seller orders the creator's references brought
     * @param itemGrossIdr their attributed lines' item subtotal
     */
    record Summary(LocalDate from, LocalDate to, long clicks, long orders, long itemGrossIdr, long pendingIdr,
            long earnedIdr, long reversedIdr) {
    }

    /**
     * @param grossIdr the attributed lines' item subtotal, not the seller order's
     * @param status PENDING until the seller order completes (EARNED) or is refunded
     * (REVERSED)
     */
    record CommissionLine(UUID sellerOrderId, UUID sellerId, long grossIdr, long commissionIdr, int lineCount,
            String status, OffsetDateTime placedAt, OffsetDateTime paidAt, OffsetDateTime closedAt) {
    }

    @GetMapping("/api/v1/creators/me/commissions/summary")
    @Operation(summary = "The caller's affiliate figures: clicks, orders brought, attributed amount, commissions",
            description = "from and to are Asia/Jakarta days (default the last 30), both inclusive.")
    Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Principal caller) {
        return summary(creator(caller), ReportPeriod.of(from, to, clock));
    }

    @GetMapping("/api/v1/creators/me/commissions")
    @Operation(summary = "The caller's commissions, one per seller order its references brought, latest paid first")
    KeysetPage<CommissionLine> commissions(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor, Principal caller) {
        return page(creator(caller), ReportPeriod.of(from, to, clock), size, cursor);
    }

    @GetMapping("/api/v1/compliance/creators/{creatorId}/commissions/summary")
    @Operation(summary = "A creator's affiliate figures, for staff (COMPLIANCE_OFFICER, ADMIN), with a reason",
            description = "Send X-Access-Reason (5-200 characters): 400 ACCESS_REASON_REQUIRED otherwise. The read "
                    + "is recorded in the data-access log.")
    Summary staffSummary(@PathVariable UUID creatorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "why: 5 to 200 characters, else 400 ACCESS_REASON_REQUIRED",
                    schema = @Schema(type = "string", maxLength = DataAccessLog.REASON_MAX_LENGTH)) @RequestHeader(
                            name = DataAccessLog.REASON_HEADER, required = false) String reason,
            HttpServletRequest staff) {
        String why = DataAccessLog.requireReason(reason);
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        accessLog.recordCreators(DataAccessLog.Reader.of(staff),
                "GET /api/v1/compliance/creators/{creatorId}/commissions/summary", why, List.of(creatorId));
        return summary(creatorId, period);
    }

    @GetMapping("/api/v1/compliance/creators/{creatorId}/commissions")
    @Operation(summary = "A creator's commissions, for staff (COMPLIANCE_OFFICER, ADMIN), with a reason",
            description = "Send X-Access-Reason (5-200 characters): 400 ACCESS_REASON_REQUIRED otherwise. The read "
                    + "is recorded in the data-access log.")
    KeysetPage<CommissionLine> staffCommissions(@PathVariable UUID creatorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor,
            @Parameter(description = "why: 5 to 200 characters, else 400 ACCESS_REASON_REQUIRED",
                    schema = @Schema(type = "string", maxLength = DataAccessLog.REASON_MAX_LENGTH)) @RequestHeader(
                            name = DataAccessLog.REASON_HEADER, required = false) String reason,
            HttpServletRequest staff) {
        String why = DataAccessLog.requireReason(reason);
        ReportPeriod period = ReportPeriod.of(from, to, clock);
        accessLog.recordCreators(DataAccessLog.Reader.of(staff),
                "GET /api/v1/compliance/creators/{creatorId}/commissions", why, List.of(creatorId));
        return page(creatorId, period, size, cursor);
    }

    private Summary summary(UUID creatorId, ReportPeriod period) {
        Commissions.Totals totals = commissions.totals(creatorId, period.start(), period.end());
        return new Summary(period.from(), period.to(), affiliates.clicks(creatorId, period.start(), period.end()),
                totals.orders(), totals.grossIdr(), totals.pendingIdr(), totals.earnedIdr(), totals.reversedIdr());
    }

    private KeysetPage<CommissionLine> page(UUID creatorId, ReportPeriod period, int size, String cursor) {
        KeysetCursor.Fields after = cursor == null ? null : KeysetCursor.decode(cursor, CURSOR, 2);
        List<Commission> fetched = commissions.page(creatorId, period.start(), period.end(),
                after == null ? null : after.instant(0), after == null ? null : after.id(1),
                KeysetPage.fetchSize(size));
        return KeysetPage.of(fetched, size, CommissionController::line,
                last -> KeysetCursor.encode(CURSOR, last.paidAt(), last.sellerOrderId()));
    }

    private UUID creator(Principal caller) {
        return creators.ofAccount(UUID.fromString(caller.getName()))
            .orElseThrow(LedgerWebProblems.CreatorNotFound::new);
    }

    private static CommissionLine line(Commission c) {
        return new CommissionLine(c.sellerOrderId(), c.sellerId(), c.grossIdr(), c.commissionIdr(), c.lineCount(),
                c.status(), time(c.placedAt()), time(c.paidAt()), c.closedAt() == null ? null : time(c.closedAt()));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atZone(ReportPeriod.JAKARTA).toOffsetDateTime();
    }

}
