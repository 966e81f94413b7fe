package id.pasar.ledger.internal;

import id.pasar.compliance.IdentityCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank account a payee (a seller or a creator) is paid out to (docs/ledger.md,
 * "Payouts"): only a VERIFIED one's, only in the name of its verified identity. Every
 * version is kept; the current one is the latest. A change of an existing account needs a
 * fresh login and holds payouts for a while: whoever holds a stolen token cannot turn the
 * payee's money to their own account at once. The number and the holder's name are kept
 * encrypted and shown masked.
 */
@Slf4j
@Component
@RequiredArgsConstructor
public class BankAccounts {

    static final String NUMBER_CONTEXT = "ledger.bank_accounts.number";

    static final String HOLDER_CONTEXT = "ledger.bank_accounts.holder";

    private final JdbcClient jdbc;

    private final IdentityCipher cipher;

    private final Payees payees;

    private final PayoutProperties properties;

    private final Clock clock;

    /**
     * @param payoutsHeldUntil when the change that made this version stops holding
     * payouts (null: the first account holds nothing)
     */
    public record Account(UUID id, int version, Bank bank, String maskedAccountNumber, Instant createdAt,
            Instant payoutsHeldUntil) {
    }

    /**
     * @param changed whether a new version was saved (false: the same account again)
     */
    public record Saved(Account account, boolean changed) {
    }

    /** What a transfer needs, decrypted. */
    record Details(Bank bank, String accountNumber, String maskedAccountNumber, String holderName) {

        @Override
        public String toString() {
            return "Details[bank=" + bank.code() + ", account=" + maskedAccountNumber + "]";
        }

    }

    /**
     * Saves the payee's account: the first one, or a change (a new version).
     * @param tokenIssuedAt when the caller's token was issued: a change needs it recent
     * @throws PayoutProblems.BankUnknown for a code not on the list
     * @throws PayoutProblems.SellerNotVerified unless the seller is VERIFIED
     * @throws PayoutProblems.CreatorNotVerified unless the creator is VERIFIED
     * @throws PayoutProblems.AccountHolderMismatch when the holder is not the payee
     * @throws PayoutProblems.FreshLoginRequired for a change with an older token
     */
    @Transactional
    public Saved save(Payee payee, String bankCode, String accountNumber, String holderName, Instant tokenIssuedAt) {
        Bank bank = Bank.ofCode(bankCode).orElseThrow(PayoutProblems.BankUnknown::new);
        String legalName = payees.verifiedLegalName(payee);
        if (!AccountHolderNames.same(holderName, legalName)) {
            log.info("The bank account of {} refused: the holder is not its verified identity", payee);
            throw new PayoutProblems.AccountHolderMismatch();
        }
        // One change of a payee's account at a time: versions follow each other.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('ledger.bank_accounts:' || :holder, 0))")
            .param("holder", payee.id().toString())
            .query((ResultSet rs) -> {
            });
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Account> current = current(payee);
        String holder = holderName.strip();
        if (current.isPresent()) {
            Details known = details(current.get().id());
            if (known.bank() == bank && known.accountNumber().equals(accountNumber)
                    && known.holderName().equals(holder)) {
                return new Saved(current.get(), false);
            }
            if (tokenIssuedAt == null || tokenIssuedAt.plus(properties.freshLogin()).isBefore(now)) {
                throw new PayoutProblems.FreshLoginRequired(properties.freshLogin().toMinutes());
            }
        }
        Account account = new Account(UUID.randomUUID(), current.map(a -> a.version() + 1).orElse(1), bank,
                mask(accountNumber), now, current.isPresent() ? now.plus(properties.bankAccountChangeHold()) : null);
        jdbc.sql("""
                INSERT INTO ledger.bank_accounts (id, holder_kind, holder_id, version, bank_code,
                account_number_cipher, account_number_masked, holder_name_cipher, created_at, payouts_held_until)
                VALUES (:id, :kind, :holderId, :version, :bank, :number, :masked, :holder, :at, :held)""")
            .param("id", account.id())
            .param("kind", payee.kind().name())
            .param("holderId", payee.id())
            .param("version", account.version())
            .param("bank", bank.code())
            .param("number", cipher.encrypt(accountNumber, NUMBER_CONTEXT))
            .param("masked", account.maskedAccountNumber())
            .param("holder", cipher.encrypt(holder, HOLDER_CONTEXT))
            .param("at", Timestamp.from(now))
            .param("held", account.payoutsHeldUntil() == null ? null : Timestamp.from(account.payoutsHeldUntil()))
            .update();
        log.info("The bank account of {}, version {}: {} {}{}", payee, account.version(), bank.code(),
                account.maskedAccountNumber(),
                account.payoutsHeldUntil() == null ? "" : ", payouts held until " + account.payoutsHeldUntil());
        return new Saved(account, true);
    }

    /** The payee's current account: its latest version. */
    @Transactional(readOnly = true)
    public Optional<Account> current(Payee payee) {
        return jdbc.sql("""
                SELECT id, version, bank_code, account_number_masked, created_at, payouts_held_until
                FROM ledger.bank_accounts WHERE holder_kind = :kind AND holder_id = :holder
                ORDER BY version DESC LIMIT 1""")
            .param("kind", payee.kind().name())
            .param("holder", payee.id())
            .query((rs, row) -> account(rs))
            .optional();
    }

    Details details(UUID bankAccountId) {
        return jdbc.sql("""
                SELECT bank_code, account_number_cipher, account_number_masked, holder_name_cipher
                FROM ledger.bank_accounts WHERE id = :id""")
            .param("id", bankAccountId)
            .query((rs, row) -> new Details(Bank.ofCode(rs.getString(1)).orElseThrow(),
                    cipher.decrypt(rs.getBytes(2), NUMBER_CONTEXT), rs.getString(3),
                    cipher.decrypt(rs.getBytes(4), HOLDER_CONTEXT)))
            .single();
    }

    /** All but the last 4 digits as {@code *}. */
    static String mask(String accountNumber) {
        return "*".repeat(accountNumber.length() - 4) + accountNumber.substring(accountNumber.length() - 4);
    }

    private static Account account(ResultSet rs) throws SQLException {
        Timestamp held = rs.getTimestamp(6);
        return new Account(rs.getObject(1, UUID.class), rs.getInt(2), Bank.ofCode(rs.getString(3)).orElseThrow(),
                rs.getString(4), rs.getTimestamp(5).toInstant(), held == null ? null : held.toInstant());
    }

}
