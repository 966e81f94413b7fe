package id.pasar.catalog.internal;

import id.pasar.catalog.internal.ListingSearch.Position;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * A search's sort, and everything that follows from it in one place: the key it orders
 * by, its SQL order and keyset condition, and the same order in Java for the cached
 * orderings ({@link SearchOrderingCache}), so the database and the cache can never
 * disagree. Columns are those of the search's inner select, aliased {@code s}:
 * {@code id}, {@code rank}, {@code tie}, {@code price_idr}, {@code published_at}.
 *
 * <p>
 * A key is a {@code long}: a relevance score in millionths, a price in rupiah, a
 * publication time in microseconds since the epoch.
 */
public enum SearchSort {

    /**
     * The published formula's score, descending; then the day's tie hash; then the id.
     */
    RELEVANCE("s.rank DESC, s.tie, s.id",
            "(s.rank < :afterRank OR (s.rank = :afterRank AND (s.tie, s.id) > (:afterTie, :afterId)))") {
        @Override
        StatementSpec bindAfter(StatementSpec statement, Position after) {
            return statement.param("afterRank", after.rank()).param("afterTie", after.tie());
        }

        @Override
        long key(ResultSet row) throws SQLException {
            return row.getBigDecimal("rank").movePointRight(6).longValueExact();
        }

        @Override
        Long key(Position after) {
            return after.rank() == null ? null : after.rank().movePointRight(6).longValueExact();
        }

        @Override
        Position position(long key, UUID id, String tie, boolean typo, LocalDate day) {
            return new Position(this, typo, BigDecimal.valueOf(key, 6), 0, null, id, tie, day);
        }

        @Override
        int compare(long entryKey, Supplier<String> entryTie, int byId, long key, String tie) {
            if (entryKey != key) {
                return entryKey > key ? -1 : 1;
            }
            int byTie = entryTie.get().compareTo(tie);
            return byTie != 0 ? byTie : byId;
        }
    },

    PRICE_ASC("s.price_idr, s.id", "(s.price_idr, s.id) > (:afterPrice, :afterId)") {
        @Override
        int compare(long entryKey, Supplier<String> entryTie, int byId, long key, String tie) {
            return entryKey != key ? Long.compare(entryKey, key) : byId;
        }
    },

    PRICE_DESC("s.price_idr DESC, s.id DESC", "(s.price_idr, s.id) < (:afterPrice, :afterId)"),

    /** Also the order of a search without words. */
    NEWEST("s.published_at DESC, s.id DESC", "(s.published_at, s.id) < (:afterPublished, :afterId)") {
        @Override
        StatementSpec bindAfter(StatementSpec statement, Position after) {
            return statement.param("afterPublished", Timestamp.from(after.publishedAt()));
        }

        @Override
        long key(ResultSet row) throws SQLException {
            return micros(row.getTimestamp("published_at").toInstant());
        }

        @Override
        Long key(Position after) {
            return after.publishedAt() == null ? null : micros(after.publishedAt());
        }

        @Override
        Position position(long key, UUID id, String tie, boolean typo, LocalDate day) {
            return new Position(this, typo, null, 0, Instant.EPOCH.plus(key, ChronoUnit.MICROS), id, null, day);
        }
    };

    private final String orderBy;

    private final String after;

    SearchSort(String orderBy, String after) {
        this.orderBy = orderBy;
        this.after = after;
    }

    /** The SQL {@code ORDER BY} list. */
    String orderBy() {
        return orderBy;
    }

    /**
     * The SQL condition of the rows after a cursor, with {@code :afterId} and
     * {@link #bindAfter}'s parameters.
     */
    String after() {
        return after;
    }

    /** Binds the cursor's key; price sorts by default. */
    StatementSpec bindAfter(StatementSpec statement, Position after) {
        return statement.param("afterPrice", after.priceIdr());
    }

    /** The key of a row of the search's select; price sorts by default. */
    long key(ResultSet row) throws SQLException {
        return row.getLong("price_idr");
    }

    /**
     * A cursor's key as a cached ordering holds it; null when it cannot be one (more than
     * six decimals, out of range: not a cursor this service wrote). Price sorts by
     * default.
     */
    Long key(Position after) {
        return after.priceIdr();
    }

    /**
     * Where an entry of a cached ordering stands, as a cursor of this sort; price sorts
     * by default.
     */
    Position position(long key, UUID id, String tie, boolean typo, LocalDate day) {
        return new Position(this, typo, null, key, null, id, null, day);
    }

    /**
     * An entry of a cached ordering against a cursor, in this order: negative when the
     * entry comes first; {@code entryTie} gives its tie hash when needed. {@code byId}
     * compares their ids as PostgreSQL does. Descending by default.
     */
    int compare(long entryKey, Supplier<String> entryTie, int byId, long key, String tie) {
        return entryKey != key ? Long.compare(key, entryKey) : -byId;
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

}
