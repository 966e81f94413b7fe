package id.pasar.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * The relevance sort's whole formula, as data: served as it is at
 * {@code GET /api/v1/catalog/ranking} and bound into the search's SQL from this same
 * object, so the published formula cannot drift from the order shoppers see. Every factor
 * is about the listing and the query; nothing is about the seller (size, UMKM class,
 * fees, advertising, affiliation).
 *
 * <p>
 * score = round(Σ weight × factor, 6), highest first; equal scores are ordered by
 * {@link #tieBreak()}.
 */
public record RankingFormula(String version, List<Factor> factors, String tieBreak) {

    public static final String TEXT_MATCH = "textMatch";

    public static final String IN_STOCK = "inStock";

    public static final String FRESHNESS = "freshness";

    /** Freshness halves after this many days on the shelf. */
    public static final int FRESHNESS_DAYS = 30;

    public static final RankingFormula CURRENT = new RankingFormula("2026-12-06.1",
            List.of(new Factor(TEXT_MATCH, new BigDecimal("1.0"), """
                    How well the query matches the listing's own text: round(ts_rank_cd(search, \
                    websearch_to_tsquery('indonesian', q)), 6) in PostgreSQL, where search holds the title's words \
                    (weight A) and the description's (weight B) with Indonesian stemming. When the words find nothing, \
                    the typo fallback's, word by word: for each word of q (its letters and digits, each word once, at \
                    most 8, not those excluded with -), 1 when its Indonesian stem is a stem of the title, else \
                    round(strict_word_similarity(word, title), 6) (pg_trgm); the mean of these, round(mean, 6)."""),
                    new Factor(IN_STOCK, new BigDecimal("0.1"), "1 when the listing has stock, else 0."),
                    new Factor(FRESHNESS, new BigDecimal("0.05"),
                            """
                                    round(1 / (1 + d / %d), 6), d the whole days (Asia/Jakarta) from the listing's last publication \
                                    to the day of the search."""
                                .formatted(FRESHNESS_DAYS))),
            """
                    Equal scores are ordered by md5(listingId + '|' + day) ascending (lowercase hex, byte order), day the \
                    search's date in Asia/Jakarta (yyyy-MM-dd, kept by the cursor for later pages): a hash no seller can \
                    choose, which reshuffles ties every day. Then by listingId ascending.""");

    public RankingFormula {
        factors = List.copyOf(factors);
    }

    public BigDecimal weight(String factor) {
        return factors.stream()
            .filter(f -> f.name().equals(factor))
            .findFirst()
            .map(Factor::weight)
            .orElseThrow(() -> new IllegalArgumentException("no factor " + factor));
    }

    public record Factor(String name, BigDecimal weight, String description) {
    }
}
