package id.pasar.gateway.database;

import static id.pasar.catalog.CatalogFixtures.listing;
import static id.pasar.catalog.CatalogFixtures.publishedListing;
import static id.pasar.catalog.CatalogFixtures.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.TestInstances;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Browsing on read replicas (ADR 0033) against a real streaming replica of a primary that
 * the test starts ({@link StreamingReplica}), with the default bound of 1 s. Which server
 * answered is read from the servers' own statement logs: a listing's id or a search word
 * in the replica's log means that the replica ran the query.
 */
class ReadReplicaIT {

    private static final Duration BOUND = Duration.ofSeconds(1);

    static StreamingReplica servers;

    static ConfigurableApplicationContext instance;

    static Api api;

    @BeforeAll
    static void startAPrimaryAReplicaAndTheApplication() throws SQLException {
        TestDatabase accounts = TestDatabase.instance();
        servers = StreamingReplica.start(accounts.appUsername(), accounts.appPassword());
        instance = TestInstances.start(servers.primaryUrl(),
                "--pasar.database.owner-username=" + StreamingReplica.SUPERUSER, "--pasar.database.owner-password=",
                "--pasar.read-replicas.urls=" + servers.replicaUrl());
        api = TestInstances.api(instance);
        servers.logStatementsOnPrimary();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (instance != null) {
                instance.close();
            }
        }
        finally {
            if (servers != null) {
                List<Long> pids = servers.postmasterPids();
                servers.close();
                for (long pid : pids) {
                    // pg_ctl stop returns when the server says it is down; on a loaded
                    // machine the process may take a moment more to exit.
                    ProcessHandle.of(pid).ifPresent(postmaster -> {
                        try {
                            postmaster.onExit().get(30, TimeUnit.SECONDS);
                        }
                        catch (Exception stillRunning) {
                            // the assertion below says so
                        }
                    });
                    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("postmaster %d", pid).isEmpty();
                }
            }
        }
    }

    /**
     * Each read is repeated until the replica's log shows it: a read taken while the
     * checker holds the replica for stale (a loaded machine) goes to the primary, as it
     * must.
     */
    @Test
    void anonymousSearchAndDetailAreAnsweredByTheReplica() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String word = uniqueWord();
        String id = publishedListing(api, seller, listing("Tikar Pandan " + word));
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOnReplica(id), "PUBLISHED"::equals);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            api.get("/api/v1/catalog/listings/" + id).send().expect(200);
            assertThat(servers.replicaLog()).as("the detail ran on the replica").contains(id);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var found = api.get("/api/v1/catalog/listings?q=" + word).send().expect(200).json();
            assertThat(found.get("items").valueStream().map(item -> item.get("listingId").asString()))
                .containsExactly(id);
            assertThat(servers.replicaLog()).as("the search ran on the replica").contains(word);
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            api.get("/api/v1/discover").send().expect(200);
            assertThat(servers.replicaLog()).as("the discover feed ran on the replica")
                .contains("FROM social.posts p LEFT JOIN social.creators c");
        });
        api.get("/api/v1/catalog/categories").send().expect(200);
        api.get("/api/v1/catalog/ranking").send().expect(200);
    }

    @Test
    void writesAndReadsWithATokenGoToThePrimary() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String shopper = api.newAccount("SHOPPER");
        String id = publishedListing(api, seller, listing("Bakul Bambu " + uniqueWord()));
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOnReplica(id), "PUBLISHED"::equals);
        String word = uniqueWord();

        api.get("/api/v1/catalog/listings/" + id).bearer(shopper).send().expect(200);
        api.get("/api/v1/catalog/listings?q=" + word).bearer(shopper).send().expect(200);
        api.get("/api/v1/listings/" + id).bearer(seller.token()).send().expect(200);

        assertThat(servers.replicaLog()).as("neither the write nor a read with a token ran on the replica")
            .doesNotContain(id)
            .doesNotContain(word);
        assertThat(servers.primaryLog()).contains(word);
    }

    /**
     * With the replica's replay paused, it falls further behind at every commit: past the
     * bound it is skipped, so a take-down made meanwhile is gone from every anonymous
     * read that starts more than the bound after it, and a new listing is there, both
     * from the primary, while the replica still has the old state. Once replay resumes,
     * the replica serves again.
     */
    @Test
    void aLaggingReplicaIsSkippedSoATakeDownIsNeverServedLongerThanTheBound() throws Exception {
        Seller takenDown = CatalogFixtures.verifiedSeller(api);
        Seller other = CatalogFixtures.verifiedSeller(api);
        String officer = api.newStaffAccount("COMPLIANCE_OFFICER");
        String gone = publishedListing(api, takenDown, listing("Kipas Anyaman " + uniqueWord()));
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOnReplica(gone), "PUBLISHED"::equals);
        api.get("/api/v1/catalog/listings/" + gone).send().expect(200);

        servers.pauseReplay();
        try {
            await().atMost(Duration.ofSeconds(10)).until(servers::replayPaused);
            String fresh = publishedListing(api, other, listing("Topi Pandan " + uniqueWord()));
            api.post("/api/v1/compliance/sellers/" + takenDown.sellerId() + "/revoke", Map.of("reason", "counterfeit"))
                .bearer(officer)
                .send()
                .expect(200);
            long revoked = System.nanoTime();

            List<long[]> reads = readAcrossTheBound("/api/v1/catalog/listings/" + gone, revoked);

            assertThat(reads).filteredOn(read -> read[0] - revoked > BOUND.toNanos())
                .as("reads that started more than %s after the take-down", BOUND)
                .isNotEmpty()
                .allSatisfy(read -> assertThat(read[1]).isEqualTo(404));
            api.get("/api/v1/catalog/listings/" + fresh).send().expect(200);
            assertThat(statusOnReplica(gone)).as("the replica has not replayed the take-down").isEqualTo("PUBLISHED");
            assertThat(statusOnReplica(fresh)).as("nor the new listing").isNull();
        }
        finally {
            servers.resumeReplay();
        }

        String word = uniqueWord();
        String back = publishedListing(api, other, listing("Dompet Purun " + word));
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOnReplica(back), "PUBLISHED"::equals);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String probe = word + "x" + UUID.randomUUID().toString().substring(0, 4);
            api.get("/api/v1/catalog/listings?q=" + probe).send().expect(200);
            assertThat(servers.replicaLog()).as("caught up, the replica serves again").contains(probe);
        });
    }

    /**
     * With replay running, a take-down reaches the replica within milliseconds, and the
     * replica keeps serving: the listing is gone from its reads within the bound.
     */
    @Test
    void aTakeDownIsGoneFromTheReplicasReadsWithinTheBound() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String officer = api.newStaffAccount("COMPLIANCE_OFFICER");
        String id = publishedListing(api, seller, listing("Sapu Lidi " + uniqueWord()));
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOnReplica(id), "PUBLISHED"::equals);
        api.get("/api/v1/catalog/listings/" + id).send().expect(200);
        int askedBefore = occurrences(servers.replicaLog(), id);

        api.post("/api/v1/compliance/sellers/" + seller.sellerId() + "/revoke", Map.of("reason", "counterfeit"))
            .bearer(officer)
            .send()
            .expect(200);
        long revoked = System.nanoTime();
        List<long[]> reads = readAcrossTheBound("/api/v1/catalog/listings/" + id, revoked);

        assertThat(reads).filteredOn(read -> read[0] - revoked > BOUND.toNanos())
            .isNotEmpty()
            .allSatisfy(read -> assertThat(read[1]).isEqualTo(404));
        assertThat(occurrences(servers.replicaLog(), id)).as("the replica answered reads after the take-down")
            .isGreaterThan(askedBefore);
    }

    /**
     * Anonymous GETs of {@code path}, one after another, from {@code from} until the
     * bound and a second more have passed and at least five reads have started after the
     * bound: each as [the moment it was sent, its status].
     */
    private static List<long[]> readAcrossTheBound(String path, long from) throws InterruptedException {
        List<long[]> reads = new ArrayList<>();
        long after = 0;
        long end = from + BOUND.plusSeconds(1).toNanos();
        while ((System.nanoTime() < end || after < 5) && System.nanoTime() - from < Duration.ofSeconds(60).toNanos()) {
            long sent = System.nanoTime();
            reads.add(new long[] { sent, api.get(path).send().status() });
            after += sent - from > BOUND.toNanos() ? 1 : 0;
            Thread.sleep(20);
        }
        return reads;
    }

    private static String statusOnReplica(String listingId) throws SQLException {
        try (Connection connection = servers.connectToReplica();
                PreparedStatement query = connection
                    .prepareStatement("SELECT status FROM catalog.listings WHERE id = ?")) {
            query.setObject(1, UUID.fromString(listingId));
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

}
