package id.pasar.compliance.internal.decisions;

import id.pasar.compliance.DecisionLog;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to {@code compliance.decisions}. The head row is locked for the rest of the
 * caller's transaction, so concurrent appenders (threads or instances) queue and each
 * continues the chain left by the one before; the database's chain trigger refuses
 * anything else.
 */
@Component
@RequiredArgsConstructor
class HashChainedDecisionLog implements DecisionLog {

    /** How long an append may wait for the log's head behind other appends. */
    static final String HEAD_WAIT_TIMEOUT = "30s";

    private final JdbcClient jdbc;

    private final JdbcTemplate template;

    private final Clock clock;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision append(NewDecision request) {
        return appendAll(List.of(request)).get(0);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Decision> appendAll(List<NewDecision> requests) {
        if (requests.isEmpty()) {
            // Nothing to chain: the head is not locked, so an idle caller never queues
            // behind real appends.
            return List.of();
        }
        // Every decision queues on the head row: a wait there is the log's order, not a
        // runaway statement, so the statement timeout of requests (ADR 0010) is lifted
        // for the rest of the caller's transaction.
        jdbc.sql("SET LOCAL statement_timeout = '" + HEAD_WAIT_TIMEOUT + "'").update();
        Head head = jdbc.sql("SELECT sequence, hash FROM compliance.decision_log_head FOR UPDATE")
            .query((rs, row) -> new Head(rs.getLong("sequence"), rs.getString("hash")))
            .single();
        List<Decision> appended = new ArrayList<>();
        for (NewDecision request : requests) {
            appended.add(next(head, request));
            head = new Head(appended.get(appended.size() - 1).sequence(), appended.get(appended.size() - 1).hash());
        }
        insert(appended);
        jdbc.sql("UPDATE compliance.decision_log_head SET sequence = :sequence, hash = :hash")
            .param("sequence", head.sequence())
            .param("hash", head.hash())
            .update();
        return appended;
    }

    private Decision next(Head head, NewDecision request) {
        Decision unsigned = new Decision(head.sequence() + 1, UUID.randomUUID(), request.subjectType(),
                request.subjectId(), request.subjectVersion(), request.outcome(), request.reasons(), request.actor(),
                CanonicalEntry.truncate(clock.instant()), request.ruleSetVersion(), request.contentHash(), null,
                head.hash());
        String hash = CanonicalEntry.hash(head.hash(), unsigned);
        return new Decision(unsigned.sequence(), unsigned.decisionId(), unsigned.subjectType(), unsigned.subjectId(),
                unsigned.subjectVersion(), unsigned.outcome(), unsigned.reasons(), unsigned.actor(),
                unsigned.decidedAt(), unsigned.ruleSetVersion(), unsigned.contentHash(), hash, head.hash());
    }

    /** One JDBC batch: a batch's decisions reach the database in one round trip. */
    private void insert(List<Decision> decisions) {
        template.batchUpdate(
                """
                        INSERT INTO compliance.decisions (sequence, decision_id, subject_type, subject_id, subject_version, outcome,
                            reasons, actor, decided_at, rule_set_version, content_hash, previous_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                decisions, decisions.size(), (statement, d) -> {
                    statement.setLong(1, d.sequence());
                    statement.setObject(2, d.decisionId());
                    statement.setString(3, d.subjectType().name());
                    statement.setObject(4, d.subjectId());
                    statement.setObject(5, d.subjectVersion(), Types.INTEGER);
                    statement.setString(6, d.outcome().name());
                    statement.setArray(7, statement.getConnection().createArrayOf("text", d.reasons().toArray()));
                    statement.setString(8, d.actor());
                    statement.setTimestamp(9, Timestamp.from(d.decidedAt()));
                    statement.setString(10, d.ruleSetVersion());
                    statement.setString(11, d.contentHash());
                    statement.setString(12, d.previousHash());
                    statement.setString(13, d.hash());
                });
    }

    private record Head(long sequence, String hash) {
    }

}
