package id.pasar.onboarding.web;

import id.pasar.compliance.SellerScreening;
import id.pasar.onboarding.SellerStatus;
import id.pasar.onboarding.internal.SellerOnboarding;
import id.pasar.onboarding.internal.SellerView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/compliance")
@RequiredArgsConstructor
@SecurityRequirement(name = "bearer")
@Tag(name = "Compliance officers", description = "Reviewing seller applications and revoking sellers (COMPLIANCE_OFFICER, ADMIN)")
class SellerReviewController {

    private final SellerOnboarding onboarding;
    private final SellerResponseMapper mapper;

    @GetMapping("/seller-applications")
    @Operation(summary = "Seller applications by status, oldest first")
    Page<SellerResponse> applications(@RequestParam(defaultValue = "PENDING_REVIEW") SellerStatus status,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) String cursor) {
        Cursor after = cursor != null ? Cursor.decode(cursor) : null;
        List<SellerView> sellers = onboarding.withStatus(status, after != null ? after.createdAt() : null,
                after != null ? after.id() : null, size + 1);
        boolean more = sellers.size() > size;
        List<SellerView> page = more ? sellers.subList(0, size) : sellers;
        String next = more ? new Cursor(page.get(size - 1).getCreatedAt(), page.get(size - 1).getId()).encode() : null;
        return new Page<>(page.stream().map(mapper::toResponse).toList(), next);
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
        return mapper.toResponse(onboarding.revoke(sellerId, SellerScreening.OFFICER_REVOKED, revocation.reason(),
                officer.getName()));
    }

    enum Verdict { APPROVE, REJECT }

    record Review(@NotNull Verdict decision, @Schema(example = "KTP checked against the video call") @Size(max = 1000) String note) {
    }

    record Revocation(@Schema(example = "Sold counterfeit goods after three warnings") @NotBlank @Size(max = 1000) String reason) {
    }

    /** The list shape of api.md. */
    record Page<T>(List<T> items, String nextCursor) {
    }
}
