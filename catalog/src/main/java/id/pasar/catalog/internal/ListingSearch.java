package id.pasar.catalog.internal;

import id.pasar.catalog.RankingFormula;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Shopper search over the published shelf: PostgreSQL full text with the {@code indonesian}
 * configuration (stems: "kemejanya" finds "kemeja"); only when the words find nothing, trigram
 * word similarity on the title, for typos ("battik" finds "batik"), so a query that matches does
 * not also drag in look-alike titles. Filters; four sorts, relevance by the published
 * {@link RankingFormula} (its weights are bound into the SQL from that object); keyset pagination,
 * so page 500 costs what page 1 does. Which index serves which query: docs/search.md.
 */
@Service
public class ListingSearch {

    public enum Sort { RELEVANCE, PRICE_ASC, PRICE_DESC, NEWEST }

    /**
     * The query's words, parsed and stemmed once per search: as a function in FROM it is one row
     * joined to every match, where in the select list a prepared statement's generic plan would
     * parse it again for each match.
     */
    private static final String WORDS = ", websearch_to_tsquery('indonesian', :q) AS words";
    /** The text match of a word match: the text rank (title words weigh more than description words). */
    private static final String WORDS_RANK = "round(ts_rank_cd(l.search, words)::numeric, 6)";
    private static final String WORDS_MATCH = "l.search @@ words";
    /** The text match of a typo match: how much of the query the title holds, trigram by trigram. */
    private static final String TYPO_RANK = "round(public.word_similarity(:q, l.title)::numeric, 6)";
    private static final String TYPO_MATCH = ":q OPERATOR(public.<%) l.title";
    /** The published formula's other factors ({@link RankingFormula}), and its score. */
    private static final String SCORE = "round(:wText * %s + :wStock * (CASE WHEN l.stock > 0 THEN 1 ELSE 0 END)"
            + " + :wFresh * round(1.0 / (1 + greatest(0, :day - (l.published_at AT TIME ZONE 'Asia/Jakarta')::date) / "
            + RankingFormula.FRESHNESS_DAYS + ".0), 6), 6)";
    private static final String TIE = "md5(l.id::text || '|' || :dayText) COLLATE \"C\"";
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final BigDecimal TEXT_WEIGHT = RankingFormula.CURRENT.weight(RankingFormula.TEXT_MATCH);
    private static final BigDecimal STOCK_WEIGHT = RankingFormula.CURRENT.weight(RankingFormula.IN_STOCK);
    private static final BigDecimal FRESHNESS_WEIGHT = RankingFormula.CURRENT.weight(RankingFormula.FRESHNESS);

    private static final String COLUMNS = "l.id, l.title, l.price_idr, l.shop_name, l.seller_id, l.ship_from_regency_code,"
            + " l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at, l.halal_status";
    /** Listings read beyond a page's need from a ranking, in case some stopped matching since it was made. */
    private static final int RECHECK_SLACK = 5;

    private final JdbcClient jdbc;
    /** The clock in Asia/Jakarta, whose date is the formula's day. */
    private final Clock jakarta;
    private final KeptSearchOrders kept;

    ListingSearch(JdbcClient jdbc, Clock clock, KeptSearchOrders kept) {
        this.jdbc = jdbc;
        this.jakarta = clock.withZone(JAKARTA);
        this.kept = kept;
    }

    /**
     * @param after the last hit of the previous page, or null for the first page
     */
    public record Query(String text, Set<String> categoryCodes, String provinceCode, Long minPriceIdr, Long maxPriceIdr,
            Sort sort, int size, Position after) {

        /** Relevance needs words to rank by; without them the newest come first. */
        public Sort effectiveSort() {
            return sort == Sort.RELEVANCE && text == null ? Sort.NEWEST : sort;
        }

        /** The same search, from the page after {@code position}. */
        public Query startingAfter(Position position) {
            return new Query(text, categoryCodes, provinceCode, minPriceIdr, maxPriceIdr, sort, size, position);
        }
    }

    /**
     * Where a page ended, in the terms of its sort; {@code typo} when the words had found nothing;
     * {@code day} the date the relevance formula was computed for, kept so later pages agree.
     */
    public record Position(Sort sort, boolean typo, BigDecimal rank, long priceIdr, Instant publishedAt, UUID id,
            String tie, LocalDate day) {
    }

    public record Hit(UUID listingId, String title, long priceIdr, String shopName, UUID sellerId,
            String shipFromRegencyCode, String provinceCode, String categoryCode, boolean inStock, String halalStatus,
            BigDecimal rank, Instant publishedAt, String tie) {

        Position position(Sort sort, boolean typo, LocalDate day) {
            return new Position(sort, typo, rank, priceIdr, publishedAt, listingId, tie, day);
        }

        Hit ranked(BigDecimal rank, String tie) {
            return new Hit(listingId, title, priceIdr, shopName, sellerId, shipFromRegencyCode, provinceCode, categoryCode,
                    inStock, halalStatus, rank, publishedAt, tie);
        }
    }

    public record Page(List<Hit> hits, Position next) {
    }

    /** No transaction: each read is a single statement with its own snapshot, no BEGIN/COMMIT round trips. */
    public Page search(Query query) {
        if (query.after() != null) {
            return search(query, query.after().typo());
        }
        Page words = search(query, false);
        return query.text() != null && words.hits().isEmpty() ? search(query, true) : words;
    }

    private Page search(Query query, boolean typo) {
        LocalDate day = query.after() != null && query.after().day() != null ? query.after().day()
                : LocalDate.now(jakarta);
        return query.text() != null && kept.enabled() ? kept(query, typo, day)
                : page(query, typo, day, select(query, typo, day, query.after(), query.size() + 1));
    }

    /**
     * A text search's page from the query's kept order ({@link KeptSearchOrders}): the listings after
     * the cursor in that order, read afresh with all of the query's conditions (a listing that no
     * longer matches is skipped); past the order's window, the SQL continues where it ends.
     */
    private Page kept(Query query, boolean typo, LocalDate day) {
        Sort sort = query.effectiveSort();
        Position after = query.after();
        Long cursorKey = after == null ? null : key(sort, after);
        if (after != null && cursorKey == null) {
            // A cursor whose key no kept order can hold (not one this service wrote): the SQL alone takes it.
            return page(query, typo, day, select(query, typo, day, after, query.size() + 1));
        }
        KeptSearchOrders.Order order = kept.get(new KeptSearchOrders.Key(query.text(),
                query.categoryCodes() == null ? null : String.join(",", new TreeSet<>(query.categoryCodes())),
                query.provinceCode(), query.minPriceIdr(), query.maxPriceIdr(), sort, typo, day), key -> order(query, typo, day));
        int from = after == null ? 0 : order.indexAfter(cursorKey, after.tie(), after.id());
        int wanted = query.size() + 1;
        List<Hit> hits = new ArrayList<>(wanted);
        int next = from;
        while (hits.size() < wanted && next < order.size()) {
            // A few more than needed, for listings that stopped matching since the order was made.
            int to = Math.min(order.size(), next + wanted - hits.size() + RECHECK_SLACK);
            hits.addAll(current(query, typo, day, order, next, to));
            next = to;
        }
        if (hits.size() > wanted) {
            hits = hits.subList(0, wanted);
        } else if (hits.size() < wanted && !order.complete()) {
            Position end = from == order.size() && after != null ? after : position(order, order.size() - 1, sort, typo, day);
            hits.addAll(select(query, typo, day, end, wanted - hits.size()));
        }
        return page(query, typo, day, hits);
    }

    /** The query's matches in its order, up to the kept orders' window (one more tells whether there are more). */
    private KeptSearchOrders.Order order(Query query, boolean typo, LocalDate day) {
        Sort sort = query.effectiveSort();
        int window = kept.window();
        String select = switch (sort) {
            case RELEVANCE -> SCORE.formatted(typo ? TYPO_RANK : WORDS_RANK) + " AS rank, " + TIE + " AS tie";
            case PRICE_ASC, PRICE_DESC -> "l.price_idr";
            case NEWEST -> "l.published_at";
        };
        String order = switch (sort) {
            case RELEVANCE -> "rank DESC, tie, l.id";
            case PRICE_ASC -> "l.price_idr, l.id";
            case PRICE_DESC -> "l.price_idr DESC, l.id DESC";
            case NEWEST -> "l.published_at DESC, l.id DESC";
        };
        String sql = "SELECT l.id, " + select + from(query, typo) + " WHERE " + String.join(" AND ", where(query, typo))
                + " ORDER BY " + order + " LIMIT :limit";
        List<KeptSearchOrders.Entry> entries = bind(jdbc.sql(sql), query, typo, day).param("limit", window + 1)
                .query((rs, row) -> new KeptSearchOrders.Entry(rs.getObject("id", UUID.class), switch (sort) {
                    case RELEVANCE -> rs.getBigDecimal("rank").movePointRight(6).longValueExact();
                    case PRICE_ASC, PRICE_DESC -> rs.getLong("price_idr");
                    case NEWEST -> micros(rs.getTimestamp("published_at").toInstant());
                }))
                .list();
        boolean complete = entries.size() <= window;
        return new KeptSearchOrders.Order(sort, complete ? entries : entries.subList(0, window), day, complete,
                jakarta.instant());
    }

    /** Entries {@code from} to {@code to} of an order that still match the query now, in that order. */
    private List<Hit> current(Query query, boolean typo, LocalDate day, KeptSearchOrders.Order order, int from, int to) {
        StringBuilder ids = new StringBuilder();
        for (int i = from; i < to; i++) {
            ids.append(i > from ? "," : "").append(order.listingId(i));
        }
        List<String> where = where(query, typo);
        where.add("l.id = ANY(string_to_array(:ids, ',')::uuid[])");
        String sql = "SELECT " + COLUMNS + ", 0::numeric AS rank, '' AS tie" + from(query, typo) + " WHERE " + String.join(" AND ", where);
        Map<UUID, Hit> found = new HashMap<>();
        for (Hit hit : bind(jdbc.sql(sql), query, typo, day).param("ids", ids.toString()).query(ListingSearch::hit).list()) {
            found.put(hit.listingId(), hit);
        }
        boolean relevance = query.effectiveSort() == Sort.RELEVANCE;
        List<Hit> hits = new ArrayList<>(found.size());
        for (int i = from; i < to; i++) {
            Hit hit = found.get(order.listingId(i));
            if (hit != null) {
                // Relevance pages carry the order's scores, so that the cursor finds its place in it.
                hits.add(relevance ? hit.ranked(BigDecimal.valueOf(order.key(i), 6), order.tie(i)) : hit);
            }
        }
        return hits;
    }

    /** Where entry {@code i} of an order stands, as a cursor of the order's sort. */
    private static Position position(KeptSearchOrders.Order order, int i, Sort sort, boolean typo, LocalDate day) {
        return switch (sort) {
            case RELEVANCE -> new Position(sort, typo, BigDecimal.valueOf(order.key(i), 6), 0, null, order.listingId(i),
                    order.tie(i), day);
            case PRICE_ASC, PRICE_DESC -> new Position(sort, typo, null, order.key(i), null, order.listingId(i), null, day);
            case NEWEST -> new Position(sort, typo, null, 0, Instant.EPOCH.plus(order.key(i), ChronoUnit.MICROS),
                    order.listingId(i), null, day);
        };
    }

    /** The cursor's sort key as a kept order holds it; null when it cannot be one (more than six decimals, out of range). */
    private static Long key(Sort sort, Position after) {
        try {
            return switch (sort) {
                case RELEVANCE -> after.rank() == null ? null : after.rank().movePointRight(6).longValueExact();
                case PRICE_ASC, PRICE_DESC -> after.priceIdr();
                case NEWEST -> after.publishedAt() == null ? null : micros(after.publishedAt());
            };
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** Up to {@code limit} matches after {@code after} (null: from the start), in the query's sort, by keyset. */
    private List<Hit> select(Query query, boolean typo, LocalDate day, Position after, int limit) {
        Sort sort = query.effectiveSort();
        boolean text = query.text() != null;
        String keyset = after == null ? "true" : switch (sort) {
            case RELEVANCE -> "(s.rank < :afterRank OR (s.rank = :afterRank AND (s.tie, s.id) > (:afterTie, :afterId)))";
            case PRICE_ASC -> "(s.price_idr, s.id) > (:afterPrice, :afterId)";
            case PRICE_DESC -> "(s.price_idr, s.id) < (:afterPrice, :afterId)";
            case NEWEST -> "(s.published_at, s.id) < (:afterPublished, :afterId)";
        };
        String order = switch (sort) {
            case RELEVANCE -> "s.rank DESC, s.tie, s.id";
            case PRICE_ASC -> "s.price_idr, s.id";
            case PRICE_DESC -> "s.price_idr DESC, s.id DESC";
            case NEWEST -> "s.published_at DESC, s.id DESC";
        };
        String sql = "SELECT * FROM (SELECT " + COLUMNS + ", "
                + (text ? SCORE.formatted(typo ? TYPO_RANK : WORDS_RANK) + " AS rank, " + TIE : "0::numeric AS rank, ''")
                + " AS tie" + from(query, typo) + " WHERE " + String.join(" AND ", where(query, typo))
                + ") s WHERE " + keyset + " ORDER BY " + order + " LIMIT :limit";
        JdbcClient.StatementSpec statement = bind(jdbc.sql(sql), query, typo, day).param("limit", limit);
        if (after != null) {
            statement = statement.param("afterId", after.id());
            switch (sort) {
                case RELEVANCE -> statement = statement.param("afterRank", after.rank()).param("afterTie", after.tie());
                case PRICE_ASC, PRICE_DESC -> statement = statement.param("afterPrice", after.priceIdr());
                case NEWEST -> statement = statement.param("afterPublished", Timestamp.from(after.publishedAt()));
            }
        }
        return statement.query(ListingSearch::hit).list();
    }

    /** A page of {@code query.size()} hits from up to one more; the extra one only says that there is a next page. */
    private static Page page(Query query, boolean typo, LocalDate day, List<Hit> hits) {
        boolean more = hits.size() > query.size();
        List<Hit> page = more ? hits.subList(0, query.size()) : hits;
        return new Page(List.copyOf(page), more ? page.get(page.size() - 1).position(query.effectiveSort(), typo, day) : null);
    }

    private static String from(Query query, boolean typo) {
        return " FROM catalog.listings l" + (query.text() != null && !typo ? WORDS : "");
    }

    private static List<String> where(Query query, boolean typo) {
        List<String> where = new ArrayList<>(List.of("l.status = 'PUBLISHED'"));
        if (query.text() != null) {
            where.add(typo ? TYPO_MATCH : WORDS_MATCH);
        }
        if (query.categoryCodes() != null && query.categoryCodes().size() == 1) {
            // Plain equality, so the (category, price) index also gives the price order.
            where.add("l.category_code = :category");
        } else if (query.categoryCodes() != null) {
            // Category codes are [a-z0-9-] (a table constraint), so a comma-joined list is unambiguous.
            where.add("l.category_code = ANY(string_to_array(:categories, ','))");
        }
        if (query.provinceCode() != null) {
            where.add("l.province_code = :province");
        }
        if (query.minPriceIdr() != null) {
            where.add("l.price_idr >= :minPrice");
        }
        if (query.maxPriceIdr() != null) {
            where.add("l.price_idr <= :maxPrice");
        }
        return where;
    }

    /** Binds the parameters that {@link #where} and the formula name. */
    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Query query, boolean typo, LocalDate day) {
        if (query.text() != null) {
            statement = statement.param("q", query.text())
                    .param("wText", TEXT_WEIGHT)
                    .param("wStock", STOCK_WEIGHT)
                    .param("wFresh", FRESHNESS_WEIGHT)
                    .param("day", Date.valueOf(day))
                    .param("dayText", day.toString());
        }
        if (query.categoryCodes() != null && query.categoryCodes().size() == 1) {
            statement = statement.param("category", query.categoryCodes().iterator().next());
        } else if (query.categoryCodes() != null) {
            statement = statement.param("categories", String.join(",", query.categoryCodes()));
        }
        if (query.provinceCode() != null) {
            statement = statement.param("province", query.provinceCode());
        }
        if (query.minPriceIdr() != null) {
            statement = statement.param("minPrice", query.minPriceIdr());
        }
        if (query.maxPriceIdr() != null) {
            statement = statement.param("maxPrice", query.maxPriceIdr());
        }
        return statement;
    }

    /** One published listing, for the shopper's detail view; empty unless published. One statement, no transaction. */
    public Optional<PublishedListing> published(UUID listingId) {
        return jdbc.sql("""
                SELECT id, title, description, price_idr, shop_name, seller_id, ship_from_regency_code, province_code,
                       category_code, stock, weight_grams, halal_status, halal_certificate_number
                FROM catalog.listings WHERE id = :id AND status = 'PUBLISHED'""")
                .param("id", listingId)
                .query((rs, row) -> new PublishedListing(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getString("description"), rs.getLong("price_idr"), rs.getString("shop_name"),
                        rs.getObject("seller_id", UUID.class), rs.getString("ship_from_regency_code"),
                        rs.getString("province_code"), rs.getString("category_code"), rs.getInt("stock"),
                        rs.getInt("weight_grams"), rs.getString("halal_status"), rs.getString("halal_certificate_number")))
                .optional();
    }

    public record PublishedListing(UUID listingId, String title, String description, long priceIdr, String shopName,
            UUID sellerId, String shipFromRegencyCode, String provinceCode, String categoryCode, int stock,
            int weightGrams, String halalStatus, String halalCertificateNumber) {
    }

    private static Hit hit(ResultSet rs, int row) throws SQLException {
        return new Hit(rs.getObject("id", UUID.class), rs.getString("title"), rs.getLong("price_idr"),
                rs.getString("shop_name"), rs.getObject("seller_id", UUID.class), rs.getString("ship_from_regency_code"),
                rs.getString("province_code"), rs.getString("category_code"), rs.getBoolean("in_stock"),
                rs.getString("halal_status"), rs.getBigDecimal("rank"), rs.getTimestamp("published_at").toInstant(),
                rs.getString("tie"));
    }
}
