package id.pasar.compliance.internal.screening;

import id.pasar.compliance.DecisionLog;
import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.DecisionLog.NewDecision;
import id.pasar.compliance.DecisionLog.Outcome;
import id.pasar.compliance.DecisionLog.SubjectType;
import id.pasar.compliance.IdentityCipher;
import id.pasar.compliance.Masking;
import id.pasar.compliance.PlatformAffiliateList;
import id.pasar.compliance.RuleSets;
import id.pasar.kernel.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code compliance.platform_affiliates}, its decisions, and the check applications go
 * through.
 */
@Slf4j
@Component
@RequiredArgsConstructor
class PlatformAffiliateRegister implements PlatformAffiliateList {

    private static final String NIB_CONTEXT = "compliance.platform_affiliates.nib";

    private static final String NPWP_CONTEXT = "compliance.platform_affiliates.npwp";

    private final JdbcClient jdbc;

    private final IdentityCipher cipher;

    private final DecisionLog decisions;

    private final RuleSets ruleSets;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    @Override
    public boolean lists(String nib, String npwp) {
        return jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM compliance.platform_affiliates WHERE nib_index = :nib OR npwp_index = :npwp)")
            .param("nib", cipher.blindIndex("NIB", nib))
            .param("npwp", npwpIndex(npwp))
            .query(Boolean.class)
            .single();
    }

    @Override
    public byte[] npwpIndex(String npwpDigits) {
        String canonical = npwpDigits.length() == 16 && npwpDigits.startsWith("0") ? npwpDigits.substring(1)
                : npwpDigits;
        return cipher.blindIndex("NPWP", canonical);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Affiliate> all() {
        return jdbc
            .sql("SELECT id, legal_name, nib_masked, npwp_masked, note, created_at FROM compliance.platform_affiliates"
                    + " ORDER BY created_at, id")
            .query((rs, row) -> new Affiliate(rs.getObject("id", UUID.class), rs.getString("legal_name"),
                    rs.getString("nib_masked"), rs.getString("npwp_masked"), rs.getString("note"),
                    rs.getTimestamp("created_at").toInstant()))
            .list();
    }

    @Override
    @Transactional
    public Affiliate add(NewAffiliate entry, String actor) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        byte[] nibIndex = entry.nib() == null ? null : cipher.blindIndex("NIB", entry.nib());
        byte[] npwpIndex = entry.npwp() == null ? null : npwpIndex(entry.npwp());
        try {
            jdbc.sql(
                    """
                            INSERT INTO compliance.platform_affiliates (id, legal_name, nib_index, npwp_index, nib_ciphertext,
                                npwp_ciphertext, nib_masked, npwp_masked, note, created_at)
                            VALUES (:id, :name, :nibIndex, :npwpIndex, :nibCipher, :npwpCipher, :nibMasked, :npwpMasked, :note, :at)""")
                .param("id", id)
                .param("name", entry.legalName())
                .param("nibIndex", nibIndex)
                .param("npwpIndex", npwpIndex)
                .param("nibCipher", entry.nib() == null ? null : cipher.encrypt(entry.nib(), NIB_CONTEXT))
                .param("npwpCipher", entry.npwp() == null ? null : cipher.encrypt(entry.npwp(), NPWP_CONTEXT))
                .param("nibMasked", Masking.lastThree(entry.nib()))
                .param("npwpMasked", Masking.lastThree(entry.npwp()))
                .param("note", entry.note())
                .param("at", Timestamp.from(now))
                .update();
        }
        catch (DuplicateKeyException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "AFFILIATE_ALREADY_LISTED", "Already listed",
                    "An entry with this NIB or NPWP is on the list already.");
        }
        Decision decision = decisions.append(new NewDecision(SubjectType.PLATFORM_AFFILIATE_LIST, id, null,
                Outcome.PASS, List.of(AFFILIATE_ADDED), actor, ruleSets.active().version()));
        log.info("Platform affiliate {} listed by {} (NIB {}, NPWP {})", id, actor, Masking.lastThree(entry.nib()),
                Masking.lastThree(entry.npwp()));
        events.publishEvent(new Listed(id, nibIndex, npwpIndex, decision.decisionId(), actor));
        return new Affiliate(id, entry.legalName(), Masking.lastThree(entry.nib()), Masking.lastThree(entry.npwp()),
                entry.note(), now);
    }

    @Override
    @Transactional
    public void remove(UUID id, String actor) {
        int removed = jdbc.sql("DELETE FROM compliance.platform_affiliates WHERE id = :id").param("id", id).update();
        if (removed == 0) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "AFFILIATE_NOT_FOUND", "Not on the list",
                    "There is no such entry.");
        }
        decisions.append(new NewDecision(SubjectType.PLATFORM_AFFILIATE_LIST, id, null, Outcome.PASS,
                List.of(AFFILIATE_REMOVED), actor, ruleSets.active().version()));
        log.info("Platform affiliate {} removed from the list by {}", id, actor);
    }

}
