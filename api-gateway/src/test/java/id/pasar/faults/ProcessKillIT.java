package id.pasar.faults;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.stockOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.TestInstances;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.orders.OrderFixtures;
import id.pasar.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real {@code kill -9}: an instance in a JVM of its own is killed while it is in the
 * middle of three things, and nothing is left half done.
 *
 * <ul>
 * <li>placing an order of two listings: the first listing's stock is taken, the second's
 * row is held by this test, so the checkout waits inside its transaction;</li>
 * <li>appending a decision (publishing a listing): the head of the chain is locked and
 * the entry is being inserted, while this test holds an uncommitted entry with the same
 * sequence;</li>
 * <li>delivering an {@code OrderPlaced} event from the outbox: the order committed, the
 * sales tally's listener waits on a table lock this test holds.</li>
 * </ul>
 *
 * After the kill, PostgreSQL rolls back the dead client's open transactions (it never
 * sent a COMMIT), so: no order and no stock taken for the first, no decision and a valid
 * chain for the second, and the event publication still incomplete for the third. A new
 * instance (the "restart") republishes that event on start and the tally counts the order
 * once.
 */
@IntegrationTest
class ProcessKillIT {

    private static final String NAME = "pasar-killed-instance";

    @LocalServerPort
    int port;

    @Test
    void anInstanceKilledMidOrderMidAppendAndMidDeliveryLeavesNothingHalfDone() throws Exception {
        Api api = new Api(port);
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String first = listingWithStock(api, seller, 5, 10_000);
        String second = listingWithStock(api, seller, 5, 11_000);
        String tallied = listingWithStock(api, seller, 5, 12_000);
        String draft = CatalogFixtures.createDraft(api, seller, CatalogFixtures.listing("Tas Purun"));
        String blockedShopper = api.newAccount("SHOPPER");
        String otherShopper = api.newAccount("SHOPPER");
        String auditor = api.newStaffAccount("AUDITOR");
        long headBefore = head();

        Process killed = startInstanceInItsOwnJvm();
        CompletableFuture<?> blockedOrder;
        CompletableFuture<?> blockedPublish;
        String idempotencyKey = UUID.randomUUID().toString();
        String deliveredOrder;
        try (Connection test = TestDatabase.instance().connect()) {
            Api instance = new Api(instancePort);
            await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> instance.get("/actuator/health/readiness").send().status() == 200);

            test.setAutoCommit(false);
            try (Statement sql = test.createStatement()) {
                // Stock is taken in listing-id order (UUID order): hold the listing taken
                // second.
                String takenSecond = Collections.max(List.of(UUID.fromString(first), UUID.fromString(second)))
                    .toString();
                sql.execute("SELECT 1 FROM catalog.listings WHERE id = '" + takenSecond + "' FOR UPDATE");
                sql.execute("LOCK TABLE orders.tallied_orders IN EXCLUSIVE MODE");
                holdTheNextSequence(test);
            }

            blockedOrder = CompletableFuture
                .runAsync(() -> instance.post("/api/v1/orders", order(Map.of(first, 1, second, 1)))
                    .bearer(blockedShopper)
                    .header("Idempotency-Key", idempotencyKey)
                    .send());
            blockedPublish = CompletableFuture
                .runAsync(() -> instance.post("/api/v1/listings/" + draft + "/publish", Map.of())
                    .bearer(seller.token())
                    .send());
            deliveredOrder = OrderFixtures.place(instance, otherShopper, order(tallied, 2))
                .expect(201)
                .json()
                .get("orderId")
                .asString();

            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks() >= 3);
            killed.destroyForcibly(); // SIGKILL
            assertThat(killed.waitFor(20, TimeUnit.SECONDS)).isTrue();
            test.rollback();
            await().atMost(Duration.ofSeconds(30)).until(() -> connectionsOfTheKilledInstance() == 0);
        }
        finally {
            killed.destroyForcibly();
        }
        assertThat(blockedOrder).isCompletedExceptionally();
        assertThat(blockedPublish).isCompletedExceptionally();

        // The order: no half order, no stock gone; its key waits for the takeover (ADR
        // 0016).
        assertThat(stockOf(api, first)).isEqualTo(5);
        assertThat(stockOf(api, second)).isEqualTo(5);
        assertThat(api.get("/api/v1/orders").bearer(blockedShopper).send().expect(200).json().get("items")).isEmpty();
        assertThat(api.post("/api/v1/orders", order(Map.of(first, 1, second, 1)))
            .bearer(blockedShopper)
            .header("Idempotency-Key", idempotencyKey)
            .send()
            .expect(409)
            .json()
            .get("code")
            .asString()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT");
        OrderFixtures.place(api, blockedShopper, order(Map.of(first, 1, second, 1))).expect(201);
        assertThat(stockOf(api, first)).isEqualTo(4);

        // The append: no decision for the listing, the head where it was, the chain
        // valid.
        assertThat(count("SELECT count(*) FROM compliance.decisions WHERE subject_id = '" + draft + "'")).isZero();
        assertThat(head()).isEqualTo(headBefore);
        assertVerified(api, auditor);
        api.post("/api/v1/listings/" + draft + "/publish", Map.of()).bearer(seller.token()).send().expect(200);
        assertVerified(api, auditor);

        // The delivery: still in the outbox; a restarted instance delivers it, and it is
        // counted once.
        assertThat(count("SELECT count(*) FROM gateway.event_publication WHERE completion_date IS NULL "
                + "AND serialized_event LIKE '%" + deliveredOrder + "%'"))
            .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM orders.tallied_orders WHERE order_id = '" + deliveredOrder + "'"))
            .isZero();
        try (ConfigurableApplicationContext restarted = TestInstances.start(TestDatabase.instance().jdbcUrl())) {
            await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                        count("SELECT count(*) FROM gateway.event_publication WHERE completion_date IS NULL "
                                + "AND serialized_event LIKE '%" + deliveredOrder + "%'"))
                    .isZero());
        }
        assertThat(count(
                "SELECT coalesce(sum(orders), 0) FROM orders.listing_daily_sales WHERE listing_id = '" + tallied + "'"))
            .isEqualTo(1);
        assertThat(count(
                "SELECT coalesce(sum(units), 0) FROM orders.listing_daily_sales WHERE listing_id = '" + tallied + "'"))
            .isEqualTo(2);
    }

    private int instancePort;

    /**
     * The packaged application's main class on this JVM's class path, as
     * {@code java -cp ... PasarApplication} would run it.
     */
    private Process startInstanceInItsOwnJvm() throws IOException {
        instancePort = freePort();
        String jdbcUrl = TestDatabase.instance().jdbcUrl();
        jdbcUrl += (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + NAME;
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                        "-XX:TieredStopAtLevel=1", "-cp", classPath(), "id.pasar.PasarApplication"));
        command
            .addAll(TestInstances.arguments(jdbcUrl, "--server.port=" + instancePort, "--spring.main.banner-mode=off"));
        Path log = Files.createDirectories(Path.of("target")).resolve("process-kill-test-instance.log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * An uncommitted entry with the sequence the next append will take: that append waits
     * on it, mid-insert.
     */
    private static void holdTheNextSequence(Connection test) throws Exception {
        try (Statement sql = test.createStatement();
                ResultSet head = sql.executeQuery("SELECT sequence, hash FROM compliance.decision_log_head")) {
            head.next();
            try (PreparedStatement insert = test.prepareStatement(
                    """
                            INSERT INTO compliance.decisions (sequence, decision_id, subject_type, subject_id, outcome, reasons, actor,
                                decided_at, rule_set_version, previous_hash, hash)
                            VALUES (?, ?, 'SELLER_REVIEW', ?, 'PASS', '{}', 'process-kill-test', now(), 'v1', ?, ?)""")) {
                insert.setLong(1, head.getLong(1) + 1);
                insert.setObject(2, UUID.randomUUID());
                insert.setObject(3, UUID.randomUUID());
                insert.setString(4, head.getString(2));
                insert.setString(5, "f".repeat(64));
                insert.executeUpdate();
            }
        }
    }

    /**
     * From a connection of its own: inside the test's open transaction, pg_stat_activity
     * would stay a snapshot.
     */
    private static long waitingOnLocks() throws Exception {
        return count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + NAME
                + "' AND wait_event_type = 'Lock'");
    }

    private static long connectionsOfTheKilledInstance() throws Exception {
        return count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + NAME + "'");
    }

    private static long head() throws Exception {
        return count("SELECT sequence FROM compliance.decision_log_head");
    }

    private static void assertVerified(Api api, String auditor) {
        var verification = api.get("/api/v1/compliance/decisions/verification")
            .bearer(auditor)
            .send()
            .expect(200)
            .json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
