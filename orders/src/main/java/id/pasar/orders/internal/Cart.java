package id.pasar.orders.internal;

import id.pasar.catalog.ListingOffers;
import id.pasar.catalog.ListingOffers.Availability;
import id.pasar.catalog.ListingOffers.Offer;
import id.pasar.catalog.ListingStock;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shopper's cart (ADR 0022): one per shopper, in the database, shown with live prices
 * and stock. A line whose price changed since the shopper set its quantity, or that can
 * no longer be ordered as it stands, is flagged, never silently changed; a line whose
 * listing was taken down is not shown at all. The checkout orders lines of it and removes
 * them in the order's transaction. Changes queue on the shopper's lock, so the cap holds
 * across devices.
 */
@Service
@RequiredArgsConstructor
public class Cart {

    /** How many lines one cart may hold. */
    public static final int CAPACITY = 100;

    private final JdbcClient jdbc;

    private final ListingOffers offers;

    private final ListingStock stock;

    private final ShopperLock shopperLock;

    private final Clock clock;

    /** Why a line cannot be ordered as it stands. */
    public enum Flag {

        /** The price is not the one the shopper saw when setting the quantity. */
        PRICE_CHANGED,
        /** Less in stock than the line's quantity. */
        INSUFFICIENT_STOCK,
        /** Its seller took it off sale, or is editing it. */
        UNAVAILABLE

    }

    /**
     * A line with its listing as it is now.
     *
     * @param affiliateRef the creator's reference the line was last set with, carried to
     * the order; null when none
     */
    public record Item(UUID variantId, int quantity, long priceSeenIdr, Offer offer, Set<Flag> flags,
            String affiliateRef) {

        public boolean orderable() {
            return !flags.contains(Flag.UNAVAILABLE) && !flags.contains(Flag.INSUFFICIENT_STOCK);
        }

        public long lineTotalIdr() {
            return Math.multiplyExact(offer.priceIdr(), (long) quantity);
        }
    }

    /** One seller's lines, newest first. */
    public record SellerItems(UUID sellerId, String shopName, List<Item> items) {
    }

    /** The sellers ordered by their newest line. */
    @Transactional(readOnly = true)
    public List<SellerItems> of(UUID shopperId) {
        return view(lines(shopperId));
    }

    /**
     * Sets a line's quantity, adding it when new, at the price shown now; a reference
     * given replaces the line's (the later touch), none keeps it.
     * @throws ListingStock.ListingNotAvailable when the listing is not on sale
     * @throws ListingStock.VariantRequired when a listing with options is named
     * @throws ListingStock.InsufficientStock when it has less than {@code quantity}
     * @throws OrderProblems.CartFull when a new line would pass {@link #CAPACITY}
     */
    @Transactional
    public List<SellerItems> set(UUID shopperId, UUID variantId, int quantity, String affiliateRef) {
        // Refused as a checkout would refuse it now (not on sale, a listing with options,
        // too little stock), and priced as it would be.
        long price = stock.quote(Map.of(variantId, quantity)).get(0).unitPriceIdr();
        shopperLock.lock(shopperId);
        List<Line> lines = lines(shopperId);
        if (lines.stream().noneMatch(line -> line.variantId().equals(variantId)) && lines.size() >= CAPACITY
                && withoutTakenDown(shopperId, lines).size() >= CAPACITY) {
            throw new OrderProblems.CartFull(CAPACITY);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO orders.cart_lines (shopper_id, variant_id, quantity, price_seen_idr, affiliate_ref,
                    added_at, updated_at)
                VALUES (:shopper, :variant, :quantity, :price, :ref, :now, :now)
                ON CONFLICT (shopper_id, variant_id) DO UPDATE
                SET quantity = excluded.quantity, price_seen_idr = excluded.price_seen_idr,
                    affiliate_ref = coalesce(excluded.affiliate_ref, cart_lines.affiliate_ref),
                    updated_at = excluded.updated_at""")
            .param("shopper", shopperId)
            .param("variant", variantId)
            .param("quantity", quantity)
            .param("price", price)
            .param("ref", affiliateRef)
            .param("now", Timestamp.from(now))
            .update();
        return view(lines(shopperId));
    }

    /** Removes a line; removing one that is not there changes nothing. */
    @Transactional
    public List<SellerItems> remove(UUID shopperId, UUID variantId) {
        shopperLock.lock(shopperId);
        remove(shopperId, List.of(variantId));
        return view(lines(shopperId));
    }

    /**
     * The lines to order, for a checkout holding the shopper's lock: those of
     * {@code sellerIds}, or all when it is empty.
     * @throws OrderProblems.CartEmpty when there is none
     * @throws OrderProblems.CartChanged when one of them is flagged: the shopper looks at
     * the cart again first
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Item> toOrder(UUID shopperId, Set<UUID> sellerIds) {
        return chosen(shopperId, sellerIds);
    }

    /**
     * What ordering the cart's lines of {@code sellerIds} (all when empty) would order,
     * by variant, for a quote: refused as {@link #toOrder} would refuse it.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> toQuote(UUID shopperId, Set<UUID> sellerIds) {
        Map<UUID, Integer> quantities = new LinkedHashMap<>();
        chosen(shopperId, sellerIds).forEach(item -> quantities.put(item.variantId(), item.quantity()));
        return quantities;
    }

    private List<Item> chosen(UUID shopperId, Set<UUID> sellerIds) {
        List<Item> chosen = view(lines(shopperId)).stream()
            .filter(seller -> sellerIds.isEmpty() || sellerIds.contains(seller.sellerId()))
            .flatMap(seller -> seller.items().stream())
            .toList();
        if (chosen.isEmpty()) {
            throw new OrderProblems.CartEmpty();
        }
        List<Item> flagged = chosen.stream().filter(item -> !item.flags().isEmpty()).toList();
        if (!flagged.isEmpty()) {
            throw new OrderProblems.CartChanged(flagged);
        }
        return chosen;
    }

    /** Removes what an order took, in the order's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void removeOrdered(UUID shopperId, Collection<UUID> variantIds) {
        remove(shopperId, variantIds);
    }

    private void remove(UUID shopperId, Collection<UUID> variantIds) {
        jdbc.sql("DELETE FROM orders.cart_lines WHERE shopper_id = :shopper AND variant_id IN (:variants)")
            .param("shopper", shopperId)
            .param("variants", variantIds)
            .update();
    }

    /**
     * The lines that still count: those of listings taken down (not shown) or gone are
     * removed, so that a full cart the shopper cannot see the whole of is never full.
     */
    private List<Line> withoutTakenDown(UUID shopperId, List<Line> lines) {
        Map<UUID, Offer> current = offers.current(lines.stream().map(Line::variantId).toList());
        List<UUID> gone = lines.stream()
            .map(Line::variantId)
            .filter(id -> !current.containsKey(id) || current.get(id).availability() == Availability.TAKEN_DOWN)
            .toList();
        if (!gone.isEmpty()) {
            remove(shopperId, gone);
        }
        return lines.stream().filter(line -> !gone.contains(line.variantId())).toList();
    }

    private List<SellerItems> view(List<Line> lines) {
        Map<UUID, Offer> current = offers.current(lines.stream().map(Line::variantId).toList());
        Map<UUID, List<Item>> bySeller = new LinkedHashMap<>();
        lines.stream().sorted(Comparator.comparing(Line::addedAt).reversed()).forEach(line -> {
            Offer offer = current.get(line.variantId());
            if (offer == null || offer.availability() == Availability.TAKEN_DOWN) {
                return;
            }
            bySeller.computeIfAbsent(offer.sellerId(), seller -> new ArrayList<>())
                .add(new Item(line.variantId(), line.quantity(), line.priceSeenIdr(), offer, flags(line, offer),
                        line.affiliateRef()));
        });
        return bySeller.values()
            .stream()
            .map(items -> new SellerItems(items.get(0).offer().sellerId(), items.get(0).offer().shopName(), items))
            .toList();
    }

    private static Set<Flag> flags(Line line, Offer offer) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (offer.availability() != Availability.ON_SALE) {
            flags.add(Flag.UNAVAILABLE);
        }
        else if (offer.stock() < line.quantity()) {
            flags.add(Flag.INSUFFICIENT_STOCK);
        }
        if (offer.priceIdr() != line.priceSeenIdr()) {
            flags.add(Flag.PRICE_CHANGED);
        }
        return flags;
    }

    private List<Line> lines(UUID shopperId) {
        return jdbc.sql("""
                SELECT variant_id, quantity, price_seen_idr, added_at, affiliate_ref FROM orders.cart_lines
                WHERE shopper_id = :shopper""")
            .param("shopper", shopperId)
            .query((rs, row) -> new Line(rs.getObject(1, UUID.class), rs.getInt(2), rs.getLong(3),
                    rs.getTimestamp(4).toInstant(), rs.getString(5)))
            .list();
    }

    private record Line(UUID variantId, int quantity, long priceSeenIdr, Instant addedAt, String affiliateRef) {
    }

}
