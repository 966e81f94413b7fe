package id.pasar.ledger.internal;

import id.pasar.catalog.Categories;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published fee schedule (V3): versions with their effective time, a rate per
 * category in basis points and a default. One schedule for every seller: nothing here
 * takes a seller.
 */
@Component
@RequiredArgsConstructor
public class FeeSchedule {

    private static final long BASIS_POINTS = 10_000;

    private final JdbcClient jdbc;

    private final Categories categories;

    /**
     * @param rates the rate of each category named; a category not named takes its
     * parent's, else the default
     */
    public record Version(int version, Instant effectiveFrom, int defaultRateBp, String note,
            Map<String, Integer> rates) {

        /** The rate of a category, as the schedule's note says. */
        int rateOf(String categoryCode, Categories categories) {
            if (categoryCode == null) {
                return defaultRateBp;
            }
            Integer own = rates.get(categoryCode);
            if (own != null) {
                return own;
            }
            return categories.find(categoryCode)
                .map(Categories.Category::parentCode)
                .map(rates::get)
                .orElse(defaultRateBp);
        }

        /**
         * The fee on items of these categories: each category's amount times its rate,
         * rounded half up to the rupiah.
         */
        long feeOf(Map<String, Long> itemsByCategory, Categories categories) {
            long fee = 0;
            for (Map.Entry<String, Long> items : itemsByCategory.entrySet()) {
                long rate = rateOf(items.getKey().isEmpty() ? null : items.getKey(), categories);
                fee = Math.addExact(fee,
                        (Math.multiplyExact(items.getValue(), rate) + BASIS_POINTS / 2) / BASIS_POINTS);
            }
            return fee;
        }

    }

    /** Every version, oldest first, including those announced for later. */
    @Transactional(readOnly = true)
    public List<Version> all() {
        return versions("true", null);
    }

    /** The version in force at that time; empty before the first took effect. */
    @Transactional(readOnly = true)
    public Optional<Version> inForceAt(Instant at) {
        return versions("version = (SELECT version FROM ledger.fee_schedules WHERE effective_from <= :at"
                + " ORDER BY effective_from DESC LIMIT 1)", at)
            .stream()
            .findFirst();
    }

    private List<Version> versions(String condition, Instant at) {
        Map<Integer, Map<String, Integer>> rates = new TreeMap<>();
        StatementSpec ofRates = jdbc
            .sql("SELECT version, category_code, rate_bp FROM ledger.fee_rates WHERE version IN "
                    + "(SELECT version FROM ledger.fee_schedules WHERE " + condition + ")");
        StatementSpec ofVersions = jdbc.sql("SELECT version, effective_from, default_rate_bp, note"
                + " FROM ledger.fee_schedules WHERE " + condition + " ORDER BY version");
        if (at != null) {
            ofRates = ofRates.param("at", Timestamp.from(at));
            ofVersions = ofVersions.param("at", Timestamp.from(at));
        }
        ofRates.query((ResultSet rs) -> {
            rates.computeIfAbsent(rs.getInt(1), version -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
        });
        return ofVersions
            .query((rs, row) -> new Version(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getString(4),
                    rates.getOrDefault(rs.getInt(1), Map.of())))
            .list();
    }

    /**
     * The fee on a seller order's items placed at {@code placedAt}, and the version that
     * set it.
     */
    Fee feeOf(Map<String, Long> itemsByCategory, Instant placedAt) {
        Version version = inForceAt(placedAt)
            .orElseThrow(() -> new IllegalStateException("no fee schedule was in force at " + placedAt));
        return new Fee(version.version(), version.feeOf(itemsByCategory, categories));
    }

    record Fee(int version, long feeIdr) {
    }

}
