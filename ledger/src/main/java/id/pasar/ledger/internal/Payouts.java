package id.pasar.ledger.internal;

import static id.pasar.ledger.internal.AccountKind.GATEWAY_CLEARING;
import static id.pasar.ledger.internal.AccountKind.SELLER_AVAILABLE;
import static id.pasar.ledger.internal.AccountKind.SELLER_PAYOUTS;

import id.pasar.ledger.PayoutPaid;
import id.pasar.ledger.internal.Posting.EntryType;
import id.pasar.ledger.internal.Posting.Side;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payouts of a seller's available money to its bank account (docs/ledger.md, "Payouts").
 * Requested: Dr SELLER_AVAILABLE, Cr SELLER_PAYOUTS, under the Idempotency-Key; the
 * balance's CHECK in the database is what keeps two payouts at once from overdrawing it
 * (the second waits on the account's row, then fails the check: 422). Sent through the
 * {@link Disbursement} by the payout job, one transaction per payout holding its row;
 * PAID: Dr SELLER_PAYOUTS, Cr GATEWAY_CLEARING (the money leaves the gateway), and
 * {@link PayoutPaid} through the outbox; FAILED: Dr SELLER_PAYOUTS, Cr SELLER_AVAILABLE.
 */
@Slf4j
@Component
public class Payouts {

    private static final String COLUMNS = """
            p.id, p.seller_id, p.amount_idr, p.note, p.state, p.bank_account_id, b.bank_code,
            b.account_number_masked, p.gateway_reference, p.failure_reason, p.requested_at, p.sent_at, p.paid_at,
            p.failed_at""";

    private final JdbcClient jdbc;

    private final Ledger ledger;

    private final BankAccounts accounts;

    private final PayoutKeys keys;

    private final PayoutProperties properties;

    private final Disbursement disbursement;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transactions;

    private final Clock clock;

    Payouts(JdbcClient jdbc, Ledger ledger, BankAccounts accounts, PayoutKeys keys, PayoutProperties properties,
            Disbursement disbursement, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.accounts = accounts;
        this.keys = keys;
        this.properties = properties;
        this.disbursement = disbursement;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public enum State {

        REQUESTED, SENT, PAID, FAILED

    }

    public record Payout(UUID payoutId, UUID sellerId, long amountIdr, String note, State state, UUID bankAccountId,
            String bankCode, String maskedAccountNumber, String gatewayReference, String failureReason,
            Instant requestedAt, Instant sentAt, Instant paidAt, Instant failedAt) {
    }

    /**
     * What to answer: the stored status and body, {@code payoutId} null on a replay.
     */
    public record Answer(int status, String body, UUID payoutId) {
    }

    /** What Iris notified: its fields as sent. */
    public record Notification(String referenceNo, String amount, String status, String updatedAt, String errorCode,
            String errorMessage) {
    }

    /**
     * Requests a payout under the Idempotency-Key (ADR 0016's protocol): a retry answers
     * the first answer; any refusal releases the key.
     * @param render the payout as the response body to store and replay
     */
    public Answer request(UUID sellerId, String key, String requestHash, long amountIdr, String note,
            Function<Payout, String> render) {
        PayoutKeys.Replay replay = keys.claim(sellerId, key, requestHash);
        if (replay != null) {
            return new Answer(replay.status(), replay.body(), null);
        }
        try {
            return transactions.execute(tx -> {
                Payout payout = requestClaimed(sellerId, amountIdr, note);
                String body = render.apply(payout);
                keys.complete(sellerId, key, 201, body);
                return new Answer(201, body, payout.payoutId());
            });
        }
        catch (DataIntegrityViolationException e) {
            RuntimeException refusal = e.getMessage() != null && e.getMessage().contains("holder_balance_not_negative")
                    ? new PayoutProblems.InsufficientBalance(available(sellerId)) : e;
            release(sellerId, key, refusal);
            throw refusal;
        }
        catch (RuntimeException | Error failure) {
            release(sellerId, key, failure);
            throw failure;
        }
    }

    private void release(UUID sellerId, String key, Throwable failure) {
        try {
            keys.release(sellerId, key);
        }
        catch (RuntimeException releaseFailed) {
            // The database is gone too: the claim is taken over once abandoned.
            failure.addSuppressed(releaseFailed);
        }
    }

    private Payout requestClaimed(UUID sellerId, long amountIdr, String note) {
        if (amountIdr < properties.payoutMinimumIdr()) {
            throw new PayoutProblems.PayoutTooSmall(properties.payoutMinimumIdr());
        }
        BankAccounts.Account account = accounts.current(sellerId).orElseThrow(PayoutProblems.BankAccountRequired::new);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (account.payoutsHeldUntil() != null && now.isBefore(account.payoutsHeldUntil())) {
            throw new PayoutProblems.PayoutsOnHold(account.payoutsHeldUntil());
        }
        long available = available(sellerId);
        if (amountIdr > available) {
            throw new PayoutProblems.InsufficientBalance(available);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO ledger.payouts (id, seller_id, bank_account_id, amount_idr, note, state, requested_at)
                VALUES (:id, :seller, :account, :amount, :note, 'REQUESTED', :at)""")
            .param("id", id)
            .param("seller", sellerId)
            .param("account", account.id())
            .param("amount", amountIdr)
            .param("note", note)
            .param("at", Timestamp.from(now))
            .update();
        // Waits on the seller's available account while another posting to it runs; the
        // balance's CHECK refuses what would take it below zero.
        ledger.post(new Posting(Posting.Kind.PAYOUT_REQUESTED, "payout:" + id, now).about(null, null, sellerId)
            .debitCredit(amountIdr, new Side(SELLER_AVAILABLE, sellerId, EntryType.PAYOUT),
                    new Side(SELLER_PAYOUTS, sellerId, EntryType.PAYOUT)));
        log.info("Payout {} of Rp {} requested by seller {} to {} {}", id, amountIdr, sellerId, account.bank().code(),
                account.maskedAccountNumber());
        return new Payout(id, sellerId, amountIdr, note, State.REQUESTED, account.id(), account.bank().code(),
                account.maskedAccountNumber(), null, null, now, null, null, null);
    }

    private long available(UUID sellerId) {
        return jdbc
            .sql("SELECT balance_idr FROM ledger.accounts WHERE kind = 'SELLER_AVAILABLE' AND holder_id = :seller")
            .param("seller", sellerId)
            .query(Long.class)
            .optional()
            .orElse(0L);
    }

    /**
     * The seller's payouts, newest first, after the given one (null: from the newest).
     */
    @Transactional(readOnly = true)
    public List<Payout> page(UUID sellerId, Instant afterRequestedAt, UUID afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM ledger.payouts p JOIN ledger.bank_accounts b ON b.id = p.bank_account_id
                WHERE p.seller_id = :seller AND (CAST(:afterAt AS timestamptz) IS NULL
                      OR (p.requested_at, p.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                ORDER BY p.requested_at DESC, p.id DESC LIMIT :limit""")
            .param("seller", sellerId)
            .param("afterAt", afterRequestedAt == null ? null : Timestamp.from(afterRequestedAt))
            .param("afterId", afterId)
            .param("limit", limit)
            .query((rs, row) -> payout(rs))
            .list();
    }

    /**
     * One of the seller's payouts.
     * @throws PayoutProblems.PayoutNotFound for another seller's, as for none
     */
    @Transactional(readOnly = true)
    public Payout one(UUID sellerId, UUID payoutId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM ledger.payouts p JOIN ledger.bank_accounts b ON b.id = p.bank_account_id
                WHERE p.id = :id AND p.seller_id = :seller""")
            .param("id", payoutId)
            .param("seller", sellerId)
            .query((rs, row) -> payout(rs))
            .optional()
            .orElseThrow(PayoutProblems.PayoutNotFound::new);
    }

    /** Requested payouts, oldest first. */
    @Transactional(readOnly = true)
    public List<UUID> due(int limit) {
        return jdbc.sql("SELECT id FROM ledger.payouts WHERE state = 'REQUESTED' ORDER BY requested_at LIMIT :limit")
            .param("limit", limit)
            .query(UUID.class)
            .list();
    }

    /**
     * Sends a requested payout through the disbursement gateway, holding its row: another
     * instance's run skips it, and one that finds it sent leaves it alone. The payout's
     * id goes with it, so a retry after a lost answer is paid once.
     */
    @Transactional
    public void send(UUID payoutId) {
        Optional<Payout> locked = jdbc.sql("SELECT " + COLUMNS + """
                 FROM ledger.payouts p JOIN ledger.bank_accounts b ON b.id = p.bank_account_id
                WHERE p.id = :id AND p.state = 'REQUESTED' FOR UPDATE OF p SKIP LOCKED""")
            .param("id", payoutId)
            .query((rs, row) -> payout(rs))
            .optional();
        if (locked.isEmpty()) {
            return;
        }
        Payout payout = locked.get();
        BankAccounts.Details to = accounts.details(payout.bankAccountId());
        Disbursement.Outcome outcome = disbursement
            .send(new Disbursement.Transfer(payout.payoutId(), payout.amountIdr(), to.bank(), to.accountNumber(),
                    to.maskedAccountNumber(), to.holderName(), payout.note()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (outcome instanceof Disbursement.Refused refused) {
            fail(payout, refused.reason(), now);
            return;
        }
        String reference = outcome instanceof Disbursement.Paid paid ? paid.reference()
                : ((Disbursement.Sent) outcome).reference();
        jdbc.sql(
                "UPDATE ledger.payouts SET state = 'SENT', sent_at = :at, gateway_reference = :reference WHERE id = :id")
            .param("at", Timestamp.from(now))
            .param("reference", reference)
            .param("id", payout.payoutId())
            .update();
        log.info("Payout {} sent: {}", payout.payoutId(), reference);
        if (outcome instanceof Disbursement.Paid) {
            pay(payout, now);
        }
    }

    /**
     * What the gateway notified about a sent payout: completed is PAID, failed (or
     * rejected by the approver) FAILED; a notification about a payout that ended already
     * changes nothing.
     * @return {@code paid}, {@code failed} or {@code ignored}
     * @throws PayoutProblems.PayoutNotFound for a reference no payout has
     * @throws PayoutProblems.NotificationInconsistent when its amount is not the payout's
     */
    @Transactional
    public String notified(Notification notification) {
        Payout payout = jdbc.sql("SELECT " + COLUMNS + """
                 FROM ledger.payouts p JOIN ledger.bank_accounts b ON b.id = p.bank_account_id
                WHERE p.gateway_reference = :reference FOR UPDATE OF p""")
            .param("reference", notification.referenceNo())
            .query((rs, row) -> payout(rs))
            .optional()
            .orElseThrow(PayoutProblems.PayoutNotFound::new);
        if (!sameAmount(notification.amount(), payout.amountIdr())) {
            log.warn("Iris notified {} of payout {} with amount {}, not {}", notification.status(), payout.payoutId(),
                    notification.amount(), payout.amountIdr());
            throw new PayoutProblems.NotificationInconsistent();
        }
        if (payout.state() == State.PAID || payout.state() == State.FAILED) {
            return "ignored";
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if ("completed".equals(notification.status())) {
            pay(payout, now);
            return "paid";
        }
        if ("failed".equals(notification.status()) || "rejected".equals(notification.status())) {
            fail(payout, "iris " + notification.status() + ": " + notification.errorCode() + " "
                    + notification.errorMessage(), now);
            return "failed";
        }
        return "ignored";
    }

    private void pay(Payout payout, Instant paidAt) {
        jdbc.sql("UPDATE ledger.payouts SET state = 'PAID', paid_at = :at WHERE id = :id")
            .param("at", Timestamp.from(paidAt))
            .param("id", payout.payoutId())
            .update();
        ledger.post(new Posting(Posting.Kind.PAYOUT_PAID, "payout-paid:" + payout.payoutId(), paidAt)
            .about(null, null, payout.sellerId())
            .debitCredit(payout.amountIdr(), new Side(SELLER_PAYOUTS, payout.sellerId(), EntryType.PAYOUT),
                    Side.platform(GATEWAY_CLEARING, EntryType.PAYOUT)));
        events.publishEvent(new PayoutPaid(payout.payoutId(), payout.sellerId(), payout.amountIdr(), payout.bankCode(),
                payout.maskedAccountNumber(), paidAt));
        log.info("Payout {} of Rp {} paid to seller {}", payout.payoutId(), payout.amountIdr(), payout.sellerId());
    }

    private void fail(Payout payout, String reason, Instant failedAt) {
        String kept = reason.length() > 500 ? reason.substring(0, 500) : reason;
        jdbc.sql("UPDATE ledger.payouts SET state = 'FAILED', failed_at = :at, failure_reason = :reason WHERE id = :id")
            .param("at", Timestamp.from(failedAt))
            .param("reason", kept)
            .param("id", payout.payoutId())
            .update();
        ledger.post(new Posting(Posting.Kind.PAYOUT_FAILED, "payout-failed:" + payout.payoutId(), failedAt)
            .about(null, null, payout.sellerId())
            .debitCredit(payout.amountIdr(), new Side(SELLER_PAYOUTS, payout.sellerId(), EntryType.PAYOUT_RETURNED),
                    new Side(SELLER_AVAILABLE, payout.sellerId(), EntryType.PAYOUT_RETURNED)));
        log.warn("Payout {} of Rp {} failed, back to seller {}'s available balance: {}", payout.payoutId(),
                payout.amountIdr(), payout.sellerId(), kept);
    }

    private static boolean sameAmount(String notified, long amountIdr) {
        try {
            return notified != null && new BigDecimal(notified.strip()).compareTo(BigDecimal.valueOf(amountIdr)) == 0;
        }
        catch (NumberFormatException e) {
            return false;
        }
    }

    private static Payout payout(ResultSet rs) throws SQLException {
        return new Payout(rs.getObject("id", UUID.class), rs.getObject("seller_id", UUID.class),
                rs.getLong("amount_idr"), rs.getString("note"), State.valueOf(rs.getString("state")),
                rs.getObject("bank_account_id", UUID.class), rs.getString("bank_code"),
                rs.getString("account_number_masked"), rs.getString("gateway_reference"),
                rs.getString("failure_reason"), instant(rs, "requested_at"), instant(rs, "sent_at"),
                instant(rs, "paid_at"), instant(rs, "failed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

}
