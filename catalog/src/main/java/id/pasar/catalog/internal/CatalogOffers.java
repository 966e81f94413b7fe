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
    public Map<UUID, Offer> current(Collection<UUID> listingIds) {
        if (listingIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT id, seller_id, shop_name, title, status, price_idr, stock FROM catalog.listings
                WHERE id IN (:ids)""")
            .param("ids", listingIds)
            .query((rs, row) -> new Offer(rs.getObject("id", UUID.class), rs.getObject("seller_id", UUID.class),
                    rs.getString("shop_name"), rs.getString("title"),
                    availability(Listing.Status.valueOf(rs.getString("status"))), rs.getLong("price_idr"),
                    rs.getInt("stock")))
            .list()
            .stream()
            .collect(Collectors.toMap(Offer::listingId, Function.identity()));
    }

    private static Availability availability(Listing.Status status) {
        return switch (status) {
            case PUBLISHED -> Availability.ON_SALE;
            case DRAFT -> Availability.UNAVAILABLE;
            case SUSPENDED -> Availability.TAKEN_DOWN;
        };
    }

}
