package id.pasar.compliance;

import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.IdentityRules.Status;
import java.util.List;
import java.util.UUID;

/**
 * Compliance's decisions about sellers, each appended to the {@link DecisionLog} in the
 * caller's transaction. Onboarding stores the outcome; compliance decides and keeps the
 * record.
 */
public interface SellerScreening {

    /** Reason code of an officer's rejection of an application. */
    String OFFICER_REJECTED = "OFFICER_REJECTED";

    /** Reason code of an officer's revocation. */
    String OFFICER_REVOKED = "OFFICER_REVOKED";

    /** Reason code of a passport that expired while its seller sold here. */
    String PASSPORT_EXPIRED = "PASSPORT_EXPIRED";

    /**
     * Runs the identity rules on an application (with the registries and the
     * platform-affiliate list) and logs a SELLER_APPLICATION decision.
     * @param alreadyRegistered whether the identity number backs another seller already
     */
    Screening screenApplication(UUID sellerId, SellerIdentity identity, RegencyCode registeredAddress,
            boolean alreadyRegistered, String actor);

    /**
     * Runs the same identity rules on a creator's application (social, ADR 0027) and logs
     * a CREATOR_APPLICATION decision: a creator proves who it is exactly as a seller
     * does. The one difference: being on the platform-affiliate list is no refusal, since
     * a creator sells nothing; the social module discloses it on every post instead
     * ({@link PlatformAffiliateList#lists}).
     * @param alreadyRegistered whether the identity number backs another creator already
     * (the index space is per kind of account: a seller's identity does not count)
     */
    Screening screenCreatorApplication(UUID creatorId, SellerIdentity identity, RegencyCode address,
            boolean alreadyRegistered, String actor);

    /**
     * Logs an officer's review of a pending application: PASS to approve, FAIL to reject.
     */
    Decision recordReview(UUID sellerId, boolean approved, String officer);

    /**
     * Logs the rejection of a pending application for a reason found after it was filed
     * (its passport expired, its entity was put on the platform-affiliate list): a
     * SELLER_REVIEW that FAILs with that reason, counted by auditors as a rejected
     * application, not as a revoked seller.
     */
    Decision recordRejection(UUID sellerId, String reasonCode, String actor);

    /**
     * Logs a revocation of a VERIFIED seller with its reason code
     * ({@link #OFFICER_REVOKED}, {@link #PASSPORT_EXPIRED}, ...). A pending application
     * is never revoked: see {@link #recordRejection}.
     */
    Decision recordRevocation(UUID sellerId, String reasonCode, String actor);

    /**
     * Logs an officer's review of a pending creator application (social, ADR 0027) as a
     * CREATOR_REVIEW: PASS to approve, FAIL with {@link #OFFICER_REJECTED} to reject, as
     * {@link #recordReview} does for a seller.
     */
    Decision recordCreatorReview(UUID creatorId, boolean approved, String officer);

    /**
     * Logs the revocation of a VERIFIED creator as a CREATOR_REVOCATION that FAILs with
     * its reason code ({@link #OFFICER_REVOKED}), as {@link #recordRevocation} does for a
     * seller.
     */
    Decision recordCreatorRevocation(UUID creatorId, String reasonCode, String actor);

    record Screening(Status status, List<String> reasons, UUID decisionId, String ruleSetVersion) {
        public Screening {
            reasons = List.copyOf(reasons);
        }
    }

}
