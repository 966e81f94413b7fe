package id.pasar.social.web;

import id.pasar.social.internal.CreatorRegistry;
import id.pasar.social.internal.CreatorRegistry.Creator;
import id.pasar.social.internal.SocialProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Creators", description = "Verified creators: applications like a seller's, public profiles")
class CreatorController {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    /** Why an author is labelled: it is on compliance's platform-affiliate list. */
    static final String AFFILIATION_REASON = "PLATFORM_AFFILIATE";

    private final CreatorRegistry creators;

    CreatorController(CreatorRegistry creators) {
        this.creators = creators;
    }

    @PostMapping("/api/v1/creators")
    @Operation(summary = "Apply as a creator (role CREATOR)", description = """
            The identity is a seller's: a KTP, an Indonesian passport or a local entity, screened by the same \
            compliance rules and logged in the same decision log (CREATOR_APPLICATION). VERIFIED at once when an \
            identity registry confirms it, else PENDING_REVIEW; REJECTED with the sellers' reason codes \
            (FOREIGN_NATIONALITY, ADDRESS_NOT_DOMESTIC, IDENTITY_ALREADY_REGISTERED...). One identity backs at \
            most one creator; a seller's identity may back a creator too. 409 HANDLE_TAKEN, CREATOR_EXISTS.""")
    ResponseEntity<CreatorResponse> apply(@Valid @RequestBody CreatorApplicationRequest request, Principal caller) {
        UUID account = UUID.fromString(caller.getName());
        Creator creator = creators.apply(account, request.toApplication());
        return ResponseEntity.created(URI.create("/api/v1/creators/" + creator.handle()))
            .body(response(creator, creators.maskedIdentity(account)));
    }

    @GetMapping("/api/v1/creators/me")
    @Operation(summary = "The caller's creator application and status, identity masked")
    CreatorResponse mine(Principal caller) {
        UUID account = UUID.fromString(caller.getName());
        Creator creator = creators.byAccount(account).orElseThrow(SocialProblems.CreatorNotFound::new);
        return response(creator, creators.maskedIdentity(account));
    }

    @GetMapping("/api/v1/creators/{handle}")
    @Operation(summary = "A creator's public profile (no identity data); handles compare case-insensitively")
    Profile profile(@PathVariable @Size(max = 30) String handle) {
        Creator creator = creators.byHandle(handle).orElseThrow(SocialProblems.CreatorNotFound::new);
        return new Profile(creator.creatorId(), creator.handle(), creator.displayName(), creator.verified(),
                creators.followers(creator.creatorId()), creator.platformAffiliated(),
                creator.platformAffiliated() ? AFFILIATION_REASON : null);
    }

    /**
     * @param platformAffiliationReason why it is labelled ({@code PLATFORM_AFFILIATE}),
     * null when it is not
     */
    record Profile(UUID creatorId, String handle, String displayName, boolean verified, long followerCount,
            boolean platformAffiliated, String platformAffiliationReason) {
    }

    /** The creator's own view: its status and reasons, its identity masked. */
    record CreatorResponse(UUID creatorId, String handle, String displayName, String status, List<String> reasons,
            UUID decisionId, String ruleSetVersion, String documentType, String maskedIdentity, String regencyCode,
            boolean platformAffiliated, OffsetDateTime createdAt) {
    }

    private static CreatorResponse response(Creator creator, String maskedIdentity) {
        return new CreatorResponse(creator.creatorId(), creator.handle(), creator.displayName(), creator.status(),
                creator.reasons(), creator.decisionId(), creator.ruleSetVersion(), creator.documentType(),
                maskedIdentity, creator.regencyCode(), creator.platformAffiliated(),
                creator.createdAt().atZone(JAKARTA).toOffsetDateTime());
    }

    /** A moment as the API shows it: Jakarta's offset. */
    static OffsetDateTime time(Instant instant) {
        return instant.atZone(JAKARTA).toOffsetDateTime();
    }

}
