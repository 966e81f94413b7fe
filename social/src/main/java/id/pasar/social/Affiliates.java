package id.pasar.social;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Affiliate attribution, for the modules that order and pay (docs/social.md,
 * "Affiliates"): which creator earns a commission on a line of an order being placed, at
 * which rate, and a creator's own click count.
 */
public interface Affiliates {

    /** How long a touch (a click, or a shown reference carried to the order) counts. */
    Duration WINDOW = Duration.ofDays(7);

    /**
     * The creator and rate of each listing of an order being placed that one earns a
     * commission on: the shopper's last touch of the listing within {@link #WINDOW} (its
     * recorded clicks, and the reference the order carries), if that creator is VERIFIED
     * now, the listing is open to affiliates at that moment, the order is not delivered
     * to the creator's own number, and the listing's seller is not the creator's own
     * identity. A listing absent from the answer earns nobody anything.
     * @param deliveryPhone the order's delivery number as {@code +628...}
     */
    Map<UUID, Attribution> attribute(UUID shopperId, String deliveryPhone, List<Line> lines, Instant placedAt);

    /**
     * @param affiliateRef the reference the order's line carries, null when none; one
     * that does not verify counts as none
     */
    record Line(UUID listingId, UUID sellerId, String affiliateRef) {
    }

    record Attribution(UUID creatorId, int commissionPercent) {
    }

    /**
     * The clicks shoppers made on the creator's references from {@code from} to
     * {@code to}.
     */
    long clicks(UUID creatorId, Instant from, Instant to);

    /** Those of these creators on the platform-affiliate list now. */
    Set<UUID> platformAffiliated(Collection<UUID> creatorIds);

}
