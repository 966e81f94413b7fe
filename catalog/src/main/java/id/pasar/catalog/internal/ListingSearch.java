package id.pasar.catalog.internal;

import id.pasar.catalog.RankingFormula;
import id.pasar.kernel.KeysetCursor;
import id.pasar.kernel.KeysetPage;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;

/**
 * Shopper search over the published shelf: PostgreSQL full text with the
 * {@code indonesian} configuration (stems: "kemejanya" finds "kemeja"); only when the
 * words find nothing, word by word either the stem or trigram similarity to a word of the
 * title, for typos ("battik tulis" finds "Batik Tulis", {@link TypoWords}), so a query
 * that matches does not also drag in look-alike titles. Filters; four sorts, relevance by
 * the published {@link RankingFormula} (its weights are bound into the SQL from that
 * object); keyset pagination, so page 500 costs what page 1 does. Which index serves
 * which query: docs/search.md.
 */
@Slf4j
@Service
public class ListingSearch {

    /**
     * The query's words, parsed and stemmed once per search: as a function in FROM it is
     * one row joined to every match, where in the select list a prepared statement's
     * generic plan would parse it again for each match.
     */
    private static final String WORDS = ", websearch_to_tsquery('indonesian', :q) AS words";

    /**
     * The text match of a word match: the text rank (title words weigh more than
     * description words).
     */
    private static final String WORDS_RANK = "round(ts_rank_cd(l.search, words)::numeric, 6)";

    private static final String WORDS_MATCH = "l.search @@ words";

    /** The published formula's other factors ({@link RankingFormula}), and its score. */
    private static final String SCORE = "round(:wText * %s + :wStock * (CASE WHEN l.stock > 0 THEN 1 ELSE 0 END)"
            + " + :wFresh * round(1.0 / (1 + greatest(0, :day - (l.published_at AT TIME ZONE 'Asia/Jakarta')::date) / "
            + RankingFormula.FRESHNESS_DAYS + ".0), 6), 6)";

    private static final String TIE = "md5(l.id::text || '|' || :dayText) COLLATE \"C\"";

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final BigDecimal TEXT_WEIGHT = RankingFormula.CURRENT.weight(RankingFormula.TEXT_MATCH);

    private static final BigDecimal STOCK_WEIGHT = RankingFormula.CURRENT.weight(RankingFormula.IN_STOCK);

    private static final BigDecimal FRESHNESS_WEIGHT = RankingFormula.CURRENT.weight(RankingFormula.FRESHNESS);

    private static final String COLUMNS = "l.id, l.title, l.price_idr, l.max_price_idr, l.shop_name, l.seller_id,"
            + " l.ship_from_regency_code, l.province_code, l.category_code, l.stock > 0 AS in_stock, l.published_at,"
            + " l.halal_status, l.photo_ids[1] AS photo";

    /**
     * Listings read beyond a page's need from a ranking, in case some stopped matching
     * since it was made.
     */
    private static final int RECHECK_SLACK = 5;

    private final JdbcClient jdbc;

    /** The clock in Asia/Jakarta, whose date is the formula's day. */
    private final Clock jakarta;

    private final SearchOrderingCache orderings;

    /**
     * Rounds of index reads for one page, when the rows read keep turning out not to
     * match any more (a lagging index).
     */
    private static final int INDEX_ROUNDS = 8;

    private final ListingVariants variants;

    /**
     * The OpenSearch backend when {@code pasar.search.backend=opensearch}, else null:
     * text searches then rank by SQL, as always (ADR 0032).
     */
    private final IndexedSearch indexed;

    /** When a failure of the index was last logged (System.nanoTime), 0 never. */
    private final AtomicLong indexFailureLogged = new AtomicLong();

    ListingSearch(JdbcClient jdbc, Clock clock, SearchOrderingCache orderings, ListingVariants variants,
            ObjectProvider<IndexedSearch> indexed) {
        this.jdbc = jdbc;
        this.jakarta = clock.withZone(JAKARTA);
        this.orderings = orderings;
        this.variants = variants;
        this.indexed = indexed.getIfAvailable();
    }

    /**
     * @param after the last hit of the previous page, or null for the first page
     */
    public record Query(String text, Set<String> categoryCodes, String provinceCode, Long minPriceIdr, Long maxPriceIdr,
            SearchSort sort, int size, Position after) {

        /** Relevance needs words to rank by; without them the newest come first. */
        public SearchSort effectiveSort() {
            return sort == SearchSort.RELEVANCE && text == null ? SearchSort.NEWEST : sort;
        }

        /** The same search, from the page after {@code position}. */
        public Query startingAfter(Position position) {
            return new Query(text, categoryCodes, provinceCode, minPriceIdr, maxPriceIdr, sort, size, position);
        }
    }

    /**
     * Where a page ended, in the terms of its sort; {@code typo} when the words had found
     * nothing; {@code day} the date the relevance formula was computed for, kept so later
     * pages agree.
     */
    public record Position(SearchSort sort, boolean typo, BigDecimal rank, long priceIdr, Instant publishedAt, UUID id,
            String tie, LocalDate day) {

        /**
         * The cursor names its sort, so a cursor of one sort cannot be replayed against
         * another.
         */
        String encode() {
            return KeysetCursor.encode(kind(sort), typo ? 1 : 0, rank == null ? null : rank.toPlainString(), priceIdr,
                    publishedAt, id, tie, day);
        }

        /**
         * The position of a cursor that {@link #encode} wrote for this sort; else 400
         * INVALID_CURSOR.
         */
        public static Position decode(String cursor, SearchSort sort) {
            KeysetCursor.Fields fields = KeysetCursor.decode(cursor, kind(sort), 7);
            return new Position(sort, fields.number(0) == 1, fields.decimalOrNull(1), fields.number(2),
                    fields.instant(3), fields.id(4), fields.text(5), fields.date(6));
        }

        private static String kind(SearchSort sort) {
            return "search:" + sort.name();
        }
    }

    /**
     * @param priceIdr the lowest price of the listing's variants
     * @param maxPriceIdr the highest when they differ, else null
     * @param photoId the cover photo (the first), or null: read from the listing's row
     */
    public record Hit(UUID listingId, String title, long priceIdr, Long maxPriceIdr, String shopName, UUID sellerId,
            String shipFromRegencyCode, String provinceCode, String categoryCode, boolean inStock, String halalStatus,
            BigDecimal rank, Instant publishedAt, String tie, UUID photoId) {

        Position position(SearchSort sort, boolean typo, LocalDate day) {
            return new Position(sort, typo, rank, priceIdr, publishedAt, listingId, tie, day);
        }

        Hit ranked(BigDecimal rank, String tie) {
            return new Hit(listingId, title, priceIdr, maxPriceIdr, shopName, sellerId, shipFromRegencyCode,
                    provinceCode, categoryCode, inStock, halalStatus, rank, publishedAt, tie, photoId);
        }
    }

    /**
     * No transaction: each read is a single statement with its own snapshot, no
     * BEGIN/COMMIT round trips.
     */
    public KeysetPage<Hit> search(Query query) {
        if (query.after() != null) {
            return search(query, query.after().typo());
        }
        KeysetPage<Hit> words = search(query, false);
        return query.text() != null && words.items().isEmpty() && TypoWords.of(query.text()).any() ? search(query, true)
                : words;
    }

    private KeysetPage<Hit> search(Query query, boolean typo) {
        if (typo && query.text() != null && !TypoWords.of(query.text()).any()) {
            // a typo cursor for a text without words: not one this service wrote
            return new KeysetPage<>(List.of(), null);
        }
        LocalDate day = query.after() != null && query.after().day() != null ? query.after().day()
                : LocalDate.now(jakarta);
        if (query.text() != null && indexed != null) {
            try {
                return fromIndex(query, typo, day);
            }
            catch (RuntimeException e) {
                // The index is down or refuses: PostgreSQL ranks, as it does without one
                // (slower, the same listings; a cursor of either serves the other).
                indexUnavailable(e);
            }
        }
        return query.text() != null && orderings.enabled() ? fromCachedOrdering(query, typo, day)
                : page(query, typo, day, select(query, typo, day, query.after(), KeysetPage.fetchSize(query.size())));
    }

    /**
     * A text search's page from the query's cached ordering
     * ({@link SearchOrderingCache}): the listings after the cursor in that ordering, read
     * afresh with all of the query's conditions (a listing that no longer matches is
     * skipped); past the ordering's window, the SQL continues where it ends.
     */
    private KeysetPage<Hit> fromCachedOrdering(Query query, boolean typo, LocalDate day) {
        SearchSort sort = query.effectiveSort();
        Position after = query.after();
        Long cursorKey = after == null ? null : key(sort, after);
        int wanted = KeysetPage.fetchSize(query.size());
        if (after != null && cursorKey == null) {
            // A cursor whose key no cached ordering can hold (not one this service
            // wrote): the SQL alone takes it.
            return page(query, typo, day, select(query, typo, day, after, wanted));
        }
        SearchOrderingCache.Ordering ordering = orderings.get(
                new SearchOrderingCache.Key(query.text(),
                        query.categoryCodes() == null ? null : String.join(",", new TreeSet<>(query.categoryCodes())),
                        query.provinceCode(), query.minPriceIdr(), query.maxPriceIdr(), sort, typo, day),
                key -> ordering(query, typo, day));
        int from = after == null ? 0 : ordering.indexAfter(cursorKey, after.tie(), after.id());
        List<Hit> hits = new ArrayList<>(wanted);
        int next = from;
        while (hits.size() < wanted && next < ordering.size()) {
            // A few more than needed, for listings that stopped matching since the
            // ordering was made.
            int to = Math.min(ordering.size(), next + wanted - hits.size() + RECHECK_SLACK);
            hits.addAll(current(query, typo, day, ordering, next, to));
            next = to;
        }
        if (hits.size() > wanted) {
            hits = hits.subList(0, wanted);
        }
        else if (hits.size() < wanted && !ordering.complete()) {
            int last = ordering.size() - 1;
            Position end = from == ordering.size() && after != null ? after
                    : sort.position(ordering.key(last), ordering.listingId(last), ordering.tie(last), typo, day);
            hits.addAll(select(query, typo, day, end, wanted - hits.size()));
        }
        return page(query, typo, day, hits);
    }

    private void indexUnavailable(RuntimeException e) {
        long now = System.nanoTime();
        long last = indexFailureLogged.get();
        if (last == 0 || now - last > TimeUnit.MINUTES.toNanos(1)) {
            if (indexFailureLogged.compareAndSet(last, now)) {
                log.warn("The search index did not answer; PostgreSQL ranks text searches meanwhile "
                        + "(logged at most once a minute): {}", e.toString());
            }
        }
    }

    /**
     * A text search's page from the search index ({@link IndexedSearch}): the listings it
     * ranks after the cursor, read from PostgreSQL by primary key with every condition of
     * the query but its words (a listing taken down, or out of a filter, is skipped at
     * once), in the index's order; more are asked for while rows read drop out.
     */
    private KeysetPage<Hit> fromIndex(Query query, boolean typo, LocalDate day) {
        SearchSort sort = query.effectiveSort();
        int wanted = KeysetPage.fetchSize(query.size());
        Position after = query.after();
        List<Hit> hits = new ArrayList<>(wanted);
        for (int round = 0; round < INDEX_ROUNDS && hits.size() < wanted; round++) {
            int asked = wanted - hits.size() + RECHECK_SLACK;
            List<IndexedSearch.Ranked> ranked = indexed.next(query, typo, day, after, asked);
            if (ranked.isEmpty()) {
                break;
            }
            hits.addAll(readNow(query, ranked));
            IndexedSearch.Ranked last = ranked.get(ranked.size() - 1);
            after = sort.position(last.key(), last.listingId(), last.tie(), typo, day);
            if (ranked.size() < asked) {
                break;
            }
        }
        return page(query, typo, day, hits.size() > wanted ? hits.subList(0, wanted) : hits);
    }

    /**
     * The listings of {@code ranked} that are on the shelf and in the query's filters
     * now, in that order; under relevance with the index's score and the day's tie hash,
     * which the cursor carries.
     */
    private List<Hit> readNow(Query query, List<IndexedSearch.Ranked> ranked) {
        Query filters = new Query(null, query.categoryCodes(), query.provinceCode(), query.minPriceIdr(),
                query.maxPriceIdr(), query.sort(), query.size(), null);
        Map<UUID, Hit> found = matchingNow(filters, false, null,
                ranked.stream().map(IndexedSearch.Ranked::listingId).toList());
        List<Hit> hits = new ArrayList<>(found.size());
        for (IndexedSearch.Ranked entry : ranked) {
            Hit hit = found.get(entry.listingId());
            if (hit != null) {
                hits.add(entry.rank() == null ? hit : hit.ranked(entry.rank(), entry.tie()));
            }
        }
        return hits;
    }

    /**
     * The query's matches in its order, up to the cache's window (one more tells whether
     * there are more).
     */
    private SearchOrderingCache.Ordering ordering(Query query, boolean typo, LocalDate day) {
        SearchSort sort = query.effectiveSort();
        int window = orderings.window();
        String ranked = sort == SearchSort.RELEVANCE
                ? ", " + SCORE.formatted(textMatch(query, typo)) + " AS rank, " + TIE + " AS tie" : "";
        String sql = limited("l.id, l.price_idr, l.published_at" + ranked, query, typo, "true");
        List<SearchOrderingCache.Entry> entries = bind(jdbc.sql(sql), query, typo, day).param("limit", window + 1)
            .query((rs, row) -> new SearchOrderingCache.Entry(rs.getObject("id", UUID.class), sort.key(rs)))
            .list();
        boolean complete = entries.size() <= window;
        return new SearchOrderingCache.Ordering(sort, complete ? entries : entries.subList(0, window), day, complete,
                jakarta.instant());
    }

    /**
     * Entries {@code from} to {@code to} of an ordering that still match the query now,
     * in that order.
     */
    private List<Hit> current(Query query, boolean typo, LocalDate day, SearchOrderingCache.Ordering ordering, int from,
            int to) {
        List<UUID> ids = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            ids.add(ordering.listingId(i));
        }
        Map<UUID, Hit> found = matchingNow(query, typo, day, ids);
        boolean relevance = query.effectiveSort() == SearchSort.RELEVANCE;
        List<Hit> hits = new ArrayList<>(found.size());
        for (int i = from; i < to; i++) {
            Hit hit = found.get(ordering.listingId(i));
            if (hit != null) {
                // Relevance pages carry the ordering's scores, so that the cursor finds
                // its place in it.
                hits.add(relevance ? hit.ranked(BigDecimal.valueOf(ordering.key(i), 6), ordering.tie(i)) : hit);
            }
        }
        return hits;
    }

    /**
     * Those of these listings that are on the shelf and match the query now (its words
     * too, when it has any), by id, unranked: the caller puts them in its order.
     */
    private Map<UUID, Hit> matchingNow(Query query, boolean typo, LocalDate day, List<UUID> listingIds) {
        List<String> where = where(query, typo);
        if (query.minPriceIdr() != null) {
            where.add("coalesce(l.max_price_idr, l.price_idr) >= :minPrice");
        }
        where.add("l.id = ANY(string_to_array(:ids, ',')::uuid[])");
        String sql = "SELECT " + COLUMNS + ", 0::numeric AS rank, '' AS tie" + from(query, typo) + " WHERE "
                + String.join(" AND ", where);
        StringBuilder ids = new StringBuilder();
        for (UUID id : listingIds) {
            ids.append(ids.isEmpty() ? "" : ",").append(id);
        }
        Map<UUID, Hit> found = new HashMap<>();
        for (Hit hit : bind(jdbc.sql(sql), query, typo, day).param("ids", ids.toString())
            .query(ListingSearch::hit)
            .list()) {
            found.put(hit.listingId(), hit);
        }
        return found;
    }

    /** The cursor's key as a cached ordering holds it; null when it cannot be one. */
    private static Long key(SearchSort sort, Position after) {
        try {
            return sort.key(after);
        }
        catch (ArithmeticException e) {
            return null;
        }
    }

    /**
     * Up to {@code limit} matches after {@code after} (null: from the start), in the
     * query's sort, by keyset.
     */
    private List<Hit> select(Query query, boolean typo, LocalDate day, Position after, int limit) {
        SearchSort sort = query.effectiveSort();
        boolean text = query.text() != null;
        String sql = limited(
                COLUMNS + ", "
                        + (text ? SCORE.formatted(textMatch(query, typo)) + " AS rank, " + TIE
                                : "0::numeric AS rank, ''")
                        + " AS tie",
                query, typo, after == null ? "true" : sort.after());
        StatementSpec statement = bind(jdbc.sql(sql), query, typo, day).param("limit", limit);
        if (after != null) {
            statement = sort.bindAfter(statement.param("afterId", after.id()), after);
        }
        return statement.query(ListingSearch::hit).list();
    }

    /**
     * A page of {@code query.size()} hits from up to one more; the extra one only says
     * that there is a next page.
     */
    private static KeysetPage<Hit> page(Query query, boolean typo, LocalDate day, List<Hit> hits) {
        return KeysetPage.of(hits, query.size(), hit -> hit,
                hit -> hit.position(query.effectiveSort(), typo, day).encode());
    }

    /**
     * The published formula's text match of a text search: of its words, or of its typo
     * fallback.
     */
    private static String textMatch(Query query, boolean typo) {
        return typo ? TypoWords.of(query.text()).rank() : WORDS_RANK;
    }

    /**
     * The query's matches, {@code select} of each, after {@code after} (a condition on
     * {@code s}) in the query's sort, up to {@code :limit}.
     */
    private static String limited(String select, Query query, boolean typo, String after) {
        String orderBy = " ORDER BY " + query.effectiveSort().orderBy() + " LIMIT :limit";
        List<String> branches = new ArrayList<>();
        for (String bound : lowerBounds(query)) {
            List<String> where = where(query, typo);
            where.add(bound);
            branches.add("SELECT * FROM (SELECT " + select + from(query, typo) + " WHERE " + String.join(" AND ", where)
                    + ") s WHERE " + after + orderBy);
        }
        return branches.size() == 1 ? branches.get(0)
                : "SELECT * FROM ((" + String.join(") UNION ALL (", branches) + ")) s" + orderBy;
    }

    /**
     * A price range's lower bound as two disjoint conditions that each an index ranges
     * over, since one "highest price at least the bound" would be on no index: a listing
     * whose lowest price reaches it (the price indexes), or one whose lowest price is
     * below it and whose highest reaches it (the partial index of listings with several
     * prices). Each is read in the sort up to the page's limit, and the two merged: the
     * same plan as before variants plus a small one (docs/performance.md).
     */
    private static List<String> lowerBounds(Query query) {
        return query.minPriceIdr() == null ? List.of("true")
                : List.of("l.price_idr >= :minPrice", "l.max_price_idr >= :minPrice AND l.price_idr < :minPrice");
    }

    private static String from(Query query, boolean typo) {
        String words = query.text() == null ? "" : typo ? TypoWords.of(query.text()).from() : WORDS;
        return " FROM catalog.listings l" + words;
    }

    private static List<String> where(Query query, boolean typo) {
        List<String> where = new ArrayList<>(List.of("l.status = 'PUBLISHED'"));
        if (query.text() != null && typo) {
            where.addAll(TypoWords.of(query.text()).conditions());
        }
        else if (query.text() != null) {
            where.add(WORDS_MATCH);
        }
        if (query.categoryCodes() != null && query.categoryCodes().size() == 1) {
            // Plain equality, so the (category, price) index also gives the price order.
            where.add("l.category_code = :category");
        }
        else if (query.categoryCodes() != null) {
            // Category codes are [a-z0-9-] (a table constraint), so a comma-joined list
            // is unambiguous.
            where.add("l.category_code = ANY(string_to_array(:categories, ','))");
        }
        if (query.provinceCode() != null) {
            where.add("l.province_code = :province");
        }
        // A listing matches a price range when one of its variants priced in it is in
        // stock (or any variant is priced in it when nothing is in stock). price_idr is
        // the lowest price and max_price_idr the highest when prices differ: with one
        // price, the range on the listing is the whole answer; with several, the
        // variants say. The lower bound is not here: see lowerBounds.
        if (query.maxPriceIdr() != null) {
            where.add("l.price_idr <= :maxPrice");
        }
        if (query.minPriceIdr() != null || query.maxPriceIdr() != null) {
            where.add("(l.max_price_idr IS NULL OR EXISTS (SELECT 1 FROM catalog.listing_variants v"
                    + " WHERE v.listing_id = l.id AND (v.stock > 0 OR l.stock = 0)"
                    + (query.minPriceIdr() != null ? " AND v.price_idr >= :minPrice" : "")
                    + (query.maxPriceIdr() != null ? " AND v.price_idr <= :maxPrice" : "") + "))");
        }
        return where;
    }

    /** Binds the parameters that {@link #where} and the formula name. */
    private static StatementSpec bind(StatementSpec statement, Query query, boolean typo, LocalDate day) {
        if (query.text() != null) {
            statement = (typo ? TypoWords.of(query.text()).bind(statement) : statement.param("q", query.text()))
                .param("wText", TEXT_WEIGHT)
                .param("wStock", STOCK_WEIGHT)
                .param("wFresh", FRESHNESS_WEIGHT)
                .param("day", Date.valueOf(day))
                .param("dayText", day.toString());
        }
        if (query.categoryCodes() != null && query.categoryCodes().size() == 1) {
            statement = statement.param("category", query.categoryCodes().iterator().next());
        }
        else if (query.categoryCodes() != null) {
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

    /**
     * One published listing, for the shopper's detail view; empty unless published. One
     * statement, no transaction.
     */
    public Optional<PublishedListing> published(UUID listingId) {
        return jdbc.sql("""
                SELECT id, title, description, price_idr, max_price_idr, shop_name, seller_id, ship_from_regency_code,
                       province_code, category_code, stock, weight_grams, halal_status, halal_certificate_number,
                       option_types, photo_ids
                FROM catalog.listings WHERE id = :id AND status = 'PUBLISHED'""")
            .param("id", listingId)
            .query((rs, row) -> new PublishedListing(rs.getObject("id", UUID.class), rs.getString("title"),
                    rs.getString("description"), rs.getLong("price_idr"), rs.getObject("max_price_idr", Long.class),
                    rs.getString("shop_name"), rs.getObject("seller_id", UUID.class),
                    rs.getString("ship_from_regency_code"), rs.getString("province_code"),
                    rs.getString("category_code"), rs.getInt("stock"), rs.getInt("weight_grams"),
                    rs.getString("halal_status"), rs.getString("halal_certificate_number"),
                    ListingVariants.values(rs.getArray("option_types")), List.of(), photos(rs.getArray("photo_ids"))))
            .optional()
            .map(listing -> listing.withVariants(variants.of(listingId)));
    }

    /**
     * @param priceIdr the lowest price of its variants
     * @param maxPriceIdr the highest when they differ, else null
     * @param optionTypes the option types, in order; none for a listing sold one way
     * @param photoIds the photos, in order, the first the cover
     */
    public record PublishedListing(UUID listingId, String title, String description, long priceIdr, Long maxPriceIdr,
            String shopName, UUID sellerId, String shipFromRegencyCode, String provinceCode, String categoryCode,
            int stock, int weightGrams, String halalStatus, String halalCertificateNumber, List<String> optionTypes,
            List<Variant> variants, List<UUID> photoIds) {

        PublishedListing withVariants(List<Variant> variants) {
            return new PublishedListing(listingId, title, description, priceIdr, maxPriceIdr, shopName, sellerId,
                    shipFromRegencyCode, provinceCode, categoryCode, stock, weightGrams, halalStatus,
                    halalCertificateNumber, optionTypes, variants, photoIds);
        }
    }

    private static List<UUID> photos(Array array) throws SQLException {
        return array == null ? List.of() : List.of((UUID[]) array.getArray());
    }

    private static Hit hit(ResultSet rs, int row) throws SQLException {
        return new Hit(rs.getObject("id", UUID.class), rs.getString("title"), rs.getLong("price_idr"),
                rs.getObject("max_price_idr", Long.class), rs.getString("shop_name"),
                rs.getObject("seller_id", UUID.class), rs.getString("ship_from_regency_code"),
                rs.getString("province_code"), rs.getString("category_code"), rs.getBoolean("in_stock"),
                rs.getString("halal_status"), rs.getBigDecimal("rank"), rs.getTimestamp("published_at").toInstant(),
                rs.getString("tie"), rs.getObject("photo", UUID.class));
    }

}
