package id.pasar.onboarding.internal;

import id.pasar.onboarding.SellerStatistics;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@RequiredArgsConstructor
class SellerCounts implements SellerStatistics {

    private final JdbcClient jdbc;

    @Override
    @Transactional(readOnly = true)
    public Counts counts(Instant createdBefore) {
        Timestamp before = Timestamp.from(createdBefore);
        long[] totals = jdbc.sql("""
                SELECT count(*) FILTER (WHERE status <> 'REJECTED'), count(*) FILTER (WHERE status = 'VERIFIED')
                FROM onboarding.sellers WHERE created_at < :before""")
            .param("before", before)
            .query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
            .single();
        return new Counts(totals[0], totals[1], group("document_type", before),
                group("substr(regency_code, 1, 2)", before), group("umkm_class", before));
    }

    /**
     * Verified sellers grouped by a column expression of this class's own choosing (never
     * user input).
     */
    private Map<String, Long> group(String expression, Timestamp before) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT " + expression + " AS key, count(*) FROM onboarding.sellers WHERE status = 'VERIFIED' "
                + "AND created_at < :before GROUP BY 1 ORDER BY 1")
            .param("before", before)
            .query(rs -> {
                counts.put(rs.getString(1), rs.getLong(2));
            });
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Group> groups() {
        Map<UUID, Group> groups = new HashMap<>();
        jdbc.sql("SELECT id, umkm_class, substr(regency_code, 1, 2), status = 'VERIFIED' FROM onboarding.sellers"
                + " WHERE status <> 'REJECTED'")
            .query(rs -> {
                groups.put(rs.getObject(1, UUID.class), new Group(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
            });
        return groups;
    }

}
