package id.pasar.orders.internal;

import id.pasar.orders.SalesStatistics;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the sales tally ({@link SalesTally}) in aggregate. */
@Component
@RequiredArgsConstructor
class SalesCounts implements SalesStatistics {

    private final JdbcClient jdbc;

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Long> ordersBySeller(LocalDate from, LocalDate to) {
        Map<UUID, Long> orders = new HashMap<>();
        jdbc.sql(
                "SELECT seller_id, sum(orders) AS orders FROM orders.listing_daily_sales WHERE day BETWEEN :from AND :to"
                        + " GROUP BY seller_id")
            .param("from", Date.valueOf(from))
            .param("to", Date.valueOf(to))
            .query(rs -> {
                orders.put(rs.getObject("seller_id", UUID.class), rs.getLong("orders"));
            });
        return orders;
    }

}
