package id.pasar.catalog.internal;

import id.pasar.catalog.ShelfStatistics;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@RequiredArgsConstructor
class ShelfCounts implements ShelfStatistics {

    private final JdbcClient jdbc;

    private final ExposureCounter exposure;

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
            .query(Long.class)
            .single();
    }

    /**
     * Not in a read-only transaction: the pending counts are written first, in their own.
     */
    @Override
    public List<SellerExposure> exposureBySeller(LocalDate from, LocalDate to) {
        exposure.flushEverything();
        return jdbc
            .sql("""
                    SELECT seller_id, sum(listings) AS listings, sum(impressions) AS impressions, sum(views) AS views FROM (
                        SELECT seller_id, count(*) FILTER (WHERE status = 'PUBLISHED') AS listings, 0 AS impressions, 0 AS views
                        FROM catalog.listings GROUP BY seller_id
                        UNION ALL
                        SELECT seller_id, 0, sum(impressions), sum(detail_views)
                        FROM catalog.listing_exposure WHERE day BETWEEN :from AND :to GROUP BY seller_id) counts
                    GROUP BY seller_id""")
            .param("from", Date.valueOf(from))
            .param("to", Date.valueOf(to))
            .query((rs, row) -> new SellerExposure(rs.getObject("seller_id", UUID.class), rs.getLong("listings"),
                    rs.getLong("impressions"), rs.getLong("views")))
            .list();
    }

}
