package id.pasar.compliance.internal.decisions;

import id.pasar.compliance.DecisionLog;
import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.DecisionLog.Outcome;
import id.pasar.compliance.DecisionLog.SubjectType;
import id.pasar.compliance.DecisionQueries;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads {@code compliance.decisions} for auditors: pages, streams, counts, and the chain
 * check.
 */
@Component
class LogReader implements DecisionQueries {

    private static final String COLUMNS = "sequence, decision_id, subject_type, subject_id, subject_version, outcome, "
            + "reasons, actor, decided_at, rule_set_version, content_hash, hash, previous_hash";

    private final NamedParameterJdbcTemplate jdbc;

    /**
     * The same connections, fetching 1,000 rows at a time: streams and the chain check
     * read the log in constant memory.
     */
    private final NamedParameterJdbcTemplate fetching;

    LogReader(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(1_000);
        this.fetching = new NamedParameterJdbcTemplate(streaming);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Decision> page(Filter filter, long afterSequence, int size) {
        MapSqlParameterSource params = params(filter).addValue("after", afterSequence).addValue("size", size);
        return jdbc.query("SELECT " + COLUMNS + " FROM compliance.decisions WHERE sequence > :after" + where(filter)
                + " ORDER BY sequence LIMIT :size", params, (rs, row) -> decision(rs));
    }

    /**
     * A read-only transaction, so PostgreSQL hands the rows over in fetches instead of
     * all at once.
     */
    @Override
    @Transactional(readOnly = true)
    public void stream(Filter filter, Consumer<Decision> each) {
        allowLongRead();
        fetching.query(
                "SELECT " + COLUMNS + " FROM compliance.decisions WHERE true" + where(filter) + " ORDER BY sequence",
                params(filter), rs -> {
                    each.accept(decision(rs));
                });
    }

    @Override
    @Transactional(readOnly = true)
    public Verification verify() {
        ChainCheck check = new ChainCheck();
        allowLongRead();
        fetching.query("SELECT " + COLUMNS + " FROM compliance.decisions ORDER BY sequence",
                new MapSqlParameterSource(), rs -> {
                    check.next(decision(rs));
                });
        return check.result();
    }

    /**
     * The export and the verification read the whole log, in one transaction: about 10 s
     * per million entries. The application's statement timeout (5 s, for requests) is
     * lifted to this for their transaction only; {@code SET LOCAL} ends with it, so the
     * pooled connection keeps its own.
     */
    static final String LONG_READ_TIMEOUT = "30min";

    private void allowLongRead() {
        jdbc.getJdbcTemplate().execute("SET LOCAL statement_timeout = '" + LONG_READ_TIMEOUT + "'");
    }

    @Override
    @Transactional(readOnly = true)
    public Counts counts(Instant from, Instant to) {
        MapSqlParameterSource period = new MapSqlParameterSource().addValue("from", Timestamp.from(from))
            .addValue("to", Timestamp.from(to));
        // Index-only (compliance V10): the time index carries type and outcome; refusals
        // have an index with their reasons.
        Map<String, Object> totals = jdbc.queryForMap(
                """
                        SELECT
                          count(*) FILTER (WHERE subject_type IN ('SELLER_APPLICATION', 'SELLER_REVIEW') AND outcome = 'FAIL') AS rejected,
                          count(*) FILTER (WHERE subject_type = 'SELLER_REVOCATION') AS revocations,
                          count(*) FILTER (WHERE subject_type = 'LISTING_PUBLICATION') AS checks,
                          count(*) FILTER (WHERE subject_type = 'LISTING_PUBLICATION' AND outcome = 'PASS') AS passed,
                          count(*) FILTER (WHERE subject_type = 'LISTING_PUBLICATION' AND outcome = 'FAIL') AS failed
                        FROM compliance.decisions WHERE decided_at >= :from AND decided_at < :to""",
                period);
        // Until 2026-12-06 a pending application rejected because its passport expired or
        // its entity was listed as a platform affiliate was logged as a
        // SELLER_REVOCATION. The log is append-only, so those entries are counted here as
        // what they were: a revocation with no earlier PASS for its seller (no approval,
        // no registry confirmation) revoked nothing, since only a VERIFIED seller can be
        // revoked.
        long rejectionsLoggedAsRevocations = jdbc.queryForObject("""
                SELECT count(*) FROM compliance.decisions r
                WHERE r.subject_type = 'SELLER_REVOCATION' AND r.decided_at >= :from AND r.decided_at < :to
                  AND NOT EXISTS (SELECT 1 FROM compliance.decisions p
                                  WHERE p.subject_id = r.subject_id AND p.sequence < r.sequence AND p.outcome = 'PASS'
                                    AND p.subject_type IN ('SELLER_APPLICATION', 'SELLER_REVIEW'))""", period,
                Long.class);
        long crossBorder = jdbc.queryForObject(
                """
                        SELECT count(*) FROM compliance.decisions
                        WHERE outcome = 'FAIL' AND subject_type IN ('SELLER_APPLICATION', 'SELLER_REVIEW')
                          AND reasons && ARRAY['FOREIGN_NATIONALITY', 'FOREIGN_ENTITY'] AND decided_at >= :from AND decided_at < :to""",
                period, Long.class);
        Map<String, Long> reasons = new LinkedHashMap<>();
        jdbc.query(
                """
                        SELECT reason, count(*) FROM compliance.decisions, unnest(reasons) AS reason
                        WHERE subject_type = 'LISTING_PUBLICATION' AND outcome = 'FAIL' AND decided_at >= :from AND decided_at < :to
                        GROUP BY reason ORDER BY count(*) DESC, reason""",
                period, rs -> {
                    reasons.put(rs.getString(1), rs.getLong(2));
                });
        return new Counts(number(totals, "rejected") + rejectionsLoggedAsRevocations, crossBorder,
                number(totals, "revocations") - rejectionsLoggedAsRevocations, number(totals, "checks"),
                number(totals, "passed"), number(totals, "failed"), reasons);
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static String where(Filter filter) {
        StringBuilder where = new StringBuilder();
        if (filter.from() != null) {
            where.append(" AND decided_at >= :from");
        }
        if (filter.to() != null) {
            where.append(" AND decided_at < :to");
        }
        if (filter.subjectType() != null) {
            where.append(" AND subject_type = :subjectType");
        }
        if (filter.outcome() != null) {
            where.append(" AND outcome = :outcome");
        }
        return where.toString();
    }

    private static MapSqlParameterSource params(Filter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (filter.from() != null) {
            params.addValue("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            params.addValue("to", Timestamp.from(filter.to()));
        }
        if (filter.subjectType() != null) {
            params.addValue("subjectType", filter.subjectType().name());
        }
        if (filter.outcome() != null) {
            params.addValue("outcome", filter.outcome().name());
        }
        return params;
    }

    static Decision decision(ResultSet rs) throws SQLException {
        Array reasons = rs.getArray("reasons");
        Object version = rs.getObject("subject_version");
        return new Decision(rs.getLong("sequence"), rs.getObject("decision_id", UUID.class),
                SubjectType.valueOf(rs.getString("subject_type")), rs.getObject("subject_id", UUID.class),
                version == null ? null : ((Number) version).intValue(), Outcome.valueOf(rs.getString("outcome")),
                List.copyOf(Arrays.asList((String[]) reasons.getArray())), rs.getString("actor"),
                rs.getTimestamp("decided_at").toInstant(), rs.getString("rule_set_version"),
                rs.getString("content_hash"), rs.getString("hash"), rs.getString("previous_hash"));
    }

    /**
     * Walks the chain in sequence order and remembers the first entry that does not
     * follow.
     */
    private static final class ChainCheck {

        private long entries;

        private long expectedSequence = 1;

        private String previous = DecisionLog.GENESIS_HASH;

        private Long firstBroken;

        void next(Decision decision) {
            entries++;
            boolean follows = decision.sequence() == expectedSequence && previous.equals(decision.previousHash())
                    && CanonicalEntry.hash(decision.previousHash(), decision).equals(decision.hash());
            if (!follows && firstBroken == null) {
                firstBroken = decision.sequence();
            }
            previous = decision.hash();
            expectedSequence = decision.sequence() + 1;
        }

        Verification result() {
            return new Verification(firstBroken == null, entries, entries == 0 ? DecisionLog.GENESIS_HASH : previous,
                    firstBroken);
        }

    }

}
