package id.pasar.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * The identity rules of compliance-rules.md (the same in rule sets v1 and v2), as a pure
 * function: every check runs and every failing reason is reported, not only the first.
 */
public interface IdentityRules {

    /**
     * @param identity the declared identity, well-formed
     * @param registeredAddress the seller's address regency (a business's registered
     * address)
     * @param facts what the rules cannot know by themselves: whether the identity already
     * backs another seller, whether it is on the platform-affiliate list, whether a
     * registry confirmed it
     * @param today the day in Asia/Jakarta
     */
    IdentityVerdict assess(SellerIdentity identity, RegencyCode registeredAddress, Facts facts, LocalDate today);

    /**
     * @param alreadyRegistered the identity number backs another seller (PENDING_REVIEW,
     * VERIFIED or REVOKED)
     * @param platformAffiliate a business's NIB or NPWP is on the platform-affiliate list
     * @param registryConfirmed an identity registry (Dukcapil for a NIK, OSS for a NIB)
     * confirmed it
     */
    record Facts(boolean alreadyRegistered, boolean platformAffiliate, boolean registryConfirmed) {
    }

    enum Status {

        VERIFIED, PENDING_REVIEW, REJECTED

    }

    /**
     * {@code reasons} holds every failing check's code; for PENDING_REVIEW it may hold
     * warnings (NIK_REGION_UNVERIFIED) that an officer should look at.
     */
    record IdentityVerdict(Status status, List<String> reasons) {
        public IdentityVerdict {
            reasons = List.copyOf(reasons);
        }
    }

}
