package id.pasar.social.web;

import id.pasar.compliance.DataAccessLog;
import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.social.CreatorStatus;
import id.pasar.social.internal.CreatorRegistry.Creator;
import id.pasar.social.internal.CreatorReview;
import id.pasar.social.internal.CreatorReview.StaffView;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compliance officers review creator applications and revoke creators, with the sellers'
 * routes and rules (seller-onboarding's {@code SellerReviewController}): a read needs an
 * access reason and is logged per creator; each decision is logged by compliance.
 */
@RestController
@RequestMapping("/api/v1/compliance")
@Tag(name = "Compliance officers")
class CreatorReviewController {

    private static final String ACCESS_REASON = "Send X-Access-Reason (5-200 characters) saying why: 400 "
            + "ACCESS_REASON_REQUIRED otherwise. Each creator returned gets an entry in the data-access log "
            + "(creatorId), which auditors read.";

    /** Applications oldest first: a creation time and an id. */
    private static final String CURSOR = "creator-applications";

    private final CreatorReview review;

    private final DataAccessLog accessLog;

    CreatorReviewController(CreatorReview review, DataAccessLog accessLog) {
        this.review = review;
        this.accessLog = accessLog;
    }

    @GetMapping("/creator-applications")
    @Operation(summary = "Creator applications by status, oldest first", description = ACCESS_REASON)
    KeysetPage<StaffCreator> applications(@RequestParam(defaultValue = "PENDING_REVIEW") CreatorStatus status,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor,
            @Parameter(description = "why: 5 to 200 characters, else 400 ACCESS_REASON_REQUIRED",
                    schema = @Schema(type = "string", maxLength = DataAccessLog.REASON_MAX_LENGTH)) @RequestHeader(
                            name = DataAccessLog.REASON_HEADER, required = false) String reason,
            HttpServletRequest staff) {
        DataAccessLog.requireReason(reason);
        KeysetCursor.Fields after = cursor != null ? KeysetCursor.decode(cursor, CURSOR, 2) : null;
        List<StaffView> fetched = review.withStatus(status, after != null ? after.instant(0) : null,
                after != null ? after.id(1) : null, KeysetPage.fetchSize(size));
        KeysetPage<StaffView> page = KeysetPage.of(fetched, size, creator -> creator,
                last -> KeysetCursor.encode(CURSOR, last.creator().createdAt(), last.creator().creatorId()));
        accessLog.recordCreators(DataAccessLog.Reader.of(staff), "GET /api/v1/compliance/creator-applications", reason,
                page.items().stream().map(view -> view.creator().creatorId()).toList());
        return new KeysetPage<>(page.items().stream().map(CreatorReviewController::response).toList(),
                page.nextCursor());
    }

    @GetMapping("/creators/{creatorId}")
    @Operation(summary = "One creator, identity masked; 404 CREATOR_NOT_FOUND", description = ACCESS_REASON)
    StaffCreator creator(@PathVariable UUID creatorId,
            @Parameter(description = "why: 5 to 200 characters, else 400 ACCESS_REASON_REQUIRED",
                    schema = @Schema(type = "string", maxLength = DataAccessLog.REASON_MAX_LENGTH)) @RequestHeader(
                            name = DataAccessLog.REASON_HEADER, required = false) String reason,
            HttpServletRequest staff) {
        DataAccessLog.requireReason(reason);
        StaffView creator = review.byIdForStaff(creatorId);
        accessLog.recordCreators(DataAccessLog.Reader.of(staff), "GET /api/v1/compliance/creators/{creatorId}", reason,
                List.of(creator.creator().creatorId()));
        return response(creator);
    }

    @PostMapping("/creator-applications/{creatorId}/decision")
    @Operation(summary = "Approve or reject a pending creator application; 409 APPLICATION_NOT_PENDING otherwise",
            description = "A CREATOR_REVIEW decision in the log: PASS makes the creator VERIFIED (it may post and be "
                    + "followed), FAIL makes it REJECTED with OFFICER_REJECTED (it may apply again). 404 "
                    + "CREATOR_NOT_FOUND for an unknown id.")
    StaffCreator decide(@PathVariable UUID creatorId, @Valid @RequestBody Review request, Principal officer) {
        return response(review.decide(creatorId, request.decision() == Verdict.APPROVE, request.note(),
                UUID.fromString(officer.getName())));
    }

    @PostMapping("/creators/{creatorId}/revoke")
    @Operation(summary = "Revoke a verified creator; 409 CREATOR_NOT_VERIFIED otherwise",
            description = "A CREATOR_REVOCATION decision (OFFICER_REVOKED) in the log. From then on the creator's "
                    + "profile and posts are 404 and out of every feed and of discover; it cannot post nor be followed; "
                    + "its identity stays held, so it cannot come back under another account.")
    StaffCreator revoke(@PathVariable UUID creatorId, @Valid @RequestBody Revocation request, Principal officer) {
        return response(review.revoke(creatorId, request.reason().strip(), UUID.fromString(officer.getName())));
    }

    enum Verdict {

        APPROVE, REJECT

    }

    @Schema(name = "CreatorReview")
    record Review(@NotNull Verdict decision,
            @Schema(example = "KTP checked against the video call") @Size(max = 1000) String note) {
    }

    @Schema(name = "CreatorRevocation")
    record Revocation(@Schema(example = "Promoted counterfeit goods after three warnings") @NotBlank @Size(
            max = 1000) String reason) {
    }

    /** A creator as staff see it: the identity only masked. */
    record StaffCreator(UUID creatorId, @Schema(example = "budi.kriya") String handle,
            @Schema(example = "Budi Kriya") String displayName, CreatorStatus status,
            @Schema(example = "[\"NIK_REGION_UNVERIFIED\"]") List<String> reasons, UUID decisionId,
            @Schema(example = "v1") String ruleSetVersion, @Schema(example = "KTP") String documentType,
            @Schema(example = "320411********01") String maskedIdentity, @Schema(example = "32.04") String regencyCode,
            boolean platformAffiliated, OffsetDateTime createdAt) {
    }

    private static StaffCreator response(StaffView view) {
        Creator creator = view.creator();
        return new StaffCreator(creator.creatorId(), creator.handle(), creator.displayName(),
                CreatorStatus.valueOf(creator.status()), creator.reasons(), creator.decisionId(),
                creator.ruleSetVersion(), creator.documentType(), view.maskedIdentity(), creator.regencyCode(),
                creator.platformAffiliated(), creator.createdAt().atZone(CreatorController.JAKARTA).toOffsetDateTime());
    }

}
