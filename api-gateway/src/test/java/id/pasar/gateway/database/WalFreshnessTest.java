package id.pasar.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WalFreshnessTest {

    private static final int BLOCK = 8192;

    private static final long SEGMENT = 16L * 1024 * 1024;

    @Test
    void aReplicaIsFreshAsOfTheLatestPrimarySampleItsReplayHasReached() {
        WalFreshness freshness = new WalFreshness(1_000);
        freshness.sample(100, 10);
        freshness.sample(200, 20);
        freshness.sample(300, 30);

        assertThat(freshness.freshAsOf(25, WalFreshness.NEVER)).isEqualTo(200);
        assertThat(freshness.freshAsOf(30, WalFreshness.NEVER)).isEqualTo(300);
        assertThat(freshness.freshAsOf(99, WalFreshness.NEVER)).isEqualTo(300);
    }

    @Test
    void anIdlePrimaryKeepsACaughtUpReplicaFreshAsOfEverySample() {
        WalFreshness freshness = new WalFreshness(1_000);
        long asOf = WalFreshness.NEVER;
        for (long now = 0; now <= 10_000; now += 200) {
            freshness.sample(now, 50);
            asOf = freshness.freshAsOf(50, asOf);
            assertThat(asOf).isEqualTo(now);
        }
    }

    @Test
    void aReplicaBehindEverySampleKeepsWhatItWasFreshAsOfAndAgesOut() {
        WalFreshness freshness = new WalFreshness(1_000);
        freshness.sample(0, 10);
        long asOf = freshness.freshAsOf(10, WalFreshness.NEVER);
        for (long now = 200; now <= 3_000; now += 200) {
            freshness.sample(now, 10 + now);
            asOf = freshness.freshAsOf(10, asOf);
        }
        assertThat(asOf).as("replay paused at position 10: fresh only as of the first sample").isZero();
        assertThat(freshness.freshAsOf(5, WalFreshness.NEVER)).isEqualTo(WalFreshness.NEVER);
    }

    @Test
    void samplesOlderThanTheyAreUsefulAreDropped() {
        WalFreshness freshness = new WalFreshness(1_000);
        freshness.sample(0, 10);
        freshness.sample(500, 20);
        freshness.sample(1_400, 30);

        assertThat(freshness.freshAsOf(15, WalFreshness.NEVER)).as("the sample of position 10 is gone")
            .isEqualTo(WalFreshness.NEVER);
        assertThat(freshness.freshAsOf(20, WalFreshness.NEVER)).isEqualTo(500);
    }

    @Test
    void theInsertPositionAfterAFullPageIsTheRecordEndBeforeThePageHeader() {
        long segment = 3 * SEGMENT;
        assertThat(WalFreshness.recordEnd(segment + 40, BLOCK, SEGMENT)).isEqualTo(segment);
        assertThat(WalFreshness.recordEnd(segment + 2 * BLOCK + 24, BLOCK, SEGMENT)).isEqualTo(segment + 2 * BLOCK);
        assertThat(WalFreshness.recordEnd(0x3017D88L, BLOCK, SEGMENT)).isEqualTo(0x3017D88L);
        assertThat(WalFreshness.recordEnd(segment + 24, BLOCK, SEGMENT)).as("inside a segment's long header: as is")
            .isEqualTo(segment + 24);
    }

}
