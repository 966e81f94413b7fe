package id.pasar.catalog.internal;

import id.pasar.catalog.ListingOffers;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
@RequiredArgsConstructor
class CatalogOffers implements ListingOffers {

    private final JdbcClient jdbc;

    @Override
    public Map<UUID, Offer> current(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT v.id, v.listing_id, v.option_values, l.seller_id, l.shop_name, l.title, l.status, v.price_idr,
                       v.stock
                FROM catalog.listing_variants v JOIN catalog.listings l ON l.id = v.listing_id WHERE v.id IN (:ids)""")
            .param("ids", variantIds)
            .query((rs, row) -> new Offer(rs.getObject("id", UUID.class), rs.getObject("listing_id", UUID.class),
                    Variant.label(ListingVariants.values(rs.getArray("option_values"))),
                    rs.getObject("seller_id", UUID.class), rs.getString("shop_name"), rs.getString("title"),
                    availability(Listing.Status.valueOf(rs.getString("status"))), rs.getLong("price_idr"),
                    rs.getInt("stock")))
            .list()
            .stream()
            .collect(Collectors.toMap(Offer::variantId, Function.identity()));
    }

    private static Availability availability(Listing.Status status) {
        return switch (status) {
            case PUBLISHED -> Availability.ON_SALE;
            case DRAFT -> Availability.UNAVAILABLE;
            case SUSPENDED -> Availability.TAKEN_DOWN;
        };
    }

}
