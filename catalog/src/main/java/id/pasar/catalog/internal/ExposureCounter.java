package id.pasar.catalog.internal;

import jakarta.annotation.PreDestroy;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts impressions and detail views per listing and Asia/Jakarta day without touching the
 * database on the request path: counts gather in memory and are added to
 * {@code catalog.listing_exposure} in batches (an upsert) every few seconds, when a report asks,
 * and when the application stops. If the process dies, the counts of the last few seconds are
 * lost: accepted, and said in docs/equal-playing-field.md.
 *
 * <p>Each pending tally is changed only inside {@link ConcurrentHashMap#compute} and taken out by
 * {@link ConcurrentHashMap#remove}, both under the map's lock for that key, so a count that
 * arrives while a flush runs lands either in the batch being written or in a fresh tally, never
 * in neither. Two instances flush in the same key order, so their upserts cannot deadlock.
 */
@Slf4j
@Component
public class ExposureCounter {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final int BATCH = 1_000;
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::day).thenComparing(Key::listingId);

    private final ConcurrentHashMap<Key, Tally> pending = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    /** The clock in Asia/Jakarta, whose dates are the days counted. */
    private final Clock jakarta;
    private final boolean enabled;

    ExposureCounter(JdbcTemplate jdbc, Clock clock, @Value("${pasar.exposure.counting-enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.jakarta = clock.withZone(JAKARTA);
        this.enabled = enabled;
        if (!enabled) {
            log.warn("Exposure counting is off (pasar.exposure.counting-enabled=false): the exposure report will show nothing new");
        }
    }

    /** A listing shown on the first page of a search or category result. */
    public void impression(UUID listingId, UUID sellerId) {
        count(listingId, sellerId, true);
    }

    public void detailView(UUID listingId, UUID sellerId) {
        count(listingId, sellerId, false);
    }

    private void count(UUID listingId, UUID sellerId, boolean impression) {
        if (!enabled) {
            return;
        }
        pending.compute(new Key(listingId, LocalDate.now(jakarta)), (key, tally) -> {
            Tally counted = tally != null ? tally : new Tally(sellerId);
            if (impression) {
                counted.impressions++;
            } else {
                counted.detailViews++;
            }
            return counted;
        });
    }

    /** Adds what is pending to the table; what fails to be written is kept for the next flush. */
    @Scheduled(initialDelayString = "${pasar.exposure.flush-interval:PT5S}", fixedDelayString = "${pasar.exposure.flush-interval:PT5S}")
    public synchronized void flush() {
        List<Map.Entry<Key, Tally>> taken = new ArrayList<>();
        for (Key key : pending.keySet()) {
            Tally tally = pending.remove(key);
            if (tally != null) {
                taken.add(Map.entry(key, tally));
            }
        }
        taken.sort(Map.Entry.comparingByKey(ORDER));
        for (int from = 0; from < taken.size(); from += BATCH) {
            List<Map.Entry<Key, Tally>> batch = taken.subList(from, Math.min(taken.size(), from + BATCH));
            try {
                write(batch);
            } catch (RuntimeException e) {
                log.warn("Could not write {} exposure counts; keeping them for the next flush: {}", batch.size(), e.toString());
                batch.forEach(entry -> pending.merge(entry.getKey(), entry.getValue(), Tally::plus));
            }
        }
    }

    private void write(List<Map.Entry<Key, Tally>> batch) {
        jdbc.batchUpdate("""
                INSERT INTO catalog.listing_exposure (day, listing_id, seller_id, impressions, detail_views)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (day, listing_id) DO UPDATE SET impressions = listing_exposure.impressions + EXCLUDED.impressions,
                    detail_views = listing_exposure.detail_views + EXCLUDED.detail_views""",
                batch, batch.size(), (statement, entry) -> {
                    statement.setDate(1, Date.valueOf(entry.getKey().day()));
                    statement.setObject(2, entry.getKey().listingId());
                    statement.setObject(3, entry.getValue().sellerId);
                    statement.setLong(4, entry.getValue().impressions);
                    statement.setLong(5, entry.getValue().detailViews);
                });
    }

    @PreDestroy
    void flushOnStop() {
        flush();
    }

    private record Key(UUID listingId, LocalDate day) {
    }

    /** Mutable, but only under the map's lock for its key (see the class comment). */
    private static final class Tally {
        private final UUID sellerId;
        private long impressions;
        private long detailViews;

        Tally(UUID sellerId) {
            this.sellerId = sellerId;
        }

        Tally plus(Tally other) {
            impressions += other.impressions;
            detailViews += other.detailViews;
            return this;
        }
    }
}
