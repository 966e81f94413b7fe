package id.pasar.orders.internal;

import id.pasar.orders.OrderPlaced;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Counts placed orders per listing and day, after the order's transaction has committed,
 * from the event publication registry (the outbox): if the process dies before this runs,
 * the publication is still there and is delivered again on restart;
 * {@code tallied_orders} makes a second delivery count nothing.
 */
@Component
@RequiredArgsConstructor
class SalesTally {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final JdbcClient jdbc;

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        int first = jdbc.sql("INSERT INTO orders.tallied_orders (order_id) VALUES (:id) ON CONFLICT DO NOTHING")
            .param("id", placed.orderId())
            .update();
        if (first == 0) {
            return;
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
    }

}
