package id.pasar.catalog.internal;

import id.pasar.catalog.ExposureClientKey;
import id.pasar.catalog.internal.ExposureClients.Counted;
import id.pasar.catalog.internal.ExposureClients.View;
import id.pasar.catalog.internal.ListingSearch.Hit;
import id.pasar.catalog.internal.ListingSearch.PublishedListing;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts impressions and detail views per listing and Asia/Jakarta day without touching
 * the database on the request path: counts gather in memory and are added to
 * {@code catalog.listing_exposure} in batches (an upsert) every few seconds, when a
 * report asks, and when the application stops. If the process dies, the counts of the
 * last minute (views held while their client's minute is judged) are lost: accepted, and
 * said in docs/equal-playing-field.md.
 *
 * <p>
 * Only what {@link ExposureClients} lets through is counted: a view once per client,
 * listing and day, nothing from a client faster than a person. A client is its account
 * when the request has a valid token, else its network address (an IPv4 address, an IPv6
 * /64), as a keyed hash ({@link ExposureClientKey}); the User-Agent takes no part, since
 * a script can send a new one with every request.
 *
 * <p>
 * Each pending tally is changed only inside {@link ConcurrentHashMap#compute} and taken
 * out by {@link ConcurrentHashMap#remove}, both under the map's lock for that key, so a
 * count that arrives while a flush runs lands either in the batch being written or in a
 * fresh tally, never in neither. Two instances flush in the same key order, so their
 * upserts cannot deadlock.
 */
@Slf4j
@Component
public class ExposureCounter {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final int BATCH = 1_000;

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::day).thenComparing(Key::listingId);

    private static final Viewer NOBODY = new Viewer(0);

    /**
     * An IPv6 zone ({@code %eth0}), which names the server's interface, not the caller.
     */
    private static final Pattern ZONE = Pattern.compile("%[^\\]]*");

    private final ConcurrentHashMap<Key, Tally> pending = new ConcurrentHashMap<>();

    private final JdbcTemplate jdbc;

    private final ExposureClientKey clientKey;

    private final ExposureClients clients;

    private final boolean enabled;

    /**
     * @param ceiling looks at something new per client and minute beyond which a client
     * is taken for a program
     * @param clientMemory the memory for telling clients apart, in
     * {@value ExposureClients#UNIT_BYTES}-byte units
     */
    ExposureCounter(JdbcTemplate jdbc, Clock clock, ExposureClientKey clientKey,
            @Value("${pasar.exposure.counting-enabled:true}") boolean enabled,
            @Value("${pasar.exposure.ceiling-per-minute:60}") int ceiling,
            @Value("${pasar.exposure.client-memory:4000000}") long clientMemory) {
        this.jdbc = jdbc;
        this.clientKey = clientKey;
        this.clients = new ExposureClients(clock.withZone(JAKARTA), ceiling, clientMemory);
        this.enabled = enabled;
        if (!enabled) {
            log.warn(
                    "Exposure counting is off (pasar.exposure.counting-enabled=false): the exposure report will show nothing new");
        }
    }

    /**
     * Who looks, as the count tells clients apart: a keyed hash, never the account or
     * address itself.
     */
    public record Viewer(long id) {
    }

    /**
     * @param subject the account of the request's valid token, or null
     * @param remoteAddress the caller's address as the server sees it (forwarded headers,
     * when configured, have set it already)
     */
    public Viewer viewer(String subject, String remoteAddress) {
        if (!enabled) {
            return NOBODY;
        }
        return new Viewer(clientKey.hash(subject != null ? "account " + subject : "address " + network(remoteAddress)));
    }

    /** The listings of the first page of a search or category result: impressions. */
    public void firstPage(Viewer viewer, List<Hit> hits) {
        if (!enabled || hits.isEmpty()) {
            return;
        }
        List<View> views = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            views.add(new View(hit.listingId(), hit.sellerId(), true));
        }
        count(clients.look(viewer.id(), views));
    }

    public void detailView(Viewer viewer, PublishedListing listing) {
        if (!enabled) {
            return;
        }
        count(clients.look(viewer.id(), List.of(new View(listing.listingId(), listing.sellerId(), false))));
    }

    /**
     * The network a remote address stands for: an IPv4 address itself; for IPv6 its first
     * 64 bits, the prefix of one subscriber, inside which a device picks new addresses at
     * will; other text as it is. Text with a colon is parsed as an IPv6 literal only,
     * never looked up.
     */
    static String network(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return String.valueOf(remoteAddress);
        }
        String literal = ZONE.matcher(remoteAddress).replaceAll("");
        try {
            byte[] address = InetAddress.getByName(literal).getAddress();
            return address.length == 4 ? InetAddress.getByAddress(address).getHostAddress()
                    : HexFormat.of().formatHex(address, 0, 8) + "/64";
        }
        catch (UnknownHostException notAnAddress) {
            return remoteAddress;
        }
    }

    private void count(Counted counted) {
        if (counted == null) {
            return;
        }
        for (View view : counted.views()) {
            pending.compute(new Key(view.listingId(), counted.day()), (key, tally) -> {
                Tally sum = tally != null ? tally : new Tally(view.sellerId());
                if (view.impression()) {
                    sum.impressions++;
                }
                else {
                    sum.detailViews++;
                }
                return sum;
            });
        }
    }

    /**
     * Adds the views of every client window that has ended to the table, with what is
     * pending; what fails to be written is kept for the next flush.
     */
    @Scheduled(initialDelayString = "${pasar.exposure.flush-interval:PT5S}",
            fixedDelayString = "${pasar.exposure.flush-interval:PT5S}")
    public void flush() {
        flush(false);
    }

    /**
     * As {@link #flush()}, and the views still held in a client's open window, when that
     * client is under the ceiling so far: for a report, which then shows every view
     * counted up to now, and at stop.
     */
    public void flushEverything() {
        flush(true);
    }

    private synchronized void flush(boolean everything) {
        clients.settle(everything).forEach(this::count);
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
            }
            catch (RuntimeException e) {
                log.warn("Could not write {} exposure counts; keeping them for the next flush: {}", batch.size(),
                        e.toString());
                batch.forEach(entry -> pending.merge(entry.getKey(), entry.getValue(), Tally::plus));
            }
        }
    }

    private void write(List<Map.Entry<Key, Tally>> batch) {
        jdbc.batchUpdate(
                """
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
        flushEverything();
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
