package id.pasar.orders.internal;

import id.pasar.orders.SalesStatistics;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the sales tally ({@link SalesTally}) in aggregate. */
@Component
@RequiredArgsConstructor
class SalesCounts implements SalesStatistics {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

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

    @Override
    @Transactional(readOnly = true)
    public Map<LocalDate, Long> paidByDay(LocalDate from, LocalDate to) {
        Map<LocalDate, Long> paid = new TreeMap<>();
        jdbc.sql("""
                SELECT (paid_at AT TIME ZONE 'Asia/Jakarta')::date AS day, sum(total_idr) AS paid FROM orders.orders
                WHERE paid_at >= :start AND paid_at < :end GROUP BY 1""")
            .param("start", Timestamp.from(from.atStartOfDay(JAKARTA).toInstant()))
            .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(JAKARTA).toInstant()))
            .query(rs -> {
                paid.put(rs.getDate("day").toLocalDate(), rs.getLong("paid"));
            });
        return paid;
    }

}
