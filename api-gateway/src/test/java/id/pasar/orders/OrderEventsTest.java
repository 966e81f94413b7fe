package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Order events go through the transactional outbox and reach their listener once. */
@IntegrationTest
class OrderEventsTest {

    @LocalServerPort
    int port;

    @Test
    void aPlacedOrderIsTalliedOnceAfterItCommits() throws Exception {
        Api api = new Api(port);
        String listing = listingWithStock(api, CatalogFixtures.verifiedSeller(api), 20, 12_500);
        String shopper = api.newAccount("SHOPPER");
        place(api, shopper, order(listing, 3)).expect(201);
        place(api, shopper, order(listing, 2)).expect(201);

        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(OrderFixtures.dailySales(listing)).isEqualTo("2 5 62500"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(incompletePublications()).isZero());
    }

    private static int incompletePublications() throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                ResultSet row = connection.createStatement()
                    .executeQuery("SELECT count(*) FROM gateway.event_publication WHERE completion_date IS NULL "
                            + "AND event_type LIKE 'id.pasar.orders.OrderPlaced%'")) {
            row.next();
            return row.getInt(1);
        }
    }

}
