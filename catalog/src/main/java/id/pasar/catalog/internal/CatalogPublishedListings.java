package id.pasar.catalog.internal;

import id.pasar.catalog.PublishedListings;
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
class CatalogPublishedListings implements PublishedListings {

    private final JdbcClient jdbc;

    @Override
    public Map<UUID, Shelved> published(Collection<UUID> listingIds) {
        if (listingIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT id, seller_id, shop_name, title, price_idr, photo_ids[1] AS cover
                FROM catalog.listings WHERE id IN (:ids) AND status = 'PUBLISHED'""")
            .param("ids", listingIds)
            .query((rs, row) -> new Shelved(rs.getObject("id", UUID.class), rs.getObject("seller_id", UUID.class),
                    rs.getString("shop_name"), rs.getString("title"), rs.getLong("price_idr"),
                    rs.getObject("cover", UUID.class)))
            .list()
            .stream()
            .collect(Collectors.toMap(Shelved::listingId, Function.identity()));
    }

}
