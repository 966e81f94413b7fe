package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.stockOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.TestInstances;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first step beyond one machine (architecture.md): two stateless instances on one PostgreSQL.
 * A token from one works on the other, and stock holds when both sell the same listing at once.
 */
@IntegrationTest
class TwoInstancesTest {

    static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startASecondInstance() {
        second = TestInstances.start(TestDatabase.instance().jdbcUrl());
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoInstancesSellFiftyOfFiftyBetweenThemAndShareEverything() throws Exception {
        Api first = new Api(port);
        Api other = TestInstances.api(second);
        Seller seller = CatalogFixtures.verifiedSeller(first);
        String listing = listingWithStock(first, seller, 50, 10_000);
        assertThat(stockOf(other, listing)).isEqualTo(50);

        Map<Integer, Integer> counts = OrderFixtures.placeConcurrently(List.of(first, other), listing, 200);

        assertThat(counts).containsEntry(201, 50).containsEntry(409, 150).hasSize(2);
        assertThat(stockOf(first, listing)).isZero();
        assertThat(stockOf(other, listing)).isZero();
    }
}
