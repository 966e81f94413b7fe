package id.pasar.onboarding.web;

import id.pasar.compliance.DataAccessLog;
import id.pasar.compliance.DataAccessLog.Access;
import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import id.pasar.onboarding.internal.SellerOnboarding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sellers")
@RequiredArgsConstructor
@Tag(name = "Seller onboarding", description = "A SELLER's application and its identity proof")
class SellerController {

    private final SellerOnboarding onboarding;

    private final SellerResponseMapper mapper;

    private final DataAccessLog accessLog;

    @PostMapping
    @Operation(summary = "Apply to sell (or replace a rejected application)", description = """
            201 with the seller: PENDING_REVIEW (waits for an officer), VERIFIED (a registry confirmed it) \
            or REJECTED with reason codes (stored and logged). 400 for a malformed application; \
            409 SELLER_EXISTS while an application is pending or verified.""")
    ResponseEntity<SellerResponse> apply(@Valid @RequestBody SellerApplicationRequest request, Principal caller) {
        SellerResponse seller = mapper.toResponse(onboarding.apply(user(caller), request.toApplication()));
        return ResponseEntity.created(URI.create("/api/v1/sellers/me")).body(seller);
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's seller; 404 SELLER_NOT_FOUND before applying")
    SellerResponse me(Principal caller) {
        return mapper.toResponse(onboarding.ofCaller(user(caller)));
    }

    @GetMapping("/me/data-access")
    @Operation(summary = "Which platform staff read the caller's seller data, when and why, oldest first")
    KeysetPage<Access> dataAccess(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = KeysetCursor.MAX_LENGTH) String cursor, Principal caller) {
        UUID sellerId = onboarding.ofCaller(user(caller)).getId();
        return accessLog.page(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"), sellerId, cursor, size);
    }

    static UUID user(Principal caller) {
        return UUID.fromString(caller.getName());
    }

}
