package id.pasar.catalog.internal;

import id.pasar.catalog.ListingOfferChanged;
import id.pasar.catalog.ListingStock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock by variant (ADR 0008, 0023). A variant's units and its listing's sum move
 * together, the listing's row first: every writer of a listing (a checkout, a give-back,
 * the seller's edit) locks the listing before its variants, so none waits on another in a
 * cycle.
 */
@Service
@RequiredArgsConstructor
class StockKeeper implements ListingStock {

    private final JdbcClient jdbc;

    private final SoldOutListings soldOut;

    private final ObjectProvider<IndexedListings> index;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    @Override
    public Optional<UUID> seenSoldOut(UUID variantId) {
        return soldOut.soldOut(variantId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Taken> quote(Map<UUID, Integer> quantities) {
        List<Taken> quoted = new ArrayList<>();
        new TreeMap<>(quantities).forEach((variantId, quantity) -> quoted.add(jdbc.sql("""
                SELECT v.id, v.listing_id, v.option_values, l.seller_id, l.version, l.title, l.category_code,
                       v.price_idr, l.ship_from_regency_code, v.weight_grams, v.stock
                FROM catalog.listing_variants v JOIN catalog.listings l ON l.id = v.listing_id
                WHERE v.id = :id AND l.status = 'PUBLISHED'""").param("id", variantId).query((rs, row) -> {
            int available = rs.getInt("stock");
            UUID listingId = rs.getObject("listing_id", UUID.class);
            soldOut.read(variantId, listingId, available);
            if (available < quantity) {
                throw new InsufficientStock(listingId, variantId, available);
            }
            return taken(rs, quantity);
        }).optional().orElseThrow(() -> notOnSale(variantId))));
        return quoted;
    }

    /**
     * Variants are taken in their listings' id order, so two checkouts sharing listings
     * never wait on each other in a cycle.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(List<Taken> quoted) {
        quoted.stream().sorted(Comparator.comparing(Taken::listingId).thenComparing(Taken::variantId)).forEach(line -> {
            Taken now = jdbc.sql("""
                    UPDATE catalog.listings SET stock = stock - :quantity
                    WHERE id = :listing AND status = 'PUBLISHED' AND stock >= :quantity
                    RETURNING seller_id, version, title, category_code, ship_from_regency_code,
                              price_idr, max_price_idr, stock""")
                .param("listing", line.listingId())
                .param("quantity", line.quantity())
                .query((rs, row) -> new ListingSide(rs.getObject("seller_id", UUID.class), rs.getInt("version"),
                        rs.getString("title"), rs.getString("category_code"), rs.getString("ship_from_regency_code"),
                        crossing(line.listingId(), rs, rs.getInt("stock") == 0)))
                .optional()
                .map(listing -> {
                    Taken taken = takeVariant(line, listing);
                    if (listing.soldOut() != null) {
                        crossedZero(listing.soldOut());
                    }
                    return taken;
                })
                .orElseThrow(() -> whyNot(line.listingId(), line.variantId()));
            if (!now.equals(line)) {
                throw new QuoteChanged(line.listingId());
            }
        });
    }

    /**
     * A published listing's stock crossed zero: its last unit was taken, or units came
     * back to it sold out. Its search index document counts it in stock or not, so the
     * index hears it (the entity listener does not hear these updates): written after
     * commit, and with Kafka on a {@code ListingOfferChanged} on {@code pasar.listings}.
     * Other stock moves say nothing: a flash sale would flood both.
     */
    private void crossedZero(ListingOfferChanged offer) {
        IndexedListings indexed = index.getIfAvailable();
        if (indexed != null) {
            indexed.changedInTransaction(offer.listingId());
        }
        events.publishEvent(offer);
    }

    /**
     * The listing's offer as its stock update returned it, when that update crossed zero;
     * else null (most updates: nothing to build or tell).
     */
    private ListingOfferChanged crossing(UUID listingId, ResultSet rs, boolean crossed) throws SQLException {
        return crossed ? new ListingOfferChanged(listingId, rs.getObject("seller_id", UUID.class), rs.getInt("version"),
                rs.getLong("price_idr"), rs.getObject("max_price_idr", Long.class), rs.getInt("stock"), clock.instant())
                : null;
    }

    /**
     * The variant's units, its listing already locked and its sum taken (the listing's
     * side of the line as that update returned it): a variant with too little refuses,
     * and the caller's rollback gives the listing's sum back.
     */
    private Taken takeVariant(Taken line, ListingSide listing) {
        return jdbc.sql("""
                UPDATE catalog.listing_variants SET stock = stock - :quantity
                WHERE id = :id AND listing_id = :listing AND stock >= :quantity
                RETURNING option_values, price_idr, weight_grams""")
            .param("id", line.variantId())
            .param("listing", line.listingId())
            .param("quantity", line.quantity())
            .query((rs, row) -> new Taken(line.variantId(), line.listingId(),
                    Variant.label(ListingVariants.values(rs.getArray("option_values"))), listing.sellerId(),
                    listing.version(), listing.title(), listing.categoryCode(), rs.getLong("price_idr"),
                    listing.shipFromRegencyCode(), rs.getInt("weight_grams"), line.quantity()))
            .optional()
            .orElseThrow(() -> whyNot(line.listingId(), line.variantId()));
    }

    /**
     * What a take's listing update returns of the line; {@code soldOut} the listing's
     * offer when the take sold its last unit, else null.
     */
    private record ListingSide(UUID sellerId, int version, String title, String categoryCode,
            String shipFromRegencyCode, ListingOfferChanged soldOut) {
    }

    private static Taken taken(ResultSet rs, int quantity) throws SQLException {
        return new Taken(rs.getObject("id", UUID.class), rs.getObject("listing_id", UUID.class),
                Variant.label(ListingVariants.values(rs.getArray("option_values"))),
                rs.getObject("seller_id", UUID.class), rs.getInt("version"), rs.getString("title"),
                rs.getString("category_code"), rs.getLong("price_idr"), rs.getString("ship_from_regency_code"),
                rs.getInt("weight_grams"), quantity);
    }

    private RuntimeException whyNot(UUID listingId, UUID variantId) {
        return jdbc.sql("""
                SELECT v.stock FROM catalog.listing_variants v JOIN catalog.listings l ON l.id = v.listing_id
                WHERE v.id = :id AND l.status = 'PUBLISHED'""")
            .param("id", variantId)
            .query(Integer.class)
            .optional()
            .<RuntimeException>map(available -> {
                soldOut.read(variantId, listingId, available);
                return new InsufficientStock(listingId, variantId, available);
            })
            .orElseGet(() -> new ListingNotAvailable(listingId));
    }

    /**
     * Why a variant cannot be quoted: a listing with options named instead of one of its
     * variants, or no variant on sale.
     */
    private RuntimeException notOnSale(UUID variantId) {
        boolean hasOptions = jdbc
            .sql("""
                    SELECT 1 FROM catalog.listings WHERE id = :id AND status = 'PUBLISHED' AND cardinality(option_types) > 0""")
            .param("id", variantId)
            .query(Integer.class)
            .optional()
            .isPresent();
        return hasOptions ? new VariantRequired(variantId) : new ListingNotAvailable(variantId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBack(Map<UUID, Integer> quantities) {
        new TreeMap<>(quantities).forEach((variantId, quantity) -> {
            // The listing first, as every writer of a listing locks it.
            jdbc.sql("""
                    UPDATE catalog.listings SET stock = stock + :quantity
                    WHERE id = (SELECT listing_id FROM catalog.listing_variants WHERE id = :id)
                    RETURNING id, seller_id, version, price_idr, max_price_idr, stock, status""")
                .param("id", variantId)
                .param("quantity", quantity)
                .query((rs, row) -> crossing(rs.getObject("id", UUID.class), rs,
                        "PUBLISHED".equals(rs.getString("status")) && rs.getInt("stock") == quantity))
                .list()
                .stream()
                .filter(Objects::nonNull)
                .forEach(this::crossedZero);
            jdbc.sql("UPDATE catalog.listing_variants SET stock = stock + :quantity WHERE id = :id")
                .param("id", variantId)
                .param("quantity", quantity)
                .update();
            soldOut.forget(variantId);
        });
    }

}
