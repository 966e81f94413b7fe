package id.pasar.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commissions as their creator reads them (docs/social.md, "What a creator may see"):
 * only the creator's own, by the seller orders its references brought, with their
 * attributed amounts. Nothing here reads a seller's other sales.
 */
@Service
@RequiredArgsConstructor
public class Commissions {

    private final JdbcClient jdbc;

    /**
     * One seller order a creator's reference brought.
     *
     * @param grossIdr the attributed lines' item subtotal (not the seller order's)
     * @param status PENDING until the seller order closes, then EARNED or REVERSED
     */
    public record Commission(UUID sellerOrderId, UUID sellerId, long grossIdr, long commissionIdr, int lineCount,
            String status, Instant placedAt, Instant paidAt, Instant closedAt) {
    }

    /**
     * The creator's totals of the seller orders paid from {@code from} to {@code to}.
     *
     * @param orders the seller orders its references brought
     */
    public record Totals(long orders, long grossIdr, long pendingIdr, long earnedIdr, long reversedIdr) {
    }

    @Transactional(readOnly = true)
    public Totals totals(UUID creatorId, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT count(*), coalesce(sum(gross_idr), 0),
                       coalesce(sum(commission_idr) FILTER (WHERE status = 'PENDING'), 0),
                       coalesce(sum(commission_idr) FILTER (WHERE status = 'EARNED'), 0),
                       coalesce(sum(commission_idr) FILTER (WHERE status = 'REVERSED'), 0)
                FROM ledger.commissions WHERE creator_id = :creator AND paid_at >= :from AND paid_at < :to""")
            .param("creator", creatorId)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query((rs, row) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
            .single();
    }

    /**
     * The creator's commissions on seller orders paid in [from, to), the latest paid
     * first, after the keyset position given (null: from the first), up to {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<Commission> page(UUID creatorId, Instant from, Instant to, Instant beforePaid, UUID beforeSellerOrder,
            int limit) {
        return jdbc.sql("""
                SELECT * FROM ledger.commissions
                WHERE creator_id = :creator AND paid_at >= :from AND paid_at < :to
                  AND (CAST(:paid AS timestamptz) IS NULL OR (paid_at, seller_order_id) < (:paid, :sellerOrder))
                ORDER BY paid_at DESC, seller_order_id DESC LIMIT :limit""")
            .param("creator", creatorId)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .param("paid", beforePaid == null ? null : Timestamp.from(beforePaid))
            .param("sellerOrder", beforeSellerOrder)
            .param("limit", limit)
            .query((rs, row) -> commission(rs))
            .list();
    }

    private static Commission commission(ResultSet rs) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Commission(rs.getObject("seller_order_id", UUID.class), rs.getObject("seller_id", UUID.class),
                rs.getLong("gross_idr"), rs.getLong("commission_idr"), rs.getInt("line_count"), rs.getString("status"),
                rs.getTimestamp("placed_at").toInstant(), rs.getTimestamp("paid_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }

}
