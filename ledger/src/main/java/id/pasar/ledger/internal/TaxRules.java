package id.pasar.ledger.internal;

import id.pasar.compliance.SellerIdentity.DocumentType;
import id.pasar.onboarding.Sellers;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * PPh 22 under PMK 37/2025 on a completed seller order (docs/ledger.md, "PPh 22"): 0.5 %
 * of its gross item amount is withheld, unless the seller holds an exemption certificate
 * (SKB) valid that day, or is an individual with a statement letter for the year whose
 * turnover on the platform, this order included, is still at most Rp 500 million. The
 * turnover is counted here, under its row's lock, so the order that crosses the threshold
 * is exactly one, and collection starts with it for the rest of the year.
 */
@Component
@RequiredArgsConstructor
class TaxRules {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final long BASIS_POINTS = 10_000;

    private final JdbcClient jdbc;

    private final Sellers sellers;

    private final LedgerProperties properties;

    enum Basis {

        /** Withheld. */
        COLLECTED,
        /**
         * Not withheld: an individual's statement letter, turnover under the threshold.
         */
        STATEMENT,
        /** Not withheld: a valid exemption certificate. */
        CERTIFICATE

    }

    record Decision(Basis basis, long withheldIdr) {
    }

    /** Decides, and counts the order into the seller's turnover of its year. */
    @Transactional(propagation = Propagation.MANDATORY)
    Decision decide(UUID sellerId, long grossItemsIdr, Instant completedAt) {
        LocalDate day = LocalDate.ofInstant(completedAt, JAKARTA);
        long turnover = jdbc.sql("""
                INSERT INTO ledger.seller_turnover (seller_id, year, gross_idr) VALUES (:seller, :year, :gross)
                ON CONFLICT (seller_id, year) DO UPDATE SET gross_idr = seller_turnover.gross_idr + EXCLUDED.gross_idr
                RETURNING gross_idr""")
            .param("seller", sellerId)
            .param("year", day.getYear())
            .param("gross", grossItemsIdr)
            .query(Long.class)
            .single();
        if (certified(sellerId, day)) {
            return new Decision(Basis.CERTIFICATE, 0);
        }
        if (turnover <= properties.pph22ExemptTurnoverIdr() && individual(sellerId)
                && stated(sellerId, day.getYear())) {
            return new Decision(Basis.STATEMENT, 0);
        }
        return new Decision(Basis.COLLECTED,
                Math.multiplyExact(grossItemsIdr, (long) properties.pph22RateBp()) / BASIS_POINTS);
    }

    private boolean certified(UUID sellerId, LocalDate day) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM ledger.tax_exemption_certificates
                WHERE seller_id = :seller AND valid_from <= :day AND valid_until >= :day)""")
            .param("seller", sellerId)
            .param("day", Date.valueOf(day))
            .query(Boolean.class)
            .single();
    }

    /**
     * The seller's latest statement letter for the year declares at most the threshold.
     */
    private boolean stated(UUID sellerId, int year) {
        return jdbc.sql("""
                SELECT turnover_declared_idr FROM ledger.tax_statements WHERE seller_id = :seller AND year = :year
                ORDER BY submitted_at DESC LIMIT 1""")
            .param("seller", sellerId)
            .param("year", year)
            .query(Long.class)
            .optional()
            .filter(declared -> declared <= properties.pph22ExemptTurnoverIdr())
            .isPresent();
    }

    boolean individual(UUID sellerId) {
        return sellers.byId(sellerId).map(seller -> seller.documentType() != DocumentType.LOCAL_ENTITY).orElse(false);
    }

}
