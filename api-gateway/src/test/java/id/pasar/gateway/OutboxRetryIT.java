package id.pasar.gateway;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.orders.OrderFixtures;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * A listener that failed is delivered again without a restart: the sales tally of an
 * order whose first delivery failed catches up once the outbox's retry runs
 * (OutboxRetryJob). Slow: it waits for the failed delivery and drops a trigger of its
 * own.
 */
@IntegrationTest
class OutboxRetryIT {

    @LocalServerPort
    int port;

    @Autowired
    IncompleteEventPublications publications;

    @Test
    void aFailedDeliveryIsRetriedWithoutARestart() throws Exception {
        Api api = new Api(port);
        String listing = listingWithStock(api, CatalogFixtures.verifiedSeller(api), 20, 12_500);
        String shopper = api.newAccount("SHOPPER");
        String trigger = "fail_tally_" + listing.replace("-", "");
        try (Connection connection = TestDatabase.instance().connect(); Statement sql = connection.createStatement()) {
            // The tally of this one listing fails, as it did on pool timeouts during the
            // flash-sale bench.
            sql.execute("CREATE FUNCTION orders." + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.listing_id = '" + listing + "' THEN RAISE EXCEPTION 'tally unavailable'; END IF; "
                    + "RETURN NEW; END $$");
            sql.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON orders.listing_daily_sales FOR EACH ROW "
                    + "EXECUTE FUNCTION orders." + trigger + "()");
            try {
                place(api, shopper, order(listing, 3)).expect(201);
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(failedTallies(listing)).isOne());
            }
            finally {
                sql.execute("DROP TRIGGER " + trigger + " ON orders.listing_daily_sales");
                sql.execute("DROP FUNCTION orders." + trigger + "()");
            }
            // Older than the job's minute, as it would be a minute later.
            sql.execute(
                    "UPDATE gateway.event_publication SET publication_date = publication_date - interval '2 minutes' "
                            + "WHERE completion_date IS NULL AND serialized_event LIKE '%" + listing + "%'");
        }

        new OutboxRetryJob(publications).retry();

        await().atMost(Duration.ofSeconds(20))
            .untilAsserted(() -> assertThat(OrderFixtures.dailySales(listing)).isEqualTo("1 3 37500"));
        assertThat(failedTallies(listing)).isZero();
    }

    private static int failedTallies(String listing) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                Statement sql = connection.createStatement();
                var row = sql
                    .executeQuery("SELECT count(*) FROM gateway.event_publication WHERE completion_date IS NULL "
                            + "AND event_type LIKE 'id.pasar.orders.OrderPlaced%' AND serialized_event LIKE '%"
                            + listing + "%'")) {
            row.next();
            return row.getInt(1);
        }
    }

}
