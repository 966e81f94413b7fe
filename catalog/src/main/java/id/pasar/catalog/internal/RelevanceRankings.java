package id.pasar.catalog.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The relevance order of recent searches, so that a popular query is ranked once, not once per
 * shopper and page. Ranking costs what the query matches: "kopi" matches 40,000 of a million
 * listings and takes about 200 ms to rank, while serving a page of an order already ranked takes
 * one primary-key read of about 20 rows (docs/performance.md, docs/search.md).
 *
 * <p>What is kept per query (its words, filters, typo mode and Jakarta day) is only the order:
 * listing ids with their scores, at most {@link #window} of them. Every page still reads its
 * listings afresh with the query's full conditions, so a listing taken down, sold out of its
 * filters or repriced out of them is gone from the next page at once. What can lag is the order
 * itself: a listing's score moves (stock, a new day) at most {@code ttl} after it changed, and a
 * newly published listing joins the results when the publication commits, because a publication
 * clears the rankings of this instance; another instance sees it after at most {@code ttl}.
 */
@Slf4j
@Component
class RelevanceRankings {

    private final Cache<Key, Ranking> rankings;
    private final int window;
    private final boolean enabled;

    RelevanceRankings(@Value("${pasar.search.rankings.enabled:true}") boolean enabled,
            @Value("${pasar.search.rankings.ttl:PT30S}") Duration ttl,
            @Value("${pasar.search.rankings.window:10000}") int window,
            @Value("${pasar.search.rankings.max-entries:1000000}") long maxEntries) {
        this.enabled = enabled;
        this.window = window;
        if (!enabled) {
            log.warn("Relevance rankings are not kept (pasar.search.rankings.enabled=false): every relevance page ranks all matches");
        }
        // Weighed by listings held: 24 bytes each, so the default holds at most about 24 MB.
        this.rankings = Caffeine.newBuilder().expireAfterWrite(ttl).maximumWeight(maxEntries)
                .weigher((Key key, Ranking ranking) -> Math.max(1, ranking.size())).build();
    }

    /** What identifies one ranking: the words and every filter, the typo mode, and the formula's day. */
    record Key(String text, String categories, String provinceCode, Long minPriceIdr, Long maxPriceIdr, boolean typo,
            LocalDate day) {
    }

    /** Off for the benchmark's comparison: every relevance page is then one SQL statement that ranks every match. */
    boolean enabled() {
        return enabled;
    }

    int window() {
        return window;
    }

    Ranking get(Key key, Function<Key, Ranking> rank) {
        return rankings.get(key, rank);
    }

    /** A listing was published in the current transaction: once it commits, no ranking of this instance lacks it. */
    void clearAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    rankings.invalidateAll();
                }
            });
        } else {
            rankings.invalidateAll();
        }
    }

    /** One row of a ranking, as the search's SQL returned it. */
    record Ranked(UUID listingId, BigDecimal rank) {
    }

    /**
     * The order of up to {@code window} matches, best first (score descending, then the day's tie
     * hash, then the id: {@link ListingSearch}'s order). {@code complete} when the query matched no
     * more than these.
     */
    static final class Ranking {

        private final long[] idHigh;
        private final long[] idLow;
        /** Scores in millionths: the formula rounds them to six decimals. */
        private final long[] micros;
        private final String day;
        private final boolean complete;

        Ranking(List<Ranked> rows, LocalDate day, boolean complete) {
            int n = rows.size();
            this.idHigh = new long[n];
            this.idLow = new long[n];
            this.micros = new long[n];
            for (int i = 0; i < n; i++) {
                Ranked row = rows.get(i);
                idHigh[i] = row.listingId().getMostSignificantBits();
                idLow[i] = row.listingId().getLeastSignificantBits();
                micros[i] = row.rank().movePointRight(6).longValueExact();
            }
            this.day = day.toString();
            this.complete = complete;
        }

        int size() {
            return idHigh.length;
        }

        boolean complete() {
            return complete;
        }

        UUID listingId(int i) {
            return new UUID(idHigh[i], idLow[i]);
        }

        BigDecimal rank(int i) {
            return BigDecimal.valueOf(micros[i], 6);
        }

        /** The tie hash of entry {@code i}, as PostgreSQL computes it: md5 of "id|day" in lowercase hex. */
        String tie(int i) {
            return tie(listingId(i), day);
        }

        /**
         * The index of the first entry after the cursor's (rank, tie, id) in the ranking's order, or
         * {@link #size()} when the cursor is at or past the last entry.
         */
        int indexAfter(BigDecimal rank, String tie, UUID listingId) {
            long cursorMicros = rank.movePointRight(6).longValueExact();
            int low = 0;
            int high = size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (compare(mid, cursorMicros, tie, listingId) <= 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        /** Entry {@code i} against the cursor, in the ranking's order: negative when it comes first. */
        private int compare(int i, long cursorMicros, String tie, UUID listingId) {
            if (micros[i] != cursorMicros) {
                return micros[i] > cursorMicros ? -1 : 1;
            }
            int byTie = tie(i).compareTo(tie);
            if (byTie != 0) {
                return byTie;
            }
            // PostgreSQL orders uuids by their bytes, unsigned.
            int byHigh = Long.compareUnsigned(idHigh[i], listingId.getMostSignificantBits());
            return byHigh != 0 ? byHigh : Long.compareUnsigned(idLow[i], listingId.getLeastSignificantBits());
        }

        static String tie(UUID listingId, String day) {
            try {
                byte[] digest = MessageDigest.getInstance("MD5").digest((listingId + "|" + day).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has MD5", e);
            }
        }
    }
}
