package id.pasar.ledger.internal;

import static id.pasar.ledger.internal.AccountKind.GATEWAY_CLEARING;

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
 * Payouts of a payee's available money to its bank account (docs/ledger.md, "Payouts"): a
 * seller's from SELLER_AVAILABLE through SELLER_PAYOUTS, a creator's from
 * CREATOR_AVAILABLE through CREATOR_PAYOUTS ({@link AccountKind.Holder}), one mechanism.
 * Requested: Dr available, Cr payouts, under the Idempotency-Key; the balance's CHECK in
 * the database is what keeps two payouts at once from overdrawing it (the second waits on
 * the account's row, then fails the check: 422). Sent through the {@link Disbursement} by
 * the payout job, one transaction per payout holding its row; PAID: Dr payouts, Cr
 * GATEWAY_CLEARING (the money leaves the gateway), and for a seller {@link PayoutPaid}
 * through the outbox (its webhooks); FAILED: Dr payouts, Cr available.
 */
@Slf4j
@Component
public class Payouts {

    private static final String COLUMNS = """
            p.id, p.holder_kind, p.holder_id, p.amount_idr, p.note, p.state, p.bank_account_id, b.bank_code,
            b.account_number_masked, p.gateway_reference, p.failure_reason, p.requested_at, p.sent_at, p.paid_at,
            p.failed_at""";

    private final JdbcClient jdbc;

    private final Ledger ledger;

    private final BankAccounts accounts;

    private final Payees payees;

    private final PayoutKeys keys;

    private final PayoutProperties properties;

    private final Disbursement disbursement;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transactions;

    private final Clock clock;

    Payouts(JdbcClient jdbc, Ledger ledger, BankAccounts accounts, Payees payees, PayoutKeys keys,
            PayoutProperties properties, Disbursement disbursement, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.accounts = accounts;
        this.payees = payees;
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

    public record Payout(UUID payoutId, Payee payee, long amountIdr, String note, State state, UUID bankAccountId,
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
    public Answer request(Payee payee, String key, String requestHash, long amountIdr, String note,
            Function<Payout, String> render) {
        PayoutKeys.Replay replay = keys.claim(payee, key, requestHash);
        if (replay != null) {
            return new Answer(replay.status(), replay.body(), null);
        }
        try {
            return transactions.execute(tx -> {
                Payout payout = requestClaimed(payee, amountIdr, note);
                String body = render.apply(payout);
                keys.complete(payee, key, 201, body);
                return new Answer(201, body, payout.payoutId());
            });
        }
        catch (DataIntegrityViolationException e) {
            RuntimeException refusal = e.getMessage() != null && e.getMessage().contains("holder_balance_not_negative")
                    ? new PayoutProblems.InsufficientBalance(available(payee)) : e;
            release(payee, key, refusal);
            throw refusal;
        }
        catch (RuntimeException | Error failure) {
            release(payee, key, failure);
            throw failure;
        }
    }

    private void release(Payee payee, String key, Throwable failure) {
        try {
            keys.release(payee, key);
        }
        catch (RuntimeException releaseFailed) {
            // The database is gone too: the claim is taken over once abandoned.
            failure.addSuppressed(releaseFailed);
        }
    }

    private Payout requestClaimed(Payee payee, long amountIdr, String note) {
        payees.checkPayable(payee);
        if (amountIdr < properties.payoutMinimumIdr()) {
            throw new PayoutProblems.PayoutTooSmall(properties.payoutMinimumIdr());
        }
        BankAccounts.Account account = accounts.current(payee).orElseThrow(PayoutProblems.BankAccountRequired::new);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (account.payoutsHeldUntil() != null && now.isBefore(account.payoutsHeldUntil())) {
            throw new PayoutProblems.PayoutsOnHold(account.payoutsHeldUntil());
        }
        long available = available(payee);
        if (amountIdr > available) {
            throw new PayoutProblems.InsufficientBalance(available);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO ledger.payouts (id, holder_kind, holder_id, bank_account_id, amount_idr, note, state,
                requested_at)
                VALUES (:id, :kind, :holder, :account, :amount, :note, 'REQUESTED', :at)""")
            .param("id", id)
            .param("kind", payee.kind().name())
            .param("holder", payee.id())
            .param("account", account.id())
            .param("amount", amountIdr)
            .param("note", note)
            .param("at", Timestamp.from(now))
            .update();
        // Waits on the payee's available account while another posting to it runs; the
        // balance's CHECK refuses what would take it below zero.
        ledger.post(new Posting(Posting.Kind.PAYOUT_REQUESTED, "payout:" + id, now).about(null, null, sellerOf(payee))
            .debitCredit(amountIdr, new Side(payee.kind().available(), payee.id(), EntryType.PAYOUT),
                    new Side(payee.kind().payouts(), payee.id(), EntryType.PAYOUT)));
        log.info("Payout {} of Rp {} requested by {} to {} {}", id, amountIdr, payee, account.bank().code(),
                account.maskedAccountNumber());
        return new Payout(id, payee, amountIdr, note, State.REQUESTED, account.id(), account.bank().code(),
                account.maskedAccountNumber(), null, null, now, null, null, null);
    }

    /**
     * The seller a payout's ledger transaction names ({@code transactions.seller_id});
     * none for a creator's.
     */
    private static UUID sellerOf(Payee payee) {
        return payee.kind() == AccountKind.Holder.SELLER ? payee.id() : null;
    }

    private long available(Payee payee) {
        return jdbc.sql("SELECT balance_idr FROM ledger.accounts WHERE kind = :kind AND holder_id = :holder")
            .param("kind", payee.kind().available().name())
            .param("holder", payee.id())
            .query(Long.class)
            .optional()
            .orElse(0L);
    }

    /**
     * The payee's payouts, newest first, after the given one (null: from the newest).
     */
    @Transactional(readOnly = true)
    public List<Payout> page(Payee payee, Instant afterRequestedAt, UUID afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM ledger.payouts p JOIN ledger.bank_accounts b ON b.id = p.bank_account_id
                WHERE p.holder_kind = :kind AND p.holder_id = :holder AND (CAST(:afterAt AS timestamptz) IS NULL
                      OR (p.requested_at, p.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
                ORDER BY p.requested_at DESC, p.id DESC LIMIT :limit""")
            .param("kind", payee.kind().name())
            .param("holder", payee.id())
            .param("afterAt", afterRequestedAt == null ? null : Timestamp.from(afterRequestedAt))
            .param("afterId", afterId)
            .param("limit", limit)
            .query((rs, row) -> payout(rs))
            .list();
    }

    /**
     * One of the payee's payouts.
     * @throws PayoutProblems.PayoutNotFound for another payee's (a seller's or a
     * creator's), as for none
     */
    @Transactional(readOnly = true)
    public Payout one(Payee payee, UUID payoutId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM ledger.payouts p JOIN ledger.bank_accounts b ON b.id = p.bank_account_id
                WHERE p.id = :id AND p.holder_kind = :kind AND p.holder_id = :holder""")
            .param("id", payoutId)
            .param("kind", payee.kind().name())
            .param("holder", payee.id())
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
        if (!payees.payable(payout.payee())) {
            // A creator revoked (or otherwise no longer VERIFIED) since it asked: the
            // money
            // goes back to its available balance and is held there.
            fail(payout, "CREATOR_NOT_VERIFIED: the creator is not verified now; the money is held in its available "
                    + "balance", clock.instant().truncatedTo(ChronoUnit.MICROS));
            return;
        }
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
        Payee payee = payout.payee();
        ledger.post(new Posting(Posting.Kind.PAYOUT_PAID, "payout-paid:" + payout.payoutId(), paidAt)
            .about(null, null, sellerOf(payee))
            .debitCredit(payout.amountIdr(), new Side(payee.kind().payouts(), payee.id(), EntryType.PAYOUT),
                    Side.platform(GATEWAY_CLEARING, EntryType.PAYOUT)));
        if (payee.kind() == AccountKind.Holder.SELLER) {
            // Sellers' webhooks announce it; creators have none.
            events.publishEvent(new PayoutPaid(payout.payoutId(), payee.id(), payout.amountIdr(), payout.bankCode(),
                    payout.maskedAccountNumber(), paidAt));
        }
        log.info("Payout {} of Rp {} paid to {}", payout.payoutId(), payout.amountIdr(), payee);
    }

    private void fail(Payout payout, String reason, Instant failedAt) {
        String kept = reason.length() > 500 ? reason.substring(0, 500) : reason;
        jdbc.sql("UPDATE ledger.payouts SET state = 'FAILED', failed_at = :at, failure_reason = :reason WHERE id = :id")
            .param("at", Timestamp.from(failedAt))
            .param("reason", kept)
            .param("id", payout.payoutId())
            .update();
        Payee payee = payout.payee();
        ledger.post(new Posting(Posting.Kind.PAYOUT_FAILED, "payout-failed:" + payout.payoutId(), failedAt)
            .about(null, null, sellerOf(payee))
            .debitCredit(payout.amountIdr(), new Side(payee.kind().payouts(), payee.id(), EntryType.PAYOUT_RETURNED),
                    new Side(payee.kind().available(), payee.id(), EntryType.PAYOUT_RETURNED)));
        log.warn("Payout {} of Rp {} failed, back to the available balance of {}: {}", payout.payoutId(),
                payout.amountIdr(), payee, kept);
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
        return new Payout(rs.getObject("id", UUID.class),
                new Payee(AccountKind.Holder.valueOf(rs.getString("holder_kind")),
                        rs.getObject("holder_id", UUID.class)),
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
