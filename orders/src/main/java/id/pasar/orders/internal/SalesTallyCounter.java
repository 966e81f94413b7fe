package id.pasar.orders.internal;

import id.pasar.orders.OrderPlaced;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts a placed order per listing and day, once: {@code tallied_orders} makes a second
 * delivery of the same order count nothing, whether it came again from the outbox
 * ({@link SalesTally}) or from Kafka ({@link SalesTallyConsumer}). The order's mark and
 * its counts commit together.
 */
@Component
@RequiredArgsConstructor
class SalesTallyCounter {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final JdbcClient jdbc;

    /** Returns whether the order was counted now (false: it had been before). */
    @Transactional
    boolean count(OrderPlaced placed) {
        int first = jdbc.sql("INSERT INTO orders.tallied_orders (order_id) VALUES (:id) ON CONFLICT DO NOTHING")
            .param("id", placed.orderId())
            .update();
        if (first == 0) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(placed.placedAt(), JAKARTA);
        placed.lines()
            .forEach(line -> jdbc.sql("""
                    INSERT INTO orders.listing_daily_sales (day, listing_id, seller_id, orders, units, revenue_idr)
                    VALUES (:day, :listing, :seller, 1, :units, :revenue)
                    ON CONFLICT (day, listing_id) DO UPDATE SET orders = listing_daily_sales.orders + 1,
                        units = listing_daily_sales.units + EXCLUDED.units,
                        revenue_idr = listing_daily_sales.revenue_idr + EXCLUDED.revenue_idr""")
                .param("day", Date.valueOf(day))
                .param("listing", line.listingId())
                .param("seller", line.sellerId())
                .param("units", line.quantity())
                .param("revenue", line.lineTotalIdr())
                .update());
        return true;
    }

}
