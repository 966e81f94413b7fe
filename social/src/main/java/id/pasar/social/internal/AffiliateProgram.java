package id.pasar.social.internal;

import id.pasar.catalog.PublishedListings;
import id.pasar.catalog.PublishedListings.Shelved;
import id.pasar.onboarding.SellerIdentities;
import id.pasar.onboarding.Sellers;
import id.pasar.onboarding.Sellers.SellerSummary;
import id.pasar.social.AffiliateRefKey;
import id.pasar.social.AffiliateRefKey.Ref;
import id.pasar.social.Affiliates;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The affiliate program (docs/social.md, "Affiliates"): sellers' plans, creators'
 * showcases, references and clicks, and the attribution of an order's lines to the
 * creator a shopper last came from.
 */
@Slf4j
@Service
public class AffiliateProgram implements Affiliates {

    /** The most listings a showcase holds. */
    public static final int SHOWCASE_CAPACITY = 200;

    private final JdbcClient jdbc;

    private final CreatorRegistry creators;

    private final Sellers sellers;

    private final SellerIdentities sellerIdentities;

    private final PublishedListings listings;

    private final AffiliateRefKey refs;

    private final Clock clock;

    AffiliateProgram(JdbcClient jdbc, CreatorRegistry creators, Sellers sellers, SellerIdentities sellerIdentities,
            PublishedListings listings, AffiliateRefKey refs, Clock clock) {
        this.jdbc = jdbc;
        this.creators = creators;
        this.sellers = sellers;
        this.sellerIdentities = sellerIdentities;
        this.listings = listings;
        this.refs = refs;
        this.clock = clock;
    }

    /** A listing's plan as in force now. */
    public record Plan(UUID listingId, int commissionPercent, Instant openSince) {
    }

    /**
     * A listing open to affiliates, as a creator browses them.
     *
     * @param listing null when it is off the shelf now (it keeps its place in the walk)
     */
    public record OpenListing(UUID listingId, Shelved listing, int commissionPercent, Instant openSince) {
    }

    /**
     * A showcase's listing as shoppers see it, with the reference to carry to the order.
     *
     * @param listing null when it is off the shelf or closed to affiliates now (it keeps
     * its place in the walk)
     */
    public record ShowcaseItem(UUID listingId, Shelved listing, String affiliateRef, Instant addedAt) {
    }

    /**
     * Opens the caller's published listing to affiliates, or changes its rate: from now
     * on, orders placed pay this rate. Another seller's listing, a draft and an unknown
     * one are 404 alike.
     */
    @Transactional
    public Plan open(UUID sellerAccount, UUID listingId, int commissionPercent) {
        SellerSummary seller = ownListing(sellerAccount, listingId);
        Instant now = now();
        jdbc.sql("""
                INSERT INTO social.affiliate_plans (listing_id, seller_id, commission_percent, effective_at)
                VALUES (:listing, :seller, :percent, :now)""")
            .param("listing", listingId)
            .param("seller", seller.sellerId())
            .param("percent", commissionPercent)
            .param("now", Timestamp.from(now))
            .update();
        log.info("Seller {} opened listing {} to affiliates at {} %", seller.sellerId(), listingId, commissionPercent);
        return plan(listingId, now).orElseThrow();
    }

    /**
     * Closes the caller's plan of this listing: orders placed from now on pay no
     * commission. A closed plan, and a listing not the caller's: nothing.
     */
    @Transactional
    public void close(UUID sellerAccount, UUID listingId) {
        SellerSummary seller = sellers.ofUser(sellerAccount).orElseThrow(SocialProblems.ListingNotFound::new);
        jdbc.sql("""
                INSERT INTO social.affiliate_plans (listing_id, seller_id, commission_percent, effective_at)
                SELECT :listing, :seller, NULL, :now
                WHERE (SELECT commission_percent FROM social.affiliate_plans WHERE listing_id = :listing
                       AND seller_id = :seller ORDER BY effective_at DESC LIMIT 1) IS NOT NULL""")
            .param("listing", listingId)
            .param("seller", seller.sellerId())
            .param("now", Timestamp.from(now()))
            .update();
    }

    /** The caller's open plans, newest first. */
    @Transactional(readOnly = true)
    public List<Plan> plansOf(UUID sellerAccount) {
        SellerSummary seller = sellers.ofUser(sellerAccount).orElseThrow(SocialProblems.SellerNotFound::new);
        return jdbc.sql("""
                SELECT listing_id, commission_percent, effective_at FROM (
                    SELECT DISTINCT ON (listing_id) listing_id, commission_percent, effective_at
                    FROM social.affiliate_plans WHERE seller_id = :seller
                    ORDER BY listing_id, effective_at DESC) latest
                WHERE commission_percent IS NOT NULL ORDER BY effective_at DESC, listing_id DESC""")
            .param("seller", seller.sellerId())
            .query((rs, row) -> new Plan(rs.getObject(1, UUID.class), rs.getInt(2), rs.getTimestamp(3).toInstant()))
            .list();
    }

    /**
     * Published listings open to affiliates now, the most recently opened first, after
     * the keyset position given: what a creator chooses from.
     */
    @Transactional(readOnly = true)
    public List<OpenListing> openListings(Instant beforeTime, UUID beforeListing, int limit) {
        List<Plan> plans = jdbc.sql("""
                SELECT p.listing_id, p.commission_percent, p.effective_at FROM social.affiliate_plans p
                WHERE p.commission_percent IS NOT NULL
                  AND (CAST(:time AS timestamptz) IS NULL OR (p.effective_at, p.listing_id) < (:time, :listing))
                  AND NOT EXISTS (SELECT 1 FROM social.affiliate_plans later
                                  WHERE later.listing_id = p.listing_id AND later.effective_at > p.effective_at)
                ORDER BY p.effective_at DESC, p.listing_id DESC LIMIT :limit""")
            .param("time", beforeTime == null ? null : Timestamp.from(beforeTime))
            .param("listing", beforeListing)
            .param("limit", limit)
            .query((rs, row) -> new Plan(rs.getObject(1, UUID.class), rs.getInt(2), rs.getTimestamp(3).toInstant()))
            .list();
        Map<UUID, Shelved> shelved = listings.published(plans.stream().map(Plan::listingId).toList());
        List<OpenListing> open = new ArrayList<>();
        for (Plan plan : plans) {
            Shelved listing = shelved.get(plan.listingId());
            open.add(new OpenListing(plan.listingId(), listing, plan.commissionPercent(), plan.openSince()));
        }
        return open;
    }

    /** The listings among these that are open to affiliates now, and their rates. */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> openNow(Collection<UUID> listingIds) {
        return rates(listingIds, now());
    }

    /**
     * Adds a listing to the caller's showcase: a VERIFIED creator (422
     * AUTHOR_NOT_VERIFIED), a published listing open to affiliates (422
     * LISTING_NOT_AFFILIATE_OPEN); again: nothing.
     */
    @Transactional
    public void showcase(UUID creatorAccount, UUID listingId) {
        CreatorRegistry.Creator creator = verifiedCreator(creatorAccount);
        requireOpen(List.of(listingId));
        long held = jdbc.sql("SELECT count(*) FROM social.showcase_items WHERE creator_id = :creator")
            .param("creator", creator.creatorId())
            .query(Long.class)
            .single();
        if (held >= SHOWCASE_CAPACITY) {
            throw new SocialProblems.ShowcaseFull(SHOWCASE_CAPACITY);
        }
        jdbc.sql("""
                INSERT INTO social.showcase_items (creator_id, listing_id, added_at) VALUES (:creator, :listing, :now)
                ON CONFLICT DO NOTHING""")
            .param("creator", creator.creatorId())
            .param("listing", listingId)
            .param("now", Timestamp.from(now()))
            .update();
    }

    @Transactional
    public void removeFromShowcase(UUID creatorAccount, UUID listingId) {
        creators.byAccount(creatorAccount)
            .ifPresent(creator -> jdbc
                .sql("DELETE FROM social.showcase_items WHERE creator_id = :creator AND listing_id = :listing")
                .param("creator", creator.creatorId())
                .param("listing", listingId)
                .update());
    }

    /**
     * A VERIFIED creator's showcase, newest first: only the listings published and open
     * to affiliates now, each with its reference.
     */
    @Transactional(readOnly = true)
    public List<ShowcaseItem> showcaseOf(String handle, Instant beforeTime, UUID beforeListing, int limit) {
        CreatorRegistry.Creator creator = creators.byHandle(handle)
            .filter(CreatorRegistry.Creator::verified)
            .orElseThrow(SocialProblems.CreatorNotFound::new);
        List<Object[]> rows = jdbc.sql("""
                SELECT listing_id, added_at FROM social.showcase_items WHERE creator_id = :creator
                  AND (CAST(:time AS timestamptz) IS NULL OR (added_at, listing_id) < (:time, :listing))
                ORDER BY added_at DESC, listing_id DESC LIMIT :limit""")
            .param("creator", creator.creatorId())
            .param("time", beforeTime == null ? null : Timestamp.from(beforeTime))
            .param("listing", beforeListing)
            .param("limit", limit)
            .query((rs, row) -> new Object[] { rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant() })
            .list();
        List<UUID> ids = rows.stream().map(row -> (UUID) row[0]).toList();
        Map<UUID, Shelved> shelved = listings.published(ids);
        Instant now = now();
        Map<UUID, Integer> open = rates(ids, now);
        List<ShowcaseItem> items = new ArrayList<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            boolean shown = shelved.containsKey(id) && open.containsKey(id);
            items.add(shown ? new ShowcaseItem(id, shelved.get(id),
                    refs.sign(new Ref(creator.creatorId(), id, null, now.truncatedTo(ChronoUnit.SECONDS))),
                    (Instant) row[1]) : new ShowcaseItem(id, null, null, (Instant) row[1]));
        }
        return items;
    }

    /**
     * The reference of a listing shown in a creator's post, or null when the author is no
     * creator or the listing is not open to affiliates.
     */
    String referenceOf(UUID creatorId, UUID listingId, UUID postId, Instant shownAt) {
        return refs.sign(new Ref(creatorId, listingId, postId, shownAt.truncatedTo(ChronoUnit.SECONDS)));
    }

    /**
     * A signed-in shopper opened a listing through a reference: a touch, counted for the
     * creator and remembered for the shopper's orders of the next 7 days. A reference
     * that does not verify is 400 AFFILIATE_REF_INVALID.
     */
    @Transactional
    public void click(UUID shopperId, String affiliateRef) {
        Ref ref = refs.verify(affiliateRef).orElseThrow(SocialProblems.AffiliateRefInvalid::new);
        jdbc.sql("""
                INSERT INTO social.affiliate_clicks (creator_id, listing_id, post_id, shopper_id, clicked_at)
                VALUES (:creator, :listing, :post, :shopper, :now)""")
            .param("creator", ref.creatorId())
            .param("listing", ref.listingId())
            .param("post", ref.postId())
            .param("shopper", shopperId)
            .param("now", Timestamp.from(now()))
            .update();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, Attribution> attribute(UUID shopperId, String deliveryPhone, List<Line> lines, Instant placedAt) {
        Instant since = placedAt.minus(WINDOW);
        Map<UUID, Line> byListing = new LinkedHashMap<>();
        lines.forEach(line -> byListing.putIfAbsent(line.listingId(), line));
        // The last touch of each listing: the shopper's clicks, then the references the
        // order carries where they are later.
        Map<UUID, Touch> last = new HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (listing_id) listing_id, creator_id, clicked_at FROM social.affiliate_clicks
                WHERE shopper_id = :shopper AND listing_id = ANY(:listings) AND clicked_at > :since
                  AND clicked_at <= :at
                ORDER BY listing_id, clicked_at DESC""")
            .param("shopper", shopperId)
            .param("listings", byListing.keySet().toArray(new UUID[0]))
            .param("since", Timestamp.from(since))
            .param("at", Timestamp.from(placedAt))
            .query((rs, row) -> new Touch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                    rs.getTimestamp(3).toInstant()))
            .list()
            .forEach(touch -> last.put(touch.listingId(), touch));
        for (Line line : byListing.values()) {
            Optional<Ref> carried = refs.verify(line.affiliateRef())
                .filter(ref -> ref.listingId().equals(line.listingId()))
                .filter(ref -> ref.shownAt().isAfter(since) && !ref.shownAt().isAfter(placedAt));
            if (line.affiliateRef() != null && carried.isEmpty()) {
                log.info("An order's reference for listing {} does not verify, or is older than {}: no touch",
                        line.listingId(), WINDOW);
            }
            carried.ifPresent(
                    ref -> last.merge(line.listingId(), new Touch(ref.listingId(), ref.creatorId(), ref.shownAt()),
                            (clicked, shown) -> shown.at().isAfter(clicked.at()) ? shown : clicked));
        }
        if (last.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> rates = rates(last.keySet(), placedAt);
        byte[] deliveryPhoneIndex = creators.phoneIndex(deliveryPhone);
        Map<UUID, Optional<Earner>> earners = new HashMap<>();
        Map<UUID, Attribution> attributions = new LinkedHashMap<>();
        for (Touch touch : last.values()) {
            Integer rate = rates.get(touch.listingId());
            if (rate == null) {
                continue;
            }
            Optional<Earner> earner = earners.computeIfAbsent(touch.creatorId(), this::earner);
            if (earner.isEmpty()) {
                log.info("Listing {} was reached through creator {}, who is not VERIFIED: no commission",
                        touch.listingId(), touch.creatorId());
                continue;
            }
            if (earner.get().phoneIndex() != null && Arrays.equals(earner.get().phoneIndex(), deliveryPhoneIndex)) {
                log.info("Order of listing {} goes to creator {}'s own number: no commission", touch.listingId(),
                        touch.creatorId());
                continue;
            }
            UUID seller = byListing.get(touch.listingId()).sellerId();
            if (sellerIdentities.provenBy(seller, earner.get().identityIndex())) {
                log.info("Creator {} is seller {} itself: no commission on listing {}", touch.creatorId(), seller,
                        touch.listingId());
                continue;
            }
            attributions.put(touch.listingId(), new Attribution(touch.creatorId(), rate));
        }
        return attributions;
    }

    @Override
    @Transactional(readOnly = true)
    public long clicks(UUID creatorId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT count(*) FROM social.affiliate_clicks
                WHERE creator_id = :creator AND clicked_at >= :from AND clicked_at < :to""")
            .param("creator", creatorId)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query(Long.class)
            .single();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> platformAffiliated(Collection<UUID> creatorIds) {
        if (creatorIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM social.creators WHERE id = ANY(:ids) AND platform_affiliated")
            .param("ids", creatorIds.toArray(new UUID[0]))
            .query(UUID.class)
            .list());
    }

    /**
     * Refuses (422 LISTING_NOT_AFFILIATE_OPEN) unless every listing is published and open
     * to affiliates now.
     */
    void requireOpen(Collection<UUID> listingIds) {
        requireOpen(listingIds, listings.published(listingIds).keySet());
    }

    /**
     * As {@link #requireOpen(Collection)}, for a caller that has just asked the catalog
     * which of them are published.
     */
    void requireOpen(Collection<UUID> listingIds, Set<UUID> published) {
        Map<UUID, Integer> open = rates(listingIds, now());
        List<UUID> refused = listingIds.stream()
            .filter(id -> !published.contains(id) || !open.containsKey(id))
            .toList();
        if (!refused.isEmpty()) {
            throw new SocialProblems.ListingNotAffiliateOpen(refused);
        }
    }

    private Optional<Plan> plan(UUID listingId, Instant at) {
        return jdbc.sql("""
                SELECT listing_id, commission_percent, effective_at FROM social.affiliate_plans
                WHERE listing_id = :listing AND effective_at <= :at ORDER BY effective_at DESC LIMIT 1""")
            .param("listing", listingId)
            .param("at", Timestamp.from(at))
            .query((rs, row) -> rs.getObject(2) == null ? null
                    : new Plan(rs.getObject(1, UUID.class), rs.getInt(2), rs.getTimestamp(3).toInstant()))
            .optional();
    }

    /**
     * The rate in force at {@code at} of each of these listings that had one open then.
     */
    private Map<UUID, Integer> rates(Collection<UUID> listingIds, Instant at) {
        Map<UUID, Integer> rates = new HashMap<>();
        if (listingIds.isEmpty()) {
            return rates;
        }
        jdbc.sql("""
                SELECT DISTINCT ON (listing_id) listing_id, commission_percent FROM social.affiliate_plans
                WHERE listing_id = ANY(:listings) AND effective_at <= :at
                ORDER BY listing_id, effective_at DESC""")
            .param("listings", listingIds.toArray(new UUID[0]))
            .param("at", Timestamp.from(at))
            .query((rs, row) -> {
                if (rs.getObject(2) != null) {
                    rates.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }
                return null;
            })
            .list();
        return rates;
    }

    /**
     * The caller's seller, owner of this published listing; else 404 LISTING_NOT_FOUND.
     */
    private SellerSummary ownListing(UUID sellerAccount, UUID listingId) {
        SellerSummary seller = sellers.ofUser(sellerAccount).orElseThrow(SocialProblems.ListingNotFound::new);
        Shelved listing = listings.published(List.of(listingId)).get(listingId);
        if (listing == null || !listing.sellerId().equals(seller.sellerId())) {
            throw new SocialProblems.ListingNotFound();
        }
        return seller;
    }

    private CreatorRegistry.Creator verifiedCreator(UUID creatorAccount) {
        return creators.byAccount(creatorAccount)
            .filter(CreatorRegistry.Creator::verified)
            .orElseThrow(SocialProblems.AuthorNotVerified::new);
    }

    /** A VERIFIED creator's identity and phone indexes; empty for any other. */
    private Optional<Earner> earner(UUID creatorId) {
        return jdbc.sql("""
                SELECT identity_index, phone_index FROM social.creators WHERE id = :id AND status = 'VERIFIED'""")
            .param("id", creatorId)
            .query((rs, row) -> new Earner(rs.getBytes(1), rs.getBytes(2)))
            .optional();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Touch(UUID listingId, UUID creatorId, Instant at) {
    }

    private record Earner(byte[] identityIndex, byte[] phoneIndex) {
    }

}
