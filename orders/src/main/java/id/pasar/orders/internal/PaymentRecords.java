package id.pasar.orders.internal;

import id.pasar.orders.OrderStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code orders.payments}. */
@Component
@RequiredArgsConstructor
class PaymentRecords {

    private static final String COLUMNS = """
            id, order_id, attempt, gateway_order_id, method, channel, amount_idr, status, va_number, bill_key,
            biller_code, qr_string, deeplink, expires_at, created_at""";

    private final JdbcClient jdbc;

    void insert(PaymentView p) {
        jdbc.sql("INSERT INTO orders.payments (" + COLUMNS + """
                ) VALUES (:id, :order, :attempt, :gateway, :method, :channel, :amount, :status, :va, :billKey,
                :billerCode, :qr, :deeplink, :expires, :created)""")
            .param("id", p.id())
            .param("order", p.orderId())
            .param("attempt", p.attempt())
            .param("gateway", p.gatewayOrderId())
            .param("method", p.method().name())
            .param("channel", p.channel())
            .param("amount", p.amountIdr())
            .param("status", p.status())
            .param("va", p.vaNumber())
            .param("billKey", p.billKey())
            .param("billerCode", p.billerCode())
            .param("qr", p.qrString())
            .param("deeplink", p.deeplink())
            .param("expires", Timestamp.from(p.expiresAt()))
            .param("created", Timestamp.from(p.createdAt()))
            .update();
    }

    Optional<PaymentView> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders.payments WHERE id = :id")
            .param("id", id)
            .query(PaymentRecords::map)
            .optional();
    }

    Optional<PaymentView> byGatewayOrderId(String gatewayOrderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders.payments WHERE gateway_order_id = :gateway")
            .param("gateway", gatewayOrderId)
            .query(PaymentRecords::map)
            .optional();
    }

    /** Newest first. */
    List<PaymentView> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders.payments WHERE order_id = :order ORDER BY attempt DESC")
            .param("order", orderId)
            .query(PaymentRecords::map)
            .list();
    }

    void setStatus(UUID id, String status) {
        jdbc.sql("UPDATE orders.payments SET status = :status WHERE id = :id")
            .param("status", status)
            .param("id", id)
            .update();
    }

    private static PaymentView map(ResultSet rs, int row) throws SQLException {
        return new PaymentView(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getInt("attempt"), rs.getString("gateway_order_id"), PaymentMethod.valueOf(rs.getString("method")),
                rs.getString("channel"), rs.getLong("amount_idr"), rs.getString("status"), rs.getString("va_number"),
                rs.getString("bill_key"), rs.getString("biller_code"), rs.getString("qr_string"),
                rs.getString("deeplink"), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    /** What a payment start needs of its order, read and locked by one statement. */
    record Payable(UUID shopperId, OrderStatus status, long totalIdr, Instant expiresAt) {
    }

    /**
     * Locks the order's row and reads what a payment needs: plain SQL, because loading
     * the aggregate would read its seller orders, lines and history too
     * (docs/performance.md).
     */
    Optional<Payable> lockPayable(UUID orderId) {
        return jdbc.sql("SELECT shopper_id, status, total_idr, expires_at FROM orders.orders WHERE id = :id FOR UPDATE")
            .param("id", orderId)
            .query((rs, row) -> new Payable(rs.getObject("shopper_id", UUID.class),
                    OrderStatus.valueOf(rs.getString("status")), rs.getLong("total_idr"),
                    rs.getTimestamp("expires_at").toInstant()))
            .optional();
    }

}
