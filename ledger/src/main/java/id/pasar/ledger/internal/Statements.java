package id.pasar.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A holder's own money (a seller's or a creator's): the balances of its accounts and its
 * statement, every entry on them with the account's balance after it. Only ever of the
 * holder asked for: the controllers pass the caller's own seller or creator.
 */
@Component
@RequiredArgsConstructor
public class Statements {

    private static final String LINE = """
            SELECT e.id, e.occurred_at, a.kind AS account, e.type, e.amount_idr, e.balance_after_idr,
                   t.kind AS transaction_kind, t.order_id, t.seller_order_id, t.invoice_number
            FROM ledger.entries e JOIN ledger.accounts a ON a.id = e.account_id
            JOIN ledger.transactions t ON t.id = e.transaction_id
            WHERE a.holder_id = :holder AND e.occurred_at >= :from AND e.occurred_at < :to""";

    private final JdbcClient jdbc;

    /** Each of the holder's accounts' balance; 0 for one not opened yet. */
    @Transactional(readOnly = true)
    public Map<AccountKind, Long> balances(AccountKind.Holder holder, UUID holderId) {
        Map<AccountKind, Long> balances = new EnumMap<>(AccountKind.class);
        for (AccountKind kind : AccountKind.values()) {
            if (kind.holder() == holder) {
                balances.put(kind, 0L);
            }
        }
        jdbc.sql("SELECT kind, balance_idr FROM ledger.accounts WHERE holder_id = :holder")
            .param("holder", holderId)
            .query((ResultSet rs) -> {
                balances.put(AccountKind.valueOf(rs.getString(1)), rs.getLong(2));
            });
        return balances;
    }

    /**
     * A statement line: the entry as its holder reads it, {@code amountIdr} positive when
     * it adds to the account (all held accounts are on the credit side).
     */
    public record Line(long entryId, Instant occurredAt, AccountKind account, String type, long amountIdr,
            long balanceAfterIdr, String transactionKind, UUID orderId, UUID sellerOrderId, String invoiceNumber) {
    }

    /**
     * The holder's entries from {@code from} (inclusive) to {@code to} (exclusive), in
     * the order they were posted, after entry {@code afterEntry} (null: from the first),
     * up to {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<Line> page(UUID holderId, Instant from, Instant to, Long afterEntry, int limit) {
        return jdbc.sql(LINE + " AND e.id > :after ORDER BY e.id LIMIT :limit")
            .param("holder", holderId)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .param("after", afterEntry == null ? 0L : afterEntry)
            .param("limit", limit)
            .query((rs, row) -> line(rs))
            .list();
    }

    /** Every entry of the period, in order, one by one (a CSV download). */
    @Transactional(readOnly = true)
    public void each(UUID holderId, Instant from, Instant to, Consumer<Line> sink) {
        jdbc.sql(LINE + " ORDER BY e.id")
            .param("holder", holderId)
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query((ResultSet rs) -> sink.accept(line(rs)));
    }

    private static Line line(ResultSet rs) throws SQLException {
        return new Line(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                AccountKind.valueOf(rs.getString("account")), rs.getString("type"), -rs.getLong("amount_idr"),
                rs.getLong("balance_after_idr"), rs.getString("transaction_kind"), rs.getObject("order_id", UUID.class),
                rs.getObject("seller_order_id", UUID.class), rs.getString("invoice_number"));
    }

}
