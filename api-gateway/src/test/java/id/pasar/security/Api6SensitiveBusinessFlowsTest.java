package id.pasar.security;

import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static id.pasar.orders.OrderFixtures.stockOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.orders.OrderFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OWASP API6 (unrestricted access to sensitive business flows): one shopper cannot corner
 * a listing's stock by ordering without paying. Unpaid units of one listing per shopper
 * are capped (10 by default, 422 {@code PURCHASE_LIMIT_EXCEEDED}); the cap is also tested
 * in {@code orders.OrdersTest#oneShopperMayHoldAtMostTenUnpaidUnitsOfAListing}. Here: the
 * ways around it (one big order, the listing repeated in one order, orders racing each
 * other) fail, and unpaid orders give their stock back when cancelled. Placement is rate
 * limited too (API4).
 */
@IntegrationTest
class Api6SensitiveBusinessFlowsTest {

    @LocalServerPort
    int port;

    Api api;

    String listing;

    @BeforeEach
    void listingOfAHundred() {
        api = new Api(port);
        listing = OrderFixtures.listingWithStock(api, CatalogFixtures.verifiedSeller(api), 100, 5_000);
    }

    @Test
    void oneOrderCannotTakeMoreThanTheCapNorSplitIntoLinesOfOneListing() {
        String shopper = api.newAccount("SHOPPER");
        limited(place(api, shopper, order(listing, 11)));
        Map<String, Object> split = Map.of("items",
                List.of(Map.of("listingId", listing, "quantity", 6), Map.of("listingId", listing, "quantity", 5)),
                "shippingAddress", OrderFixtures.ADDRESS);
        limited(place(api, shopper, split));
        assertThat(stockOf(api, listing)).isEqualTo(100);
    }

    @Test
    void racingOrdersOfOneShopperStayUnderTheCap() throws Exception {
        String shopper = api.newAccount("SHOPPER");
        List<Callable<Integer>> orders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            orders.add(() -> place(api, shopper, order(listing, 3)).status());
        }
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Integer> status : pool.invokeAll(orders)) {
                statuses.add(status.get());
            }
        }
        finally {
            pool.shutdown();
        }
        // 9 units; a fourth order would hold 12
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(5);
        assertThat(stockOf(api, listing)).isEqualTo(91);
    }

    @Test
    void cancellingGivesTheUnitsAndTheAllowanceBack() {
        String shopper = api.newAccount("SHOPPER");
        String orderId = place(api, shopper, order(listing, 10)).expect(201).json().get("orderId").asString();
        limited(place(api, shopper, order(listing, 1)));
        api.post("/api/v1/orders/" + orderId + "/cancel", Map.of()).bearer(shopper).send().expect(200);
        assertThat(stockOf(api, listing)).isEqualTo(100);
        place(api, shopper, order(listing, 10)).expect(201);
    }

    private static void limited(Api.Response response) {
        response.expect(422);
        assertThat(response.json().get("code").asString()).isEqualTo("PURCHASE_LIMIT_EXCEEDED");
    }

}
