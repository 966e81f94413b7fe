package id.pasar.ledger.internal;

import id.pasar.kernel.ProblemException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a seller declares for PPh 22 (docs/ledger.md): an individual's statement letter
 * that its turnover of a year is at most Rp 500 million, and exemption certificates
 * (SKB). Both are kept as submitted, never changed: a new statement for a year replaces
 * the last one for the decisions made after it.
 */
@Component
@RequiredArgsConstructor
public class TaxDeclarations {

    private final JdbcClient jdbc;

    private final TaxRules rules;

    private final LedgerProperties properties;

    private final Clock clock;

    public record Statement(UUID id, int year, long turnoverDeclaredIdr, Instant submittedAt) {
    }

    public record Certificate(UUID id, String certificateNumber, LocalDate validFrom, LocalDate validUntil,
            Instant submittedAt) {
    }

    /**
     * Where a seller stands for a year.
     *
     * @param turnoverIdr its completed seller orders' item amount in the year so far
     * @param collecting whether its next completed seller order has PPh 22 withheld today
     * (a certificate, or a statement with the turnover at most the threshold, stops it)
     */
    public record Standing(int year, boolean individual, long turnoverIdr, long exemptTurnoverIdr,
            Optional<Statement> statement, List<Certificate> certificates, boolean collecting) {
    }

    /**
     * Records an individual seller's statement letter for a year.
     * @throws NotForBusinesses for a business: its sales are always collected from
     * @throws TurnoverAboveThreshold when the turnover declared is over the threshold
     * @throws YearNotOpen for a year other than this one or the next
     */
    @Transactional
    public Statement submitStatement(UUID sellerId, int year, long turnoverDeclaredIdr) {
        if (!rules.individual(sellerId)) {
            throw new NotForBusinesses();
        }
        int now = LocalDate.now(clock.withZone(TaxRules.JAKARTA)).getYear();
        if (year != now && year != now + 1) {
            throw new YearNotOpen(year, now);
        }
        if (turnoverDeclaredIdr > properties.pph22ExemptTurnoverIdr()) {
            throw new TurnoverAboveThreshold(properties.pph22ExemptTurnoverIdr());
        }
        Statement statement = new Statement(UUID.randomUUID(), year, turnoverDeclaredIdr, clock.instant());
        jdbc.sql("""
                INSERT INTO ledger.tax_statements (id, seller_id, year, turnover_declared_idr, submitted_at)
                VALUES (:id, :seller, :year, :declared, :at)""")
            .param("id", statement.id())
            .param("seller", sellerId)
            .param("year", year)
            .param("declared", turnoverDeclaredIdr)
            .param("at", Timestamp.from(statement.submittedAt()))
            .update();
        return statement;
    }

    /**
     * Records an exemption certificate; it applies to completions on the days it is
     * valid.
     */
    @Transactional
    public Certificate submitCertificate(UUID sellerId, String number, LocalDate validFrom, LocalDate validUntil) {
        if (validUntil.isBefore(validFrom)) {
            throw new CertificatePeriodInvalid();
        }
        Certificate certificate = new Certificate(UUID.randomUUID(), number, validFrom, validUntil, clock.instant());
        jdbc.sql("""
                INSERT INTO ledger.tax_exemption_certificates (id, seller_id, certificate_number, valid_from,
                valid_until, submitted_at) VALUES (:id, :seller, :number, :from, :until, :at)""")
            .param("id", certificate.id())
            .param("seller", sellerId)
            .param("number", number)
            .param("from", Date.valueOf(validFrom))
            .param("until", Date.valueOf(validUntil))
            .param("at", Timestamp.from(certificate.submittedAt()))
            .update();
        return certificate;
    }

    /** The seller's standing this year (Asia/Jakarta). */
    @Transactional(readOnly = true)
    public Standing standing(UUID sellerId) {
        LocalDate today = LocalDate.now(clock.withZone(TaxRules.JAKARTA));
        int year = today.getYear();
        long turnover = jdbc
            .sql("SELECT gross_idr FROM ledger.seller_turnover WHERE seller_id = :seller AND year = :year")
            .param("seller", sellerId)
            .param("year", year)
            .query(Long.class)
            .optional()
            .orElse(0L);
        Optional<Statement> statement = jdbc.sql("""
                SELECT id, year, turnover_declared_idr, submitted_at FROM ledger.tax_statements
                WHERE seller_id = :seller AND year = :year ORDER BY submitted_at DESC LIMIT 1""")
            .param("seller", sellerId)
            .param("year", year)
            .query((rs, row) -> new Statement(rs.getObject(1, UUID.class), rs.getInt(2), rs.getLong(3),
                    rs.getTimestamp(4).toInstant()))
            .optional();
        List<Certificate> certificates = jdbc.sql("""
                SELECT id, certificate_number, valid_from, valid_until, submitted_at
                FROM ledger.tax_exemption_certificates WHERE seller_id = :seller ORDER BY valid_from DESC, id""")
            .param("seller", sellerId)
            .query((rs, row) -> new Certificate(rs.getObject(1, UUID.class), rs.getString(2),
                    rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), rs.getTimestamp(5).toInstant()))
            .list();
        boolean individual = rules.individual(sellerId);
        boolean certified = certificates.stream()
            .anyMatch(c -> !c.validFrom().isAfter(today) && !c.validUntil().isBefore(today));
        boolean stated = individual
                && statement.filter(s -> s.turnoverDeclaredIdr() <= properties.pph22ExemptTurnoverIdr()).isPresent()
                && turnover <= properties.pph22ExemptTurnoverIdr();
        return new Standing(year, individual, turnover, properties.pph22ExemptTurnoverIdr(), statement, certificates,
                !certified && !stated);
    }

    static final class NotForBusinesses extends ProblemException {

        NotForBusinesses() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "TAX_STATEMENT_NOT_APPLICABLE", "Statement not applicable",
                    "Only an individual seller may declare its turnover under the threshold; a business entity's "
                            + "sales are always collected from, unless it holds an exemption certificate.");
        }

    }

    static final class TurnoverAboveThreshold extends ProblemException {

        TurnoverAboveThreshold(long thresholdIdr) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "TURNOVER_ABOVE_THRESHOLD", "Turnover above the threshold",
                    "A statement letter is for an annual turnover of at most Rp " + thresholdIdr + ".");
            property("field", "turnoverDeclaredIdr");
            property("thresholdIdr", thresholdIdr);
        }

    }

    static final class YearNotOpen extends ProblemException {

        YearNotOpen(int year, int now) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "TAX_YEAR_NOT_OPEN", "Year not open",
                    "A statement is for this year (" + now + ") or the next, not " + year + ".");
            property("field", "year");
        }

    }

    static final class CertificatePeriodInvalid extends ProblemException {

        CertificatePeriodInvalid() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "CERTIFICATE_PERIOD_INVALID", "Validity ends before it starts",
                    "validUntil must be on or after validFrom.");
            property("field", "validUntil");
        }

    }

}
