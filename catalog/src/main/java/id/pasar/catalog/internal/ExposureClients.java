package id.pasar.catalog.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Which views count for the exposure report, decided in this instance's memory: a view
 * counts at most once per client, listing, kind (impression or detail view) and
 * Asia/Jakarta day, and a client that looks at new things faster than a person can counts
 * nothing.
 *
 * <p>
 * A <em>look</em> is a first page that shows the client at least one listing it was not
 * shown before that day, or a detail view of a listing it had not opened that day; a look
 * at nothing new counts nothing and costs nothing. A client's looks are held from its
 * first one for a {@link #WINDOW}: if the window ends with at most {@code ceiling} looks,
 * its views are counted; at the look over the ceiling, everything held is dropped and the
 * client is ignored for the rest of the day. Holding views costs the report up to a
 * minute of delay, except that a report (and a stop) counts what is held at that moment:
 * a client still under the ceiling.
 *
 * <p>
 * Memory is bounded: clients live in a Caffeine cache weighed in {@link #UNIT_BYTES}-byte
 * units (a slot of a client's set of seen views is one, a held view 12, the client itself
 * 32), up to {@code maxWeight}; a client leaves at the end of its day (plus two windows,
 * so that what it holds at midnight is still counted) or, when memory is full, by
 * Caffeine's choice of the least useful. A client that was let go counts again as a new
 * one: a memory too small over-counts people, never loses a view of someone it remembers,
 * and never lets an ignored client's burst through (the burst goes past the ceiling again
 * within its window).
 *
 * <p>
 * Each client is changed only inside the cache's {@code compute} for its key, so
 * concurrent requests of one client take turns, and the cache weighs the client after
 * every change.
 */
final class ExposureClients {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int UNIT_BYTES = 8;

    /**
     * How long a client stays after its day, so that the window it had open at midnight
     * is still counted.
     */
    private static final Duration LINGER = WINDOW.multipliedBy(2);

    private final Clock clock;

    private final int ceiling;

    private final Cache<Long, Client> clients;

    /**
     * Clients holding views, for {@link #settle}; a client may stand here once more after
     * it was let go.
     */
    private final ConcurrentLinkedQueue<Long> holding = new ConcurrentLinkedQueue<>();

    /**
     * @param clock in Asia/Jakarta, whose dates are the days counted
     * @param ceiling the most looks at something new a client may take within a window
     * and still count
     * @param maxWeight the memory for clients, in {@link #UNIT_BYTES}-byte units
     */
    ExposureClients(Clock clock, int ceiling, long maxWeight) {
        this.clock = clock;
        this.ceiling = ceiling;
        this.clients = Caffeine.newBuilder()
            .maximumWeight(maxWeight)
            .weigher((Long id, Client client) -> client.weight())
            .expireAfter(Expiry.writing((Long id, Client client) -> Duration.between(clock.instant(), client.leaves)))
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .executor(Runnable::run)
            .build();
    }

    /** A listing shown on a first page ({@code impression}) or opened. */
    record View(UUID listingId, UUID sellerId, boolean impression) {

        /**
         * The view's kind and listing in 64 bits, never 0: the listing id's bits mixed,
         * the kind in the lowest.
         */
        long fingerprint() {
            long mixed = mix(listingId.getMostSignificantBits() ^ mix(listingId.getLeastSignificantBits()));
            long fingerprint = (mixed & ~1L) | (impression ? 1 : 0);
            return fingerprint != 0 ? fingerprint : 2;
        }
    }

    /** Views to count, of one client and day. */
    record Counted(LocalDate day, List<View> views) {
    }

    /**
     * Remembers that {@code client} was shown {@code views} now (one look); returns what
     * is now to be counted: the views the client held from a window that has ended, or
     * null.
     */
    Counted look(long client, List<View> views) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Counted[] counted = new Counted[1];
        boolean[] holds = new boolean[1];
        clients.asMap().compute(client, (id, known) -> {
            Client current = known;
            if (current == null || !current.day.equals(today)) {
                if (current != null) {
                    // yesterday's last window: it stayed under the ceiling
                    counted[0] = current.release();
                }
                current = new Client(today, today.plusDays(1).atStartOfDay(clock.getZone()).toInstant().plus(LINGER));
            }
            if (current.ignored) {
                return current;
            }
            List<View> fresh = null;
            for (View view : views) {
                if (current.seen.add(view.fingerprint())) {
                    if (fresh == null) {
                        fresh = new ArrayList<>(views.size());
                    }
                    fresh.add(view);
                }
            }
            if (fresh == null) {
                return current;
            }
            if (current.windowEnds != null && !now.isBefore(current.windowEnds)) {
                counted[0] = current.release();
            }
            if (current.windowEnds == null) {
                current.windowEnds = now.plus(WINDOW);
            }
            if (++current.looks > ceiling) {
                current.ignore();
                return current;
            }
            current.held.addAll(fresh);
            if (!current.queued) {
                current.queued = true;
                holds[0] = true;
            }
            return current;
        });
        if (holds[0]) {
            holding.add(client);
        }
        return counted[0];
    }

    /**
     * What is to be counted now: the views of every window that has ended, or with
     * {@code everything} of every window (a report, a stop), each client's kept under the
     * ceiling.
     */
    List<Counted> settle(boolean everything) {
        Instant now = clock.instant();
        Set<Long> ids = new LinkedHashSet<>();
        for (Long id = holding.poll(); id != null; id = holding.poll()) {
            ids.add(id);
        }
        List<Counted> counted = new ArrayList<>();
        List<Long> stillHolding = new ArrayList<>();
        for (Long id : ids) {
            clients.asMap().computeIfPresent(id, (key, client) -> {
                if (client.windowEnds != null && !everything && now.isBefore(client.windowEnds)) {
                    stillHolding.add(key);
                    return client;
                }
                Counted released = client.release();
                if (released != null) {
                    counted.add(released);
                }
                client.queued = false;
                return client;
            });
        }
        holding.addAll(stillHolding);
        return counted;
    }

    /**
     * The memory the clients take now, in {@link #UNIT_BYTES}-byte units (for tests and
     * metrics).
     */
    long weight() {
        clients.cleanUp();
        return clients.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** One client's day. Changed only inside the cache's compute for its key. */
    private static final class Client {

        final LocalDate day;

        final Instant leaves;

        LongSet seen = new LongSet();

        List<View> held = new ArrayList<>();

        /** The end of the window its held views belong to; null when none is open. */
        Instant windowEnds;

        int looks;

        boolean queued;

        boolean ignored;

        Client(LocalDate day, Instant leaves) {
            this.day = day;
            this.leaves = leaves;
        }

        /** The held views, to count now; the window closes. */
        Counted release() {
            Counted counted = held == null || held.isEmpty() ? null : new Counted(day, held);
            if (!ignored) {
                held = new ArrayList<>();
            }
            windowEnds = null;
            looks = 0;
            return counted;
        }

        /**
         * Faster than a person: nothing of it counts today, and it needs no memory of
         * what it saw.
         */
        void ignore() {
            ignored = true;
            seen = null;
            held = null;
            windowEnds = null;
        }

        int weight() {
            return ignored ? 4 : 32 + seen.slots() + 12 * held.size();
        }

    }

    /** A set of non-zero longs by open addressing: 8 bytes a slot, at most 3/4 full. */
    static final class LongSet {

        private long[] slots = new long[8];

        private int size;

        /** False when {@code value} (never 0) was in the set already. */
        boolean add(long value) {
            if ((size + 1) * 4L > slots.length * 3L) {
                grow();
            }
            if (!insert(slots, value)) {
                return false;
            }
            size++;
            return true;
        }

        int size() {
            return size;
        }

        int slots() {
            return slots.length;
        }

        private void grow() {
            long[] larger = new long[slots.length * 2];
            for (long value : slots) {
                if (value != 0) {
                    insert(larger, value);
                }
            }
            slots = larger;
        }

        private static boolean insert(long[] table, long value) {
            int mask = table.length - 1;
            for (int i = (int) mix(value) & mask;; i = (i + 1) & mask) {
                if (table[i] == 0) {
                    table[i] = value;
                    return true;
                }
                if (table[i] == value) {
                    return false;
                }
            }
        }

    }

    /**
     * A 64-bit finalizer (MurmurHash3's fmix64): every bit of the input moves every bit
     * of the output.
     */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe7ae2f4bL;
        h ^= h >>> 33;
        return h;
    }

}
