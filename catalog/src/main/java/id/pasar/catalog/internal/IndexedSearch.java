package id.pasar.catalog.internal;

import id.pasar.catalog.RankingFormula;
import id.pasar.catalog.internal.ListingSearch.Position;
import id.pasar.catalog.internal.ListingSearch.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The OpenSearch search backend (ADR 0032): which listings match a text query, in the
 * query's order, as listing ids. {@link ListingSearch} then reads them from PostgreSQL by
 * primary key with all of the query's conditions, as it does with a kept search order, so
 * the index decides the order and never what is visible.
 *
 * <p>
 * The published formula ({@link RankingFormula}) in the query: the text match as close to
 * {@code ts_rank_cd} as an index gives it ({@link #words}: the words as a sloppy phrase
 * in the title, weight 1, and in the description, 0.4, under a similarity that sums the
 * weight per occurrence); {@code inStock} a constant score of its weight for listings in
 * stock; {@code freshness} a {@code distance_feature} on the publication day with a pivot
 * of 30 days, which is exactly {@code weight / (1 + d / 30)}. Ties are the formula's:
 * equal scores (rounded to six decimals) are ordered here by the day's md5 hash and the
 * id, since no index holds a hash of the day.
 *
 * <p>
 * Typos, only when the words find nothing (as on PostgreSQL): every word must be in the
 * title (counted once), stemmed or as typed, within one edit for words of 4 to 6 letters
 * and two from 7; its text match is OpenSearch's fuzzy boost, {@code 1 - edits / length}.
 */
class IndexedSearch {

    /** ts_rank_cd's default weight of a title (A) and a description (B) word. */
    private static final double TITLE = 1.0;

    private static final double DESCRIPTION = 0.4;

    private static final double TEXT_WEIGHT = RankingFormula.CURRENT.weight(RankingFormula.TEXT_MATCH).doubleValue();

    private static final double STOCK_WEIGHT = RankingFormula.CURRENT.weight(RankingFormula.IN_STOCK).doubleValue();

    private static final double FRESHNESS_WEIGHT = RankingFormula.CURRENT.weight(RankingFormula.FRESHNESS)
        .doubleValue();

    private static final String FUZZINESS = "AUTO:4,7";

    /**
     * How far apart (in words) a query's words may stand in one field and still score
     * together: further apart, cover density gives less than a description word's 0.4 /
     * 50.
     */
    private static final int SLOP = 50;

    private final OpenSearchIndex index;

    IndexedSearch(OpenSearchIndex index) {
        this.index = index;
    }

    /**
     * One match, in the query's order: its sort key as {@link SearchSort} has it (a score
     * in millionths, a price, a publication time in microseconds); {@code rank} and
     * {@code tie} only under relevance.
     */
    record Ranked(UUID listingId, long key, BigDecimal rank, String tie) {

        static Ranked of(UUID listingId, BigDecimal rank, String tie) {
            return new Ranked(listingId, rank.movePointRight(6).longValueExact(), rank, tie);
        }
    }

    /**
     * The next {@code limit} matches of a text query after {@code after} (null: from the
     * first), in the query's order; fewer when there are no more.
     */
    List<Ranked> next(Query query, boolean typo, LocalDate day, Position after, int limit) {
        SearchSort sort = query.effectiveSort();
        if (after != null && (sort == SearchSort.RELEVANCE ? after.rank() == null
                : sort == SearchSort.NEWEST && after.publishedAt() == null)) {
            // a cursor without its sort's key: not one this service wrote
            return List.of();
        }
        if (sort != SearchSort.RELEVANCE) {
            List<Object> searchAfter = after == null ? null : switch (sort) {
                case NEWEST -> List.of(SearchSort.micros(after.publishedAt()), after.id().toString());
                default -> List.of(after.priceIdr(), after.id().toString());
            };
            List<Ranked> ranked = new ArrayList<>(limit);
            for (JsonNode hit : hits(request(query, typo, day, limit, searchAfter))) {
                ranked.add(new Ranked(UUID.fromString(hit.path("_id").asString()), hit.path("sort").get(0).asLong(),
                        null, null));
            }
            return ranked;
        }
        return relevant(query, typo, day, after, limit);
    }

    /**
     * Under relevance, the index orders by score and id; the formula by score, the day's
     * hash and id. So matches are read in the index's order until every match of the
     * score of the {@code limit}-th is in hand, and ordered by the formula here.
     */
    private List<Ranked> relevant(Query query, boolean typo, LocalDate day, Position after, int limit) {
        String dayText = day.toString();
        // Everything scored at most the cursor's rank (a little over: the scores are
        // floats), the rest filtered below.
        List<Object> searchAfter = after == null ? null
                : List.of(after.rank().add(new BigDecimal("0.000001")).doubleValue(), "");
        int batch = Math.max(20, limit + 10);
        List<Ranked> found = new ArrayList<>();
        while (true) {
            JsonNode hits = hits(request(query, typo, day, batch, searchAfter));
            BigDecimal last = null;
            for (JsonNode hit : hits) {
                UUID id = UUID.fromString(hit.path("_id").asString());
                BigDecimal rank = BigDecimal.valueOf(hit.path("sort").get(0).asDouble())
                    .setScale(6, RoundingMode.HALF_UP);
                Ranked ranked = Ranked.of(id, rank, SearchOrderingCache.Ordering.tie(id, dayText));
                if (after == null || isAfter(ranked, after)) {
                    found.add(ranked);
                }
                last = rank;
                searchAfter = List.of(hit.path("sort").get(0).asDouble(), hit.path("sort").get(1).asString());
            }
            boolean exhausted = hits.size() < batch;
            // The index gives scores in decreasing order: once one is below the
            // limit-th's, its whole score group is in hand.
            if (exhausted || (found.size() >= limit && last.compareTo(found.get(limit - 1).rank()) < 0)) {
                break;
            }
        }
        found.sort(Comparator.comparing(Ranked::rank)
            .reversed()
            .thenComparing(Ranked::tie)
            .thenComparing(ranked -> ranked.listingId().toString()));
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /** In the formula's order, whether {@code ranked} comes after the cursor. */
    private static boolean isAfter(Ranked ranked, Position after) {
        int byRank = ranked.rank().compareTo(after.rank());
        if (byRank != 0) {
            return byRank < 0;
        }
        int byTie = ranked.tie().compareTo(after.tie());
        return byTie != 0 ? byTie > 0 : ranked.listingId().toString().compareTo(after.id().toString()) > 0;
    }

    private JsonNode hits(Map<String, Object> request) {
        return index.search(request).path("hits").path("hits");
    }

    /**
     * The search request: the text, the filters, the formula under relevance, the sort.
     */
    Map<String, Object> request(Query query, boolean typo, LocalDate day, int size, List<Object> searchAfter) {
        SearchSort sort = query.effectiveSort();
        Map<String, Object> bool = new LinkedHashMap<>();
        List<Object> filters = filters(query);
        Map<String, Object> text = typo ? typo(TypoWords.of(query.text())) : words(query.text());
        if (sort == SearchSort.RELEVANCE) {
            bool.put("must", List.of(text));
            bool.put("should",
                    List.of(Map.of("constant_score",
                            Map.of("filter", Map.of("term", Map.of("in_stock", true)), "boost", STOCK_WEIGHT)),
                            Map.of("distance_feature",
                                    Map.of("field", "published_day", "origin",
                                            String.valueOf(IndexedListings.Row.day(day)), "pivot",
                                            RankingFormula.FRESHNESS_DAYS + "d", "boost", FRESHNESS_WEIGHT))));
        }
        else {
            filters.add(text);
        }
        bool.put("filter", filters);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("size", size);
        request.put("_source", false);
        request.put("track_total_hits", false);
        request.put("query", Map.of("bool", bool));
        request.put("sort", switch (sort) {
            case RELEVANCE -> List.of(Map.of("_score", "desc"), Map.of("id", "asc"));
            case PRICE_ASC -> List.of(Map.of("price_idr", "asc"), Map.of("id", "asc"));
            case PRICE_DESC -> List.of(Map.of("price_idr", "desc"), Map.of("id", "desc"));
            case NEWEST -> List.of(Map.of("published_micros", "desc"), Map.of("id", "desc"));
        });
        if (searchAfter != null) {
            request.put("search_after", searchAfter);
        }
        return request;
    }

    private static List<Object> filters(Query query) {
        List<Object> filters = new ArrayList<>();
        if (query.categoryCodes() != null) {
            filters.add(Map.of("terms", Map.of("category_code", List.copyOf(query.categoryCodes()))));
        }
        if (query.provinceCode() != null) {
            filters.add(Map.of("term", Map.of("province_code", query.provinceCode())));
        }
        // A range on the listing's lowest and highest prices, which the variants' exact
        // condition (in ListingSearch, on the rows read) only narrows.
        if (query.maxPriceIdr() != null) {
            filters.add(Map.of("range", Map.of("price_idr", Map.of("lte", query.maxPriceIdr()))));
        }
        if (query.minPriceIdr() != null) {
            filters.add(Map.of("bool",
                    Map.of("should",
                            List.of(Map.of("range", Map.of("price_idr", Map.of("gte", query.minPriceIdr()))),
                                    Map.of("range", Map.of("max_price_idr", Map.of("gte", query.minPriceIdr())))),
                            "minimum_should_match", 1)));
        }
        return filters;
    }

    /**
     * The words of a query as {@code websearch_to_tsquery} reads them: every term must be
     * in the title or the description, {@code "quoted words"} as a phrase, {@code or}
     * between two terms either, {@code -term} excludes. Which listings match is decided
     * by those conditions alone (filters, no score).
     *
     * <p>
     * The score is {@code ts_rank_cd}'s as far as an index can give it: the plain words
     * together as one sloppy phrase in the title (weight 1) and in the description (0.4).
     * Lucene's sloppy frequency adds {@code 1 / (1 + words between)} per match, as cover
     * density adds {@code 1 / (1 + noise)} per cover, and the similarity multiplies it by
     * the field's weight: words side by side in the title score 1, a word alone its
     * number of occurrences. Quoted phrases score as exact phrases; terms joined by
     * {@code or} each by their occurrences. Words apart in title and description match
     * but score nothing here, where cover density gives them a little (docs/search.md).
     */
    static Map<String, Object> words(String text) {
        WebSearch parsed = WebSearch.of(text);
        List<Object> filter = new ArrayList<>();
        List<Object> should = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (List<WebSearch.Term> group : parsed.groups()) {
            List<Object> either = new ArrayList<>();
            for (WebSearch.Term term : group) {
                either.add(term(term, 1));
            }
            filter.add(either.size() == 1 ? either.get(0)
                    : Map.of("bool", Map.of("should", either, "minimum_should_match", 1)));
            if (group.size() > 1) {
                group.forEach(term -> should.add(term(term, TEXT_WEIGHT)));
            }
            else if (group.get(0).phrase()) {
                should.add(term(group.get(0), TEXT_WEIGHT));
            }
            else {
                plain.add(group.get(0).text());
            }
        }
        if (!plain.isEmpty()) {
            WebSearch.Term together = new WebSearch.Term(String.join(" ", plain), true);
            should.add(Map.of("match_phrase", Map.of("title", phrase(together, TEXT_WEIGHT * TITLE, SLOP))));
            should
                .add(Map.of("match_phrase", Map.of("description", phrase(together, TEXT_WEIGHT * DESCRIPTION, SLOP))));
        }
        List<Object> mustNot = new ArrayList<>();
        for (WebSearch.Term term : parsed.excluded()) {
            mustNot.add(term(term, 1));
        }
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put("filter", filter);
        bool.put("should", should);
        bool.put("must_not", mustNot);
        return Map.of("bool", bool);
    }

    private static Map<String, Object> phrase(WebSearch.Term term, double boost, int slop) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("query", term.text());
        field.put("boost", boost);
        field.put("slop", slop);
        field.put("zero_terms_query", "all");
        return field;
    }

    /**
     * A term in the title (its weight) or the description (0.4 of it), or both (the sum).
     */
    private static Map<String, Object> term(WebSearch.Term term, double weight) {
        String kind = term.phrase() ? "match_phrase" : "match";
        return Map.of("bool",
                Map.of("should",
                        List.of(Map.of(kind, Map.of("title", field(term, weight * TITLE))),
                                Map.of(kind, Map.of("description", field(term, weight * DESCRIPTION)))),
                        "minimum_should_match", 1));
    }

    private static Map<String, Object> field(WebSearch.Term term, double boost) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("query", term.text());
        field.put("boost", boost);
        // a stop word (dan, yang) is no condition, as an empty term is none
        field.put("zero_terms_query", "all");
        if (!term.phrase()) {
            field.put("operator", "and");
        }
        return field;
    }

    /**
     * The typo fallback: every required word in the title, stemmed or as typed, within
     * the fuzziness; the excluded words nowhere.
     */
    static Map<String, Object> typo(TypoWords words) {
        double weight = TEXT_WEIGHT / Math.max(1, words.required().size());
        List<Object> must = new ArrayList<>();
        for (String word : words.required()) {
            must.add(Map.of("dis_max",
                    Map.of("queries", List.of(fuzzy("title.once", word, weight), fuzzy("title.plain", word, weight)))));
        }
        List<Object> mustNot = new ArrayList<>();
        for (String word : words.excluded()) {
            mustNot.add(term(new WebSearch.Term(word, false), 1));
        }
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put("must", must);
        bool.put("must_not", mustNot);
        return Map.of("bool", bool);
    }

    private static Map<String, Object> fuzzy(String field, String word, double boost) {
        return Map.of("match", Map.of(field, Map.of("query", word, "boost", boost, "fuzziness", FUZZINESS, "operator",
                "and", "zero_terms_query", "all")));
    }

    /** A query text as {@code websearch_to_tsquery} reads it. */
    record WebSearch(List<List<Term>> groups, List<Term> excluded) {

        record Term(String text, boolean phrase) {
        }

        static WebSearch of(String text) {
            List<List<Term>> groups = new ArrayList<>();
            List<Term> excluded = new ArrayList<>();
            boolean or = false;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                boolean negated = c == '-' && i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
                if (negated) {
                    i++;
                    c = text.charAt(i);
                }
                Term term;
                if (c == '"') {
                    int end = text.indexOf('"', i + 1);
                    end = end < 0 ? text.length() : end;
                    term = new Term(text.substring(i + 1, end).trim(), true);
                    i = end + 1;
                }
                else {
                    int end = i;
                    while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                            && text.charAt(end) != '"') {
                        end++;
                    }
                    term = new Term(text.substring(i, end), false);
                    i = end;
                }
                if (term.text().isEmpty() || !term.text().codePoints().anyMatch(Character::isLetterOrDigit)) {
                    continue;
                }
                if (!negated && !term.phrase() && term.text().equals("or")) {
                    or = !groups.isEmpty();
                    continue;
                }
                if (negated) {
                    excluded.add(term);
                }
                else if (or) {
                    groups.get(groups.size() - 1).add(term);
                }
                else {
                    groups.add(new ArrayList<>(List.of(term)));
                }
                or = false;
            }
            return new WebSearch(groups, excluded);
        }
    }

}
