package id.pasar.onboarding.web;

import id.pasar.compliance.DataAccessLog;
import id.pasar.compliance.SellerScreening;
import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.onboarding.SellerStatus;
import id.pasar.onboarding.internal.SellerOnboarding;
import id.pasar.onboarding.internal.SellerView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/compliance")
@RequiredArgsConstructor
@Tag(name = "Compliance officers",
        description = "Reviewing seller and creator applications, reading one (with a reason) and revoking sellers and creators (COMPLIANCE_OFFICER, ADMIN)")
class SellerReviewController {

    private static final String ACCESS_REASON = "Send X-Access-Reason (5-200 characters) saying why: 400 "
            + "ACCESS_REASON_REQUIRED otherwise. Each seller returned gets an entry in the data-access log, which auditors "
            + "and the seller can read.";

    /** Applications oldest first: a creation time and an id. */
    private static final String CURSOR = "applications";

    private final SellerOnboarding onboarding;

    private final SellerResponseMapper mapper;

    private final DataAccessLog accessLog;

    @GetMapping("/seller-applications")
    @Operation(summary = "Seller applications by status, oldest first", description = ACCESS_REASON)
    KeysetPage<SellerResponse> applications(@RequestParam(defaultValue = "PENDING_REVIEW") SellerStatus status,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor,
            @Parameter(description = "why: 5 to 200 characters, else 400 ACCESS_REASON_REQUIRED",
                    schema = @Schema(type = "string", maxLength = DataAccessLog.REASON_MAX_LENGTH)) @RequestHeader(
                            name = DataAccessLog.REASON_HEADER, required = false) String reason,
            HttpServletRequest staff) {
        DataAccessLog.requireReason(reason);
        KeysetCursor.Fields after = cursor != null ? KeysetCursor.decode(cursor, CURSOR, 2) : null;
        List<SellerView> fetched = onboarding.withStatus(status, after != null ? after.instant(0) : null,
                after != null ? after.id(1) : null, KeysetPage.fetchSize(size));
        KeysetPage<SellerView> page = KeysetPage.of(fetched, size, seller -> seller,
                last -> KeysetCursor.encode(CURSOR, last.getCreatedAt(), last.getId()));
        accessLog.record(DataAccessLog.Reader.of(staff), "GET /api/v1/compliance/seller-applications", reason,
                page.items().stream().map(SellerView::getId).toList());
        return new KeysetPage<>(page.items().stream().map(mapper::toResponse).toList(), page.nextCursor());
    }

    @GetMapping("/sellers/{sellerId}")
    @Operation(summary = "One seller, identity masked; 404 SELLER_NOT_FOUND", description = ACCESS_REASON)
    SellerResponse seller(@PathVariable UUID sellerId,
            @Parameter(description = "why: 5 to 200 characters, else 400 ACCESS_REASON_REQUIRED",
                    schema = @Schema(type = "string", maxLength = DataAccessLog.REASON_MAX_LENGTH)) @RequestHeader(
                            name = DataAccessLog.REASON_HEADER, required = false) String reason,
            HttpServletRequest staff) {
        DataAccessLog.requireReason(reason);
        SellerView seller = onboarding.byIdForStaff(sellerId);
        accessLog.record(DataAccessLog.Reader.of(staff), "GET /api/v1/compliance/sellers/{sellerId}", reason,
                List.of(seller.getId()));
        return mapper.toResponse(seller);
    }

    @PostMapping("/seller-applications/{sellerId}/decision")
    @Operation(summary = "Approve or reject a pending application; 409 APPLICATION_NOT_PENDING otherwise")
    SellerResponse decide(@PathVariable UUID sellerId, @Valid @RequestBody Review review, Principal officer) {
        return mapper.toResponse(onboarding.decide(sellerId, review.decision() == Verdict.APPROVE, review.note(),
                SellerController.user(officer)));
    }

    @PostMapping("/sellers/{sellerId}/revoke")
    @Operation(summary = "Revoke a verified seller: all of its listings stop being visible in the same transaction")
    SellerResponse revoke(@PathVariable UUID sellerId, @Valid @RequestBody Revocation revocation, Principal officer) {
        return mapper.toResponse(
                onboarding.revoke(sellerId, SellerScreening.OFFICER_REVOKED, revocation.reason(), officer.getName()));
    }

    enum Verdict {

        APPROVE, REJECT

    }

    @Schema(name = "SellerReview")
    record Review(@NotNull Verdict decision,
            @Schema(example = "KTP checked against the video call") @Size(max = 1000) String note) {
    }

    @Schema(name = "SellerRevocation")
    record Revocation(@Schema(example = "Sold counterfeit goods after three warnings") @NotBlank @Size(
            max = 1000) String reason) {
    }

}
