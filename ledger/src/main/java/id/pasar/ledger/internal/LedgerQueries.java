package id.pasar.ledger.internal;

import id.pasar.ledger.LedgerStatistics;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@RequiredArgsConstructor
class LedgerQueries implements LedgerStatistics {

    private final JdbcClient jdbc;

    @Override
    @Transactional(readOnly = true)
    public List<SellerTax> taxes(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT seller_id, count(*), sum(gross_idr), sum(withheld_idr) FROM ledger.withholdings
                WHERE completed_at >= :from AND completed_at < :to GROUP BY seller_id ORDER BY seller_id""")
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query((rs, row) -> new SellerTax(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
            .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SellerFees> fees(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT f.seller_id, sum(f.subtotal_idr), sum(f.fee_idr) FROM ledger.withholdings w
                JOIN ledger.seller_order_fees f ON f.seller_order_id = w.seller_order_id
                WHERE w.completed_at >= :from AND w.completed_at < :to GROUP BY f.seller_id ORDER BY f.seller_id""")
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query((rs, row) -> new SellerFees(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3)))
            .list();
    }

    /**
     * From the entries alone: each seller order paid in the period, with the entries of
     * its payment and of its closing (if any) summed by account kind; a credit is
     * negative, so each figure is the negated sum of its account's entries.
     */
    @Override
    @Transactional(readOnly = true)
    public List<PaidDay> paidDays(LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new long[8]);
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(TaxRules.JAKARTA).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(TaxRules.JAKARTA).toInstant());
        jdbc.sql(
                """
                        WITH paid AS (
                            SELECT seller_order_id, (occurred_at AT TIME ZONE 'Asia/Jakarta')::date AS day
                            FROM ledger.transactions WHERE kind = 'PAYMENT_SETTLED' AND occurred_at >= :start AND occurred_at < :end
                        )
                        SELECT p.day,
                               sum(e.amount_idr) FILTER (WHERE a.kind = 'GATEWAY_CLEARING'),
                               -sum(e.amount_idr) FILTER (WHERE a.kind = 'SELLER_AVAILABLE'),
                               -sum(e.amount_idr) FILTER (WHERE a.kind = 'FEE_INCOME'),
                               -sum(e.amount_idr) FILTER (WHERE a.kind = 'SELLER_WITHHELD_TAX'),
                               -sum(e.amount_idr) FILTER (WHERE a.kind IN ('CREATOR_PENDING', 'CREATOR_AVAILABLE')),
                               -sum(e.amount_idr) FILTER (WHERE a.kind = 'REFUNDS_PAYABLE'),
                               -sum(e.amount_idr) FILTER (WHERE a.kind = 'SELLER_PENDING')
                        FROM paid p
                        JOIN ledger.transactions t ON t.seller_order_id = p.seller_order_id
                            AND t.kind IN ('PAYMENT_SETTLED', 'SELLER_ORDER_COMPLETED', 'SELLER_ORDER_REFUNDED')
                        JOIN ledger.entries e ON e.transaction_id = t.id
                        JOIN ledger.accounts a ON a.id = e.account_id
                        GROUP BY p.day""")
            .param("start", start)
            .param("end", end)
            .query((ResultSet rs) -> {
                long[] figures = days.get(rs.getDate(1).toLocalDate());
                for (int i = 0; i < 7; i++) {
                    figures[i] = rs.getLong(i + 2);
                }
            });
        jdbc.sql("""
                SELECT (t.occurred_at AT TIME ZONE 'Asia/Jakarta')::date, sum(e.amount_idr)
                FROM ledger.transactions t JOIN ledger.entries e ON e.transaction_id = t.id
                JOIN ledger.accounts a ON a.id = e.account_id AND a.kind = 'GATEWAY_CLEARING'
                WHERE t.kind = 'SETTLEMENT_NOT_TAKEN' AND t.occurred_at >= :start AND t.occurred_at < :end
                GROUP BY 1""").param("start", start).param("end", end).query((ResultSet rs) -> {
            days.get(rs.getDate(1).toLocalDate())[7] = rs.getLong(2);
        });
        return days.entrySet().stream().map(day -> {
            long[] f = day.getValue();
            return new PaidDay(day.getKey(), f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
        }).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SellerAffiliateSales> affiliateSales(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT f.seller_id, count(*), sum(f.subtotal_idr), count(c.seller_order_id),
                       coalesce(sum(c.gross_idr), 0), coalesce(sum(c.earned_idr), 0)
                FROM ledger.seller_order_fees f
                LEFT JOIN (SELECT seller_order_id, sum(gross_idr) AS gross_idr,
                                  coalesce(sum(commission_idr) FILTER (WHERE status = 'EARNED'), 0) AS earned_idr
                           FROM ledger.commissions WHERE paid_at >= :from AND paid_at < :to
                           GROUP BY seller_order_id) c ON c.seller_order_id = f.seller_order_id
                WHERE f.paid_at >= :from AND f.paid_at < :to
                GROUP BY f.seller_id ORDER BY f.seller_id""")
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query((rs, row) -> new SellerAffiliateSales(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3),
                    rs.getLong(4), rs.getLong(5), rs.getLong(6)))
            .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CreatorCommissions> creatorCommissions(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT creator_id, count(*), sum(gross_idr),
                       coalesce(sum(commission_idr) FILTER (WHERE status = 'EARNED'), 0),
                       coalesce(sum(commission_idr) FILTER (WHERE status = 'PENDING'), 0),
                       coalesce(sum(commission_idr) FILTER (WHERE status = 'REVERSED'), 0)
                FROM ledger.commissions WHERE paid_at >= :from AND paid_at < :to
                GROUP BY creator_id ORDER BY creator_id""")
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query((rs, row) -> new CreatorCommissions(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3),
                    rs.getLong(4), rs.getLong(5), rs.getLong(6)))
            .list();
    }

}
