package id.pasar.gateway.publishing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequiredArgsConstructor
@SecurityRequirement(name = "bearer")
@Tag(name = "Listings (sellers)")
class PublishingController {

    private final PublishingWorkflow workflow;

    @PostMapping("/api/v1/listings/{listingId}/publish")
    @Operation(summary = "Ask compliance to publish the listing's current version", description = """
            200 {status: PUBLISHED, decisionId} on a PASS; 422 COMPLIANCE_REJECTED with every reason and the \
            decisionId otherwise (the refusal is logged). Reasons: SELLER_NOT_VERIFIED, SHIP_FROM_NOT_DOMESTIC, \
            PROHIBITED_CATEGORY, LICENCE_REQUIRED.""")
    Published publish(@PathVariable UUID listingId, Principal caller) {
        PublishingWorkflow.Outcome outcome = workflow.publish(listingId, UUID.fromString(caller.getName()));
        if (!outcome.published()) {
            throw new PublishingProblems.ComplianceRejected(outcome.reasons(), outcome.decisionId());
        }
        return new Published(listingId, "PUBLISHED", outcome.decisionId());
    }

    record Published(UUID listingId, String status, UUID decisionId) {
    }
}
