package id.pasar.gateway.database;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * How far behind the primary a replica is, in time, told from WAL positions rather than
 * from the replica's clock (docs/adr/0033-browsing-on-read-replicas.md).
 *
 * <p>
 * Every check takes a sample of the primary: the moment just before it asks, and the
 * position of the end of the WAL it has inserted then. Every commit acknowledged before
 * that moment ends at or before that position. A replica that has replayed up to it has
 * replayed those commits, so its reads see everything committed on the primary up to the
 * sample's moment: it is <em>fresh as of</em> the latest sample whose position its replay
 * has reached. A replica serves while it is fresh as of no longer than the bound ago; the
 * staleness keeps growing between checks, so a checker that stops (a hung connection, a
 * dead thread) makes replicas stop serving rather than serve stale.
 *
 * <p>
 * {@code pg_last_xact_replay_timestamp()} is not the measure: it is the commit time of
 * the last transaction replayed, so on an idle primary {@code now()} minus it grows
 * without bound while the replica has everything, and on a busy one it compares the two
 * servers' clocks.
 *
 * <p>
 * Times are {@link System#nanoTime()} values. Not thread-safe: one checker thread records
 * the samples; {@link #freshAsOf} is read by any thread from {@code Replica}.
 */
final class WalFreshness {

    /** A moment that no replica is fresh as of. */
    static final long NEVER = Long.MIN_VALUE;

    /** PostgreSQL's page header on every WAL page (SizeOfXLogShortPHD). */
    static final int SHORT_PAGE_HEADER = 24;

    /** The longer header of each segment's first page (SizeOfXLogLongPHD). */
    static final int LONG_PAGE_HEADER = 40;

    private final Deque<long[]> samples = new ArrayDeque<>();

    private final long keepNanos;

    /**
     * @param keepNanos how long a sample stays useful: beyond the bound, a replica fresh
     * only as of it would not serve anyway
     */
    WalFreshness(long keepNanos) {
        this.keepNanos = keepNanos;
    }

    /**
     * The end of the last record that {@code pg_current_wal_insert_lsn()} points after.
     * Right after a record that fills its page exactly, PostgreSQL reports the insert
     * position past the next page's header, while a replica that has replayed that record
     * reports the page boundary: without this, an idle primary would look ahead of a
     * replica that has everything, about once in a thousand records.
     */
    static long recordEnd(long insertPosition, int blockSize, long segmentSize) {
        if (insertPosition % segmentSize == LONG_PAGE_HEADER) {
            return insertPosition - LONG_PAGE_HEADER;
        }
        if (insertPosition % blockSize == SHORT_PAGE_HEADER && insertPosition % segmentSize != SHORT_PAGE_HEADER) {
            return insertPosition - SHORT_PAGE_HEADER;
        }
        return insertPosition;
    }

    /**
     * @param askedAt the moment just before the primary was asked
     * @param position what it answered, as {@link #recordEnd}
     */
    void sample(long askedAt, long position) {
        samples.addLast(new long[] { askedAt, position });
        while (samples.size() > 1 && askedAt - samples.peekFirst()[0] > keepNanos) {
            samples.removeFirst();
        }
    }

    /**
     * The latest sampled moment whose position a replica that has replayed up to
     * {@code replayed} has reached, or {@code previous} if that is later (replay only
     * goes forward), or {@link #NEVER}.
     */
    long freshAsOf(long replayed, long previous) {
        Iterator<long[]> newestFirst = samples.descendingIterator();
        while (newestFirst.hasNext()) {
            long[] sample = newestFirst.next();
            if (sample[1] <= replayed) {
                return Math.max(sample[0], previous);
            }
        }
        return previous;
    }

}
