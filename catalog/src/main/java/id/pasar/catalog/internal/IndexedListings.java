package id.pasar.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import lombok.extern.slf4j.Slf4j;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskWithResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the search index in step with the shelf (ADR 0032). Whatever changed a listing
 * row through its entity (published, edited back to a draft, unpublished, suspended by a
 * take-down, a revocation or a rule set's re-check) is written to the index once its
 * transaction commits: the listing is read again from PostgreSQL as it is now and indexed
 * if PUBLISHED, deleted otherwise. Reading the row rather than trusting the event makes a
 * write idempotent, and the row's lock version is the document's external version, so a
 * late write of an older state never overwrites a newer one. With Kafka on, the listings
 * named on {@code pasar.listings} are written instead ({@link SearchIndexConsumer}), and
 * a write the index refuses is tried again until it takes it.
 *
 * <p>
 * Visibility stays PostgreSQL's decision: a search reads every listing the index names by
 * primary key with all of the query's conditions, so a lagging index can hide a listing
 * for a moment, never show one without a PASS.
 */
@Slf4j
public class IndexedListings {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final String COLUMNS = "id, status, title, description, category_code, province_code, price_idr,"
            + " max_price_idr, stock > 0 AS in_stock, published_at, lock_version";

    private static final int BATCH = 1_000;

    /** The lock of a build, and how long it holds when its instance dies building. */
    static final String BUILD_LOCK = "catalog.search-index-build";

    private static final Duration BUILD_AT_MOST = Duration.ofHours(2);

    private final JdbcClient jdbc;

    private final OpenSearchIndex index;

    /**
     * One writer, in the order of the commits; a burst beyond the queue is dropped with a
     * warning (those listings are right again after a rebuild).
     */
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "search-index-writer");
                thread.setDaemon(true);
                return thread;
            }, (runnable, executor) -> log.warn("Search index writes are queued beyond 10,000: one is dropped"));

    /** Kafka's {@code pasar.listings} feeds the index rather than the commits here. */
    private final boolean fedFromKafka;

    private final LockingTaskExecutor locks;

    IndexedListings(JdbcClient jdbc, OpenSearchIndex index, LockingTaskExecutor locks, boolean fedFromKafka) {
        this.jdbc = jdbc;
        this.index = index;
        this.locks = locks;
        this.fedFromKafka = fedFromKafka;
    }

    /**
     * A listing row changed in the current transaction: once it commits, the listings it
     * changed are written to the index in one batch, on the index's writer thread (the
     * request does not wait for OpenSearch, and the rows are read in a transaction of
     * their own). Nothing when Kafka feeds the index, nor for a transaction rolled back.
     */
    void changedInTransaction(UUID listingId) {
        if (fedFromKafka) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refreshLater(Set.of(listingId));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<UUID> changed = (Set<UUID>) TransactionSynchronizationManager.getResource(this);
        if (changed == null) {
            Set<UUID> ids = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(IndexedListings.this);
                    if (status == STATUS_COMMITTED) {
                        refreshLater(ids);
                    }
                }
            });
            changed = ids;
        }
        changed.add(listingId);
    }

    /** {@link #refresh} on the index's writer thread. */
    private void refreshLater(Collection<UUID> listingIds) {
        List<UUID> ids = List.copyOf(listingIds);
        writer.execute(() -> refresh(ids));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * {@link #write}, with a failure logged, not thrown: the change has committed, and
     * the searches stay right (at worst a new listing is not found until the next
     * rebuild).
     */
    void refresh(Collection<UUID> listingIds) {
        try {
            write(listingIds);
        }
        catch (RuntimeException e) {
            log.warn("Could not update the search index for {} listings; they are right again after a rebuild: {}",
                    listingIds.size(), e.toString());
        }
    }

    /**
     * Writes the current state of these listings to the index: documents for the
     * published ones, deletions for the rest.
     * @throws RuntimeException when the index did not take every write
     */
    void write(Collection<UUID> listingIds) {
        if (listingIds.isEmpty()) {
            return;
        }
        Map<UUID, Row> rows = new LinkedHashMap<>();
        for (Row row : jdbc.sql("SELECT " + COLUMNS + " FROM catalog.listings WHERE id IN (:ids)")
            .param("ids", listingIds)
            .query(IndexedListings::row)
            .list()) {
            rows.put(row.id(), row);
        }
        StringBuilder bulk = new StringBuilder();
        for (UUID id : listingIds) {
            Row row = rows.get(id);
            if (row != null) {
                row.appendTo(bulk);
            }
        }
        if (!bulk.isEmpty()) {
            index.bulk(index.alias(), bulk.toString());
        }
    }

    /**
     * Rebuilds the index from the shelf: a new physical index filled with every published
     * listing, then the alias swapped to it at once and the old one dropped; listings
     * changed meanwhile are written again after the swap. One build at a time across the
     * instances (a ShedLock lock in the database).
     * @return how many listings were indexed
     * @throws IllegalStateException when another instance is building the index
     */
    public long rebuild() {
        TaskResult<Long> built = whileLocked(this::build);
        if (!built.wasExecuted()) {
            throw new IllegalStateException("Another instance is building the search index (ShedLock lock " + BUILD_LOCK
                    + " in gateway.shedlock): try again when it has finished");
        }
        return built.getResult();
    }

    /**
     * Creates and fills the index when there is none (a new cluster), unless another
     * instance is doing it: a fleet that starts at once builds one index, not one each.
     */
    void ensureIndex() {
        whileLocked(() -> index.current() == null ? build() : 0L);
    }

    private TaskResult<Long> whileLocked(TaskWithResult<Long> task) {
        try {
            return locks.executeWithLock(task,
                    new LockConfiguration(Instant.now(), BUILD_LOCK, BUILD_AT_MOST, Duration.ZERO));
        }
        catch (RuntimeException | Error e) {
            throw e;
        }
        catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private long build() {
        Instant started = Instant.now();
        String fresh = index.alias() + "-" + System.currentTimeMillis();
        index.create(fresh);
        long indexed = 0;
        UUID after = new UUID(0, 0);
        while (true) {
            List<Row> rows = jdbc
                .sql("SELECT " + COLUMNS + " FROM catalog.listings WHERE status = 'PUBLISHED' AND id > :after"
                        + " ORDER BY id LIMIT " + BATCH)
                .param("after", after)
                .query(IndexedListings::row)
                .list();
            if (rows.isEmpty()) {
                break;
            }
            StringBuilder bulk = new StringBuilder();
            rows.forEach(row -> row.appendTo(bulk));
            index.bulk(fresh, bulk.toString());
            indexed += rows.size();
            after = rows.get(rows.size() - 1).id();
        }
        index.refresh(fresh);
        index.swap(fresh);
        // What changed while the new index filled went to the old one: write it again.
        Set<UUID> changed = new HashSet<>(jdbc.sql("SELECT id FROM catalog.listings WHERE updated_at >= :since")
            .param("since", java.sql.Timestamp.from(started.minusSeconds(5)))
            .query(UUID.class)
            .list());
        for (List<UUID> batch : batches(changed)) {
            refresh(batch);
        }
        log.info("Search index {} built: {} published listings in {} s", fresh, indexed,
                Duration.between(started, Instant.now()).toSeconds());
        return indexed;
    }

    private static List<List<UUID>> batches(Collection<UUID> ids) {
        List<List<UUID>> batches = new ArrayList<>();
        List<UUID> batch = new ArrayList<>();
        for (UUID id : ids) {
            batch.add(id);
            if (batch.size() == BATCH) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp published = rs.getTimestamp("published_at");
        return new Row(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("title"),
                rs.getString("description"), rs.getString("category_code"), rs.getString("province_code"),
                rs.getLong("price_idr"), rs.getObject("max_price_idr", Long.class), rs.getBoolean("in_stock"),
                published == null ? null : published.toInstant(), rs.getLong("lock_version"));
    }

    /** A listing as the index holds it. */
    record Row(UUID id, String status, String title, String description, String categoryCode, String provinceCode,
            long priceIdr, Long maxPriceIdr, boolean inStock, Instant publishedAt, long version) {

        /**
         * Its bulk action: the document with the row's version when published, else a
         * deletion with it.
         */
        void appendTo(StringBuilder bulk) {
            if (!"PUBLISHED".equals(status) || publishedAt == null) {
                bulk.append(OpenSearchIndex.JSON.writeValueAsString(
                        Map.of("delete", Map.of("_id", id.toString(), "version", version, "version_type", "external"))))
                    .append('\n');
                return;
            }
            bulk.append(OpenSearchIndex.JSON.writeValueAsString(
                    Map.of("index", Map.of("_id", id.toString(), "version", version, "version_type", "external_gte"))))
                .append('\n');
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("id", id.toString());
            document.put("title", title);
            document.put("description", description);
            document.put("category_code", categoryCode);
            document.put("province_code", provinceCode);
            document.put("price_idr", priceIdr);
            document.put("max_price_idr", maxPriceIdr);
            document.put("in_stock", inStock);
            document.put("published_day", day(LocalDate.ofInstant(publishedAt, JAKARTA)));
            document.put("published_micros", SearchSort.micros(publishedAt));
            bulk.append(OpenSearchIndex.JSON.writeValueAsString(document)).append('\n');
        }

        /** A date as the index's {@code published_day}: its midnight UTC, in millis. */
        static long day(LocalDate date) {
            return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
    }

}
