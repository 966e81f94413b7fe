package id.pasar.catalog.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The variants of listings ({@code catalog.listing_variants}, ADR 0023). A listing
 * without options has one variant whose id is the listing's; a listing with options keeps
 * each variant's id for as long as its option values stay, so that carts and orders that
 * name it still do. The listing's price, stock and variant count follow the variants by
 * the database's trigger (V11) when variants come, go or change price; a stock that moves
 * alone moves the listing's in the same call.
 */
@Component
@RequiredArgsConstructor
class ListingVariants {

    private final JdbcClient jdbc;

    /** The listing's variants in the seller's order. */
    List<Variant> of(UUID listingId) {
        return of(List.of(listingId)).getOrDefault(listingId, List.of());
    }

    /** The variants of each listing, in the seller's order. */
    Map<UUID, List<Variant>> of(Collection<UUID> listingIds) {
        if (listingIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Variant>> variants = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, listing_id, option_values, sku, price_idr, stock, weight_grams FROM catalog.listing_variants
                WHERE listing_id IN (:listings) ORDER BY listing_id, position""")
            .param("listings", listingIds)
            .query(ListingVariants::variant)
            .list()
            .forEach(variant -> variants.computeIfAbsent(variant.listingId(), id -> new ArrayList<>()).add(variant));
        return variants;
    }

    /**
     * Makes the listing's variants what its content says, the listing locked by the
     * caller: a variant whose option values stay keeps its id; the others go, new ones
     * come.
     * @return the listing's variants now, by id
     * @throws CatalogProblems.SkuTaken when a SKU names another variant of the seller
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> replace(Listing listing, ListingContent content) {
        Map<List<String>, UUID> kept = new HashMap<>();
        of(listing.getId()).forEach(variant -> kept.put(variant.optionValues(), variant.id()));
        List<UUID> staying = new ArrayList<>();
        try {
            // SKUs of variants that go are freed first, so that a SKU can move between
            // variants of one listing in one edit.
            jdbc.sql("UPDATE catalog.listing_variants SET sku = NULL WHERE listing_id = :listing")
                .param("listing", listing.getId())
                .update();
            List<VariantContent> variants = content.variants();
            for (int position = 0; position < variants.size(); position++) {
                VariantContent wanted = variants.get(position);
                UUID id = kept.get(wanted.optionValues());
                if (id == null) {
                    id = wanted.optionValues().isEmpty() ? listing.getId() : UUID.randomUUID();
                    jdbc.sql(
                            """
                                    INSERT INTO catalog.listing_variants
                                        (id, listing_id, seller_id, position, option_values, sku, price_idr, stock, weight_grams)
                                    VALUES (:id, :listing, :seller, :position, :values, :sku, :price, :stock, :weight)""")
                        .param("id", id)
                        .param("listing", listing.getId())
                        .param("seller", listing.getSellerId())
                        .param("position", position)
                        .param("values", wanted.optionValues().toArray(String[]::new))
                        .param("sku", wanted.sku())
                        .param("price", wanted.priceIdr())
                        .param("stock", wanted.stock())
                        .param("weight", wanted.weightGrams())
                        .update();
                }
                else {
                    jdbc.sql("""
                            UPDATE catalog.listing_variants SET position = :position, sku = :sku, price_idr = :price,
                                stock = :stock, weight_grams = :weight
                            WHERE id = :id""")
                        .param("id", id)
                        .param("position", position)
                        .param("sku", wanted.sku())
                        .param("price", wanted.priceIdr())
                        .param("stock", wanted.stock())
                        .param("weight", wanted.weightGrams())
                        .update();
                }
                staying.add(id);
            }
        }
        catch (DuplicateKeyException taken) {
            throw new CatalogProblems.SkuTaken();
        }
        jdbc.sql("DELETE FROM catalog.listing_variants WHERE listing_id = :listing AND id NOT IN (:staying)")
            .param("listing", listing.getId())
            .param("staying", staying)
            .update();
        summarise(listing.getId());
        return staying;
    }

    /**
     * A variant's price or stock, neither of which is checked content: the listing stays
     * published. The listing is locked by the caller.
     * @throws CatalogProblems.VariantNotFound when the variant is not the listing's
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void change(UUID listingId, UUID variantId, Long priceIdr, Integer stock) {
        int changed = jdbc
            .sql("""
                    UPDATE catalog.listing_variants SET price_idr = coalesce(:price, price_idr), stock = coalesce(:stock, stock)
                    WHERE id = :id AND listing_id = :listing""")
            .param("price", priceIdr)
            .param("stock", stock)
            .param("id", variantId)
            .param("listing", listingId)
            .update();
        if (changed == 0) {
            throw new CatalogProblems.VariantNotFound();
        }
        summarise(listingId);
    }

    /**
     * The listing's price, stock, variant count and options hash from its variants: the
     * trigger's function, for changes (a stock alone) that do not fire it.
     */
    private void summarise(UUID listingId) {
        jdbc.sql("SELECT 1 FROM catalog.summarise_variants(ARRAY[:listing]::uuid[])")
            .param("listing", listingId)
            .query(Integer.class)
            .single();
    }

    static Variant variant(ResultSet rs, int row) throws SQLException {
        return new Variant(rs.getObject("id", UUID.class), rs.getObject("listing_id", UUID.class),
                values(rs.getArray("option_values")), rs.getString("sku"), rs.getLong("price_idr"), rs.getInt("stock"),
                rs.getInt("weight_grams"));
    }

    static List<String> values(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

}
