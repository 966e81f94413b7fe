package id.pasar.social;

import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may know about creators: where one stands now. A creator earns,
 * shows and is shown only while {@link CreatorStanding#verified()}.
 */
public interface Creators {

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
