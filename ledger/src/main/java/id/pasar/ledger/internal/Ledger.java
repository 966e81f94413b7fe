package id.pasar.ledger.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes postings: a transaction and its entries, insert-only. The database holds the
 * rules as well (V2): every transaction sums to zero at commit, a held account never goes
 * below zero, nothing posted changes; this class refuses an unbalanced posting before it
 * gets there.
 */
@Component
@RequiredArgsConstructor
class Ledger {

    private final JdbcClient jdbc;

    private final Clock clock;

    /** Accounts are never removed: an id once read stays right. */
    private final Map<AccountKey, UUID> accounts = new ConcurrentHashMap<>();

    /**
     * Posts it in the caller's transaction, unless a posting under its source key exists:
     * then nothing (false). Entries are written in the order of their account kinds, then
     * holders, so that two postings lock the accounts they share in the same order (no
     * deadlock); one account's entries keep the order they were added in.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean post(Posting posting) {
        long sum = posting.entries.stream().mapToLong(Posting.Entry::amountIdr).sum();
        if (sum != 0 || posting.entries.isEmpty()) {
            throw new IllegalStateException("posting " + posting.sourceKey + " does not balance: " + sum);
        }
        UUID transactionId = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO ledger.transactions (id, kind, source_key, seller_id, order_id, seller_order_id,
                invoice_number, occurred_at, posted_at)
                VALUES (:id, :kind, :key, :seller, :order, :sellerOrder, :invoice, :occurred, :posted)
                ON CONFLICT (source_key) DO NOTHING""")
            .param("id", transactionId)
            .param("kind", posting.kind.name())
            .param("key", posting.sourceKey)
            .param("seller", posting.sellerId)
            .param("order", posting.orderId)
            .param("sellerOrder", posting.sellerOrderId)
            .param("invoice", posting.invoiceNumber)
            .param("occurred", Timestamp.from(posting.occurredAt))
            .param("posted", Timestamp.from(clock.instant()))
            .update();
        if (inserted == 0) {
            return false;
        }
        List<Posting.Entry> ordered = posting.entries.stream()
            .sorted(Comparator.comparing(Posting.Entry::account)
                .thenComparing(Posting.Entry::holderId, Comparator.nullsFirst(Comparator.naturalOrder())))
            .toList();
        for (Posting.Entry entry : ordered) {
            jdbc.sql("""
                    INSERT INTO ledger.entries (transaction_id, account_id, amount_idr, type, occurred_at)
                    VALUES (:transaction, :account, :amount, :type, :occurred)""")
                .param("transaction", transactionId)
                .param("account", account(entry.account(), entry.holderId()))
                .param("amount", entry.amountIdr())
                .param("type", entry.type().name())
                .param("occurred", Timestamp.from(posting.occurredAt))
                .update();
        }
        return true;
    }

    /** The account's id, opened now if it has none yet. */
    UUID account(AccountKind kind, UUID holderId) {
        if (kind.held() != (holderId != null)) {
            throw new IllegalArgumentException(kind + (holderId == null ? " needs a holder" : " has no holder"));
        }
        AccountKey key = new AccountKey(kind, holderId);
        UUID known = accounts.get(key);
        if (known != null) {
            return known;
        }
        int opened = jdbc.sql("""
                INSERT INTO ledger.accounts (id, kind, holder_id, created_at) VALUES (:id, :kind, :holder, :now)
                ON CONFLICT (kind, holder_id) DO NOTHING""")
            .param("id", UUID.randomUUID())
            .param("kind", kind.name())
            .param("holder", holderId)
            .param("now", Timestamp.from(clock.instant()))
            .update();
        UUID id = (holderId == null
                ? jdbc.sql("SELECT id FROM ledger.accounts WHERE kind = :kind AND holder_id IS NULL")
                : jdbc.sql("SELECT id FROM ledger.accounts WHERE kind = :kind AND holder_id = :holder")
                    .param("holder", holderId))
            .param("kind", kind.name())
            .query(UUID.class)
            .single();
        // An account opened by this transaction is remembered once another has found it
        // committed: this one may yet roll back.
        if (opened == 0) {
            accounts.put(key, id);
        }
        return id;
    }

    UUID transactionOf(String sourceKey) {
        return jdbc.sql("SELECT id FROM ledger.transactions WHERE source_key = :key")
            .param("key", sourceKey)
            .query(UUID.class)
            .single();
    }

    /** The next invoice number: {@code INV/PSR/<year>/<zero-padded sequence>}. */
    String nextInvoiceNumber(int year) {
        long next = jdbc.sql("SELECT nextval('ledger.invoice_numbers')").query(Long.class).single();
        return "INV/PSR/%d/%010d".formatted(year, next);
    }

    private record AccountKey(AccountKind kind, UUID holderId) {
    }

}
