package id.pasar.catalog.internal;

import id.pasar.catalog.ListingStock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class StockKeeper implements ListingStock {

    private final JdbcClient jdbc;

    private final SoldOutListings soldOut;

    @Override
    public boolean seenSoldOut(UUID listingId) {
        return soldOut.soldOut(listingId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Taken> quote(Map<UUID, Integer> quantities) {
        List<Taken> quoted = new ArrayList<>();
        new TreeMap<>(quantities).forEach((listingId, quantity) -> quoted.add(jdbc.sql("""
                SELECT seller_id, version, title, price_idr, ship_from_regency_code, weight_grams, stock
                FROM catalog.listings
                WHERE id = :id AND status = 'PUBLISHED'""").param("id", listingId).query((rs, row) -> {
            int available = rs.getInt("stock");
            soldOut.read(listingId, available);
            if (available < quantity) {
                throw new InsufficientStock(listingId, available);
            }
            return taken(rs, listingId, quantity);
        }).optional().orElseThrow(() -> new ListingNotAvailable(listingId))));
        return quoted;
    }

    /**
     * Listings are taken in id order, so two checkouts sharing listings never wait on
     * each other in a cycle.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(List<Taken> quoted) {
        quoted.stream().sorted(Comparator.comparing(Taken::listingId)).forEach(line -> {
            Taken now = jdbc.sql("""
                    UPDATE catalog.listings SET stock = stock - :quantity
                    WHERE id = :id AND status = 'PUBLISHED' AND stock >= :quantity
                    RETURNING id, seller_id, version, title, price_idr, ship_from_regency_code, weight_grams""")
                .param("id", line.listingId())
                .param("quantity", line.quantity())
                .query((rs, row) -> taken(rs, line.listingId(), line.quantity()))
                .optional()
                .orElseThrow(() -> whyNot(line.listingId()));
            if (!now.equals(line)) {
                throw new QuoteChanged(line.listingId());
            }
        });
    }

    private static Taken taken(ResultSet rs, UUID listingId, int quantity) throws SQLException {
        return new Taken(listingId, rs.getObject("seller_id", UUID.class), rs.getInt("version"), rs.getString("title"),
                rs.getLong("price_idr"), rs.getString("ship_from_regency_code"), rs.getInt("weight_grams"), quantity);
    }

    private RuntimeException whyNot(UUID listingId) {
        return jdbc.sql("SELECT stock FROM catalog.listings WHERE id = :id AND status = 'PUBLISHED'")
            .param("id", listingId)
            .query(Integer.class)
            .optional()
            .<RuntimeException>map(available -> {
                soldOut.read(listingId, available);
                return new InsufficientStock(listingId, available);
            })
            .orElseGet(() -> new ListingNotAvailable(listingId));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void giveBack(Map<UUID, Integer> quantities) {
        new TreeMap<>(quantities).forEach((listingId, quantity) -> {
            jdbc.sql("UPDATE catalog.listings SET stock = stock + :quantity WHERE id = :id")
                .param("id", listingId)
                .param("quantity", quantity)
                .update();
            soldOut.forget(listingId);
        });
    }

}
