package id.pasar.compliance.internal.decisions;

import id.pasar.compliance.DecisionLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to {@code compliance.decisions}. The head row is locked for the rest of the caller's
 * transaction, so concurrent appenders (threads or instances) queue and each continues the chain
 * left by the one before; the database's chain trigger refuses anything else.
 */
@Component
@RequiredArgsConstructor
class HashChainedDecisionLog implements DecisionLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision append(NewDecision request) {
        Head head = jdbc.sql("SELECT sequence, hash FROM compliance.decision_log_head FOR UPDATE")
                .query((rs, row) -> new Head(rs.getLong("sequence"), rs.getString("hash")))
                .single();
        Decision unsigned = new Decision(head.sequence() + 1, UUID.randomUUID(), request.subjectType(), request.subjectId(),
                request.subjectVersion(), request.outcome(), request.reasons(), request.actor(),
                CanonicalEntry.truncate(clock.instant()), request.ruleSetVersion(), null, head.hash());
        String hash = CanonicalEntry.hash(head.hash(), unsigned);
        // Positional parameters: a named one would expand the reasons array into a list of values.
        jdbc.sql("""
                INSERT INTO compliance.decisions (sequence, decision_id, subject_type, subject_id, subject_version, outcome,
                    reasons, actor, decided_at, rule_set_version, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(unsigned.sequence(), unsigned.decisionId(), unsigned.subjectType().name(), unsigned.subjectId(),
                        unsigned.subjectVersion(), unsigned.outcome().name(), unsigned.reasons().toArray(String[]::new),
                        unsigned.actor(), Timestamp.from(unsigned.decidedAt()), unsigned.ruleSetVersion(), head.hash(), hash)
                .update();
        jdbc.sql("UPDATE compliance.decision_log_head SET sequence = :sequence, hash = :hash")
                .param("sequence", unsigned.sequence())
                .param("hash", hash)
                .update();
        return new Decision(unsigned.sequence(), unsigned.decisionId(), unsigned.subjectType(), unsigned.subjectId(),
                unsigned.subjectVersion(), unsigned.outcome(), unsigned.reasons(), unsigned.actor(), unsigned.decidedAt(),
                unsigned.ruleSetVersion(), hash, head.hash());
    }

    private record Head(long sequence, String hash) {
    }
}
