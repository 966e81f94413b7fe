package id.pasar.catalog.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A cache of the result orderings of recent text searches, so that a popular query is
 * matched and sorted once, not once per shopper and page. A text query costs what it
 * matches: "kopi" matches 40,000 of a million listings, and ranking them (or sorting them
 * by price) takes 100-200 ms, while serving a page of an ordering already made takes one
 * primary-key read of about 25 rows (docs/search.md, ADR 0013).
 *
 * <p>
 * What is kept per query (words, filters, sort, typo mode, Jakarta day) is only the
 * ordering: the first {@code window} listing ids with their sort keys. Every page still
 * reads its listings afresh with all of the query's conditions, so a listing taken down
 * or sold out of a filter is gone from the next page at once. A publication clears this
 * instance's orders when it commits, so a new or repriced listing is found at once. What
 * can lag is a relevance score's inputs (stock, the day): an ordering older than
 * {@code refresh} is recomputed in the background while the old one is still served, and
 * none is served older than twice that.
 */
@Slf4j
@Component
class SearchOrderingCache {

    /**
     * Asynchronous only so that an ordering is computed outside the map's locks (a
     * synchronous Caffeine cache computes inside {@code ConcurrentHashMap.compute}, which
     * would hold up other queries whose keys share the bin); it is computed on the thread
     * of the request that asked first, and requests asking meanwhile wait for it.
     */
    private final AsyncCache<Key, Ordering> orderings;

    private final int window;

    private final boolean enabled;

    private final Duration refresh;

    private final Clock clock;

    /**
     * One background refresh at a time, a few waiting: refreshes never take more than one
     * database connection.
     */
    private final ThreadPoolExecutor refresher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64), runnable -> {
                Thread thread = new Thread(runnable, "search-order-refresh");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    SearchOrderingCache(Clock clock, @Value("${pasar.search.kept-orders.enabled:true}") boolean enabled,
            @Value("${pasar.search.kept-orders.refresh:PT30S}") Duration refresh,
            @Value("${pasar.search.kept-orders.window:10000}") int window,
            @Value("${pasar.search.kept-orders.max-entries:1000000}") long maxEntries) {
        this.clock = clock;
        this.enabled = enabled;
        this.refresh = refresh;
        this.window = window;
        if (!enabled) {
            log.warn(
                    "Search orders are not kept (pasar.search.kept-orders.enabled=false): every text search page sorts all matches");
        }
        // Weighed by listings held: about 24 bytes each, so the default holds at most
        // about 24 MB.
        this.orderings = Caffeine.newBuilder()
            .expireAfterWrite(refresh.multipliedBy(2))
            .maximumWeight(maxEntries)
            .weigher((Key key, Ordering ordering) -> Math.max(1, ordering.size()))
            .buildAsync();
    }

    /**
     * What decides one ordering: the words and every filter, the sort, the typo mode, and
     * the relevance formula's day.
     */
    record Key(String text, String categories, String provinceCode, Long minPriceIdr, Long maxPriceIdr, SearchSort sort,
            boolean typo, LocalDate day) {
    }

    /**
     * Off for the benchmark's comparison: every text search page is then one SQL
     * statement that sorts every match.
     */
    boolean enabled() {
        return enabled;
    }

    int window() {
        return window;
    }

    /**
     * The cached ordering of the key, or the one {@code compute} makes now on this thread
     * (and keeps). An ordering older than the refresh interval is served while a new one
     * is made in the background.
     */
    Ordering get(Key key, Function<Key, Ordering> compute) {
        CompletableFuture<Ordering> mine = new CompletableFuture<>();
        CompletableFuture<Ordering> cached = orderings.asMap().putIfAbsent(key, mine);
        if (cached != null) {
            Ordering ordering;
            try {
                ordering = cached.join();
            }
            catch (CompletionException e) {
                // The request that computed it failed (a database error): it is not kept;
                // this one reports the same.
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            if (ordering.madeAt().plus(refresh).isBefore(clock.instant())
                    && ordering.refreshing.compareAndSet(false, true)) {
                refresher.execute(() -> refresh(key, cached, compute));
            }
            return ordering;
        }
        try {
            Ordering ordering = compute.apply(key);
            mine.complete(ordering);
            return ordering;
        }
        catch (RuntimeException | Error e) {
            orderings.asMap().remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void refresh(Key key, CompletableFuture<Ordering> old, Function<Key, Ordering> compute) {
        try {
            // Replaced only if still the same: a publication may have cleared it
            // meanwhile.
            orderings.asMap().replace(key, old, CompletableFuture.completedFuture(compute.apply(key)));
        }
        catch (RuntimeException e) {
            log.warn("Could not refresh the cached ordering of a search; it is served until it expires: {}",
                    e.toString());
            old.join().refreshing.set(false);
        }
    }

    /**
     * A listing was published in the current transaction: once it commits, no ordering of
     * this instance lacks it.
     */
    void clearAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    orderings.synchronous().invalidateAll();
                }
            });
        }
        else {
            orderings.synchronous().invalidateAll();
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    /**
     * One listing of an ordering, as the search's SQL returned it: its sort key (a
     * relevance score in millionths, a price in rupiah, or a publication time in
     * microseconds since the epoch).
     */
    record Entry(UUID listingId, long key) {
    }

    /**
     * Up to {@code window} matches in the query's order ({@link SearchSort}'s).
     * {@code complete} when the query matched no more than these.
     */
    static final class Ordering {

        private final SearchSort sort;

        private final long[] idHigh;

        private final long[] idLow;

        private final long[] keys;

        private final String day;

        private final boolean complete;

        private final Instant madeAt;

        private final AtomicBoolean refreshing = new AtomicBoolean();

        Ordering(SearchSort sort, List<Entry> entries, LocalDate day, boolean complete, Instant madeAt) {
            this.sort = sort;
            int n = entries.size();
            this.idHigh = new long[n];
            this.idLow = new long[n];
            this.keys = new long[n];
            for (int i = 0; i < n; i++) {
                idHigh[i] = entries.get(i).listingId().getMostSignificantBits();
                idLow[i] = entries.get(i).listingId().getLeastSignificantBits();
                keys[i] = entries.get(i).key();
            }
            this.day = day.toString();
            this.complete = complete;
            this.madeAt = madeAt;
        }

        int size() {
            return idHigh.length;
        }

        boolean complete() {
            return complete;
        }

        Instant madeAt() {
            return madeAt;
        }

        UUID listingId(int i) {
            return new UUID(idHigh[i], idLow[i]);
        }

        long key(int i) {
            return keys[i];
        }

        /**
         * The relevance tie hash of entry {@code i}, as PostgreSQL computes it: md5 of
         * "id|day" in lowercase hex.
         */
        String tie(int i) {
            return tie(listingId(i), day);
        }

        /**
         * The index of the first entry after a cursor (its sort key, tie hash and id) in
         * this ordering, or {@link #size()} when the cursor is at or past the last entry.
         */
        int indexAfter(long key, String tie, UUID listingId) {
            int low = 0;
            int high = size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (compare(mid, key, tie, listingId) <= 0) {
                    low = mid + 1;
                }
                else {
                    high = mid;
                }
            }
            return low;
        }

        /**
         * Entry {@code i} against the cursor, in this ordering: negative when the entry
         * comes first.
         */
        private int compare(int i, long key, String tie, UUID listingId) {
            // PostgreSQL orders uuids by their bytes, unsigned.
            int byId = Long.compareUnsigned(idHigh[i], listingId.getMostSignificantBits());
            byId = byId != 0 ? byId : Long.compareUnsigned(idLow[i], listingId.getLeastSignificantBits());
            return sort.compare(keys[i], () -> tie(i), byId, key, tie);
        }

        static String tie(UUID listingId, String day) {
            try {
                byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((listingId + "|" + day).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            }
            catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has MD5", e);
            }
        }

    }

}
