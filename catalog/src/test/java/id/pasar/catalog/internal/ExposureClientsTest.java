package id.pasar.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.catalog.internal.ExposureClients.Counted;
import id.pasar.catalog.internal.ExposureClients.View;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Which views count (issue 18, item 3): once per client, listing, kind and day, and
 * nothing from a client faster than a person. Driven directly with a clock the test
 * moves, so that a burst of the 10,000 views takes no time and a window's end is
 * exact.
 */
class ExposureClientsTest {

    static final int BURST = 10_000;
    static final int CEILING = 60;
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final UUID SELLER = UUID.randomUUID();

    final MovableClock clock = new MovableClock(ZonedDateTime.of(2026, 12, 12, 10, 0, 0, 0, JAKARTA).toInstant());

    final ExposureClients clients = new ExposureClients(clock, CEILING, 4_000_000);

    final List<Counted> counted = new ArrayList<>();

    @Test
    void aBurstOfTenThousandViewsFromOneClientAddsNothingToWhatItsFirstLookCounted() {
        List<UUID> listings = listings(5);
        look(1, impressions(listings));
        listings.forEach(id -> look(1, List.of(detail(id))));

        for (int i = 0; i < BURST; i++) {
            look(1, i % 2 == 0 ? List.of(detail(listings.get(i % 5))) : impressions(listings));
        }
        clock.advance(ExposureClients.WINDOW);
        counted.addAll(clients.settle(false));

        assertThat(impressionsOf(counted)).isEqualTo(5);
        assertThat(detailViewsOf(counted)).isEqualTo(5);
    }

    @Test
    void tenThousandNewListingsInABurstCountNothingAndTheClientIsIgnoredForTheRestOfTheDay() {
        for (UUID id : listings(BURST)) {
            look(1, List.of(detail(id)));
        }
        counted.addAll(clients.settle(true));
        assertThat(counted).isEmpty();

        clock.advance(Duration.ofHours(2));
        look(1, List.of(detail(UUID.randomUUID())));
        counted.addAll(clients.settle(true));
        assertThat(counted).as("later the same day").isEmpty();

        clock.advance(Duration.ofDays(1));
        look(1, List.of(detail(UUID.randomUUID())));
        counted.addAll(clients.settle(true));
        assertThat(detailViewsOf(counted)).as("the next day").isEqualTo(1);
    }

    @Test
    void sixtyNewLooksInAMinuteCountAndTheSixtyFirstDropsTheWholeMinute() {
        List<UUID> listings = listings(CEILING + 1);
        for (UUID id : listings.subList(0, CEILING)) {
            look(1, List.of(detail(id)));
            look(2, List.of(detail(id)));
        }
        look(2, List.of(detail(listings.get(CEILING))));
        clock.advance(ExposureClients.WINDOW);
        counted.addAll(clients.settle(false));

        assertThat(detailViewsOf(counted)).isEqualTo(CEILING);
        assertThat(counted).allSatisfy(batch -> assertThat(batch.views()).hasSize(CEILING));
    }

    @Test
    void aFirstPageIsOneLookHoweverManyListingsItShows() {
        for (int page = 0; page < CEILING; page++) {
            look(1, impressions(listings(100)));
        }
        counted.addAll(clients.settle(true));

        assertThat(impressionsOf(counted)).isEqualTo(CEILING * 100);
    }

    @Test
    void aPatientClientCountsEachListingOnceADay() {
        List<UUID> listings = listings(3);
        for (int minute = 0; minute < 120; minute++) {
            look(1, List.of(detail(listings.get(minute % 3))));
            clock.advance(Duration.ofMinutes(1));
            counted.addAll(clients.settle(false));
        }

        assertThat(detailViewsOf(counted)).isEqualTo(3);
    }

    @Test
    void distinctClientsEachCount() {
        UUID listing = UUID.randomUUID();
        for (long client = 1; client <= BURST; client++) {
            look(client, List.of(detail(listing)));
        }
        clock.advance(ExposureClients.WINDOW);
        counted.addAll(clients.settle(false));

        assertThat(detailViewsOf(counted)).isEqualTo(BURST);
    }

    @Test
    void viewsAreHeldUntilTheClientsWindowEndsUnlessEverythingIsAskedFor() {
        look(1, List.of(detail(UUID.randomUUID())));
        look(2, List.of(detail(UUID.randomUUID())));
        assertThat(clients.settle(false)).isEmpty();

        clock.advance(ExposureClients.WINDOW.minusSeconds(1));
        assertThat(clients.settle(false)).isEmpty();
        assertThat(clients.settle(true)).hasSize(2);
        assertThat(clients.settle(true)).as("each held view is counted once").isEmpty();
    }

    @Test
    void aWindowOpenAtMidnightCountsForTheDayItBeganOn() {
        clock.set(ZonedDateTime.of(2026, 12, 12, 23, 59, 30, 0, JAKARTA).toInstant());
        look(1, List.of(detail(UUID.randomUUID())));
        clock.advance(Duration.ofSeconds(45));
        Counted atMidnight = clients.look(1, List.of(detail(UUID.randomUUID())));

        assertThat(atMidnight.day()).hasToString("2026-12-12");
        assertThat(atMidnight.views()).hasSize(1);
        clock.advance(ExposureClients.WINDOW);
        assertThat(clients.settle(false)).singleElement()
            .satisfies(batch -> assertThat(batch.day()).hasToString("2026-12-13"));
    }

    @Test
    void memoryStaysWithinItsBoundWhateverTheNumberOfClients() {
        long bound = 100_000;
        ExposureClients small = new ExposureClients(clock, CEILING, bound);
        List<UUID> listings = listings(20);
        for (long client = 1; client <= 50_000; client++) {
            small.look(client, impressions(listings));
        }

        assertThat(small.weight()).isPositive().isLessThanOrEqualTo(bound);
    }

    @Test
    void anIgnoredClientTakesAlmostNoMemory() {
        for (UUID id : listings(BURST)) {
            look(1, List.of(detail(id)));
        }

        assertThat(clients.weight()).isLessThan(10);
    }

    private void look(long client, List<View> views) {
        Counted released = clients.look(client, views);
        if (released != null) {
            counted.add(released);
        }
    }

    private static List<UUID> listings(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
    }

    private static View detail(UUID listing) {
        return new View(listing, SELLER, false);
    }

    private static List<View> impressions(List<UUID> listings) {
        return listings.stream().map(id -> new View(id, SELLER, true)).toList();
    }

    private static long impressionsOf(List<Counted> counted) {
        return counted.stream().flatMap(batch -> batch.views().stream()).filter(View::impression).count();
    }

    private static long detailViewsOf(List<Counted> counted) {
        return counted.stream().flatMap(batch -> batch.views().stream()).filter(view -> !view.impression()).count();
    }

    /** Asia/Jakarta time that the test moves. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return JAKARTA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

    }

}
