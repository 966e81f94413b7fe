package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static id.pasar.orders.OrderFixtures.stockOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.TestInstances;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.testing.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

        List<String> shoppers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shoppers.add((i % 2 == 0 ? first : other).newAccount("SHOPPER"));
        }
        List<Callable<Integer>> orders = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Api instance = i % 2 == 0 ? first : other;
            String shopper = shoppers.get(i % shoppers.size());
            orders.add(() -> place(instance, shopper, order(listing, 1)).status());
        }
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<Integer> status : pool.invokeAll(orders)) {
                counts.merge(status.get(), 1, Integer::sum);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(counts).containsEntry(201, 50).containsEntry(409, 150).hasSize(2);
        assertThat(stockOf(first, listing)).isZero();
        assertThat(stockOf(other, listing)).isZero();
    }
}
