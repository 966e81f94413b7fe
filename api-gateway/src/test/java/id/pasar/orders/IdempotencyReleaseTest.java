package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.stockOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A placement that fails for a reason that is not a refusal (here its statement is
 * cancelled by the database while it waits for a listing's row, as a statement timeout
 * cancels it) releases its Idempotency-Key: the same key may try again at once, and no
 * key is left in flight (issue 19, item 8).
 */
@IntegrationTest
class IdempotencyReleaseTest {

    @LocalServerPort
    int port;

    @Test
    void aPlacementCancelledByTheDatabaseLeavesNoKeyInFlight() throws Exception {
        Api api = new Api(port);
        String listing = listingWithStock(api, CatalogFixtures.verifiedSeller(api), 5, 40_000);
        String shopper = api.newAccount("SHOPPER");
        String key = UUID.randomUUID().toString();

        CompletableFuture<Api.Response> cancelled;
        try (Connection holder = TestDatabase.instance().connect();
                Connection watcher = TestDatabase.instance().connect()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT 1 FROM catalog.listings WHERE id = '" + listing + "' FOR UPDATE");
            cancelled = CompletableFuture.supplyAsync(() -> api.post("/api/v1/orders", order(listing, 1))
                .bearer(shopper)
                .header("Idempotency-Key", key)
                .send());
            // the placement's stock UPDATE waits for the row held here: cancel it
            Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .failFast("the placement ended without waiting: " + cancelled, cancelled::isDone)
                .until(() -> cancelWaitingUpdate(watcher, holder));
            holder.rollback();
        }
        Api.Response failed = cancelled.get();
        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(failed.json().get("code").asString()).isNotBlank();
        assertThat(keyState(key)).as("released, not left IN_FLIGHT").isNull();
        assertThat(stockOf(api, listing)).as("nothing was taken").isEqualTo(5);

        Api.Response retried = api.post("/api/v1/orders", order(listing, 1))
            .bearer(shopper)
            .header("Idempotency-Key", key)
            .send();
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(keyState(key)).isEqualTo("DONE");
        assertThat(stockOf(api, listing)).isEqualTo(4);
    }

    /**
     * Cancels the statement of the backend that waits for the row {@code holder} holds;
     * true once done. Asked on a connection of its own, outside the holder's transaction,
     * which would see one snapshot of pg_stat_activity for as long as it lasts.
     */
    private static boolean cancelWaitingUpdate(Connection watcher, Connection holder) throws Exception {
        int holderPid;
        try (ResultSet pid = holder.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            holderPid = pid.getInt(1);
        }
        try (ResultSet cancelled = watcher.createStatement()
            .executeQuery("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE " + holderPid
                    + " = ANY (pg_blocking_pids(pid))")) {
            return cancelled.next() && cancelled.getBoolean(1);
        }
    }

    private static String keyState(String key) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                ResultSet row = connection.createStatement()
                    .executeQuery("SELECT state FROM orders.idempotency_keys WHERE key = '" + key + "'")) {
            return row.next() ? row.getString(1) : null;
        }
    }

}
