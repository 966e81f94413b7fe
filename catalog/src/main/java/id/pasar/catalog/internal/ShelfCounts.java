package id.pasar.catalog.internal;

import id.pasar.catalog.ShelfStatistics;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@RequiredArgsConstructor
class ShelfCounts implements ShelfStatistics {

    private final JdbcClient jdbc;

    @Override
    @Transactional(readOnly = true)
    public long publishedNow() {
        return jdbc.sql("SELECT count(*) FROM catalog.listings WHERE status = 'PUBLISHED'").query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public long publishedWithoutPass(String ruleSetVersion) {
        return jdbc.sql("""
                SELECT count(*) FROM catalog.listings l
                WHERE l.status = 'PUBLISHED' AND NOT EXISTS (
                    SELECT 1 FROM compliance.publication_passes p
                    WHERE p.decision_id = l.decision_id AND p.listing_id = l.id AND p.listing_version = l.version
                      AND (CAST(:version AS text) IS NULL OR p.rule_set_version = :version))""")
                .param("version", ruleSetVersion)
                .query(Long.class).single();
    }
}
