package id.pasar.social;

import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may know about creators, as onboarding's {@code Sellers} tells of
 * sellers: which creator an account is, and where one stands now. A creator earns, shows,
 * is shown and is paid out only while {@link CreatorStanding#verified()}. Its legal
 * identity is {@link CreatorIdentities}', for its payouts alone.
 */
public interface Creators {

    /** The creator of this account (a CREATOR account that applied), of any status. */
    Optional<UUID> ofAccount(UUID accountId);

    /** The creator's standing at this moment; empty for an unknown id. */
    Optional<CreatorStanding> standing(UUID creatorId);

    /**
     * @param platformAffiliated on compliance's platform-affiliate list: disclosed on
     * every view of the creator (ADR 0027)
     */
    record CreatorStanding(UUID creatorId, CreatorStatus status, boolean platformAffiliated) {

        public boolean verified() {
            return status == CreatorStatus.VERIFIED;
        }

    }

}
