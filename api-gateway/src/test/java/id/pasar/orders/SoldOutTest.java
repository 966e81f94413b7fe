package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static id.pasar.orders.OrderFixtures.stockOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A listing seen sold out refuses its next orders from memory, before their keys are
 * claimed (ADR 0016, "Sold out"), and never at the cost of a placed order's replay or of
 * stock that came back.
 */
@IntegrationTest
class SoldOutTest {

    @LocalServerPort
    int port;

    Api api;

    Seller seller;

    String listing;

    String shopper;

    String another;

    /**
     * A listing of one unit, sold; the shoppers are made first, since the listing is
     * remembered sold out for 2 s only (each test's steps follow each other at once).
     */
    @BeforeEach
    void setUp() {
        api = new Api(port);
        seller = CatalogFixtures.verifiedSeller(api);
        listing = listingWithStock(api, seller, 1, 40_000);
        shopper = api.newAccount("SHOPPER");
        another = api.newAccount("SHOPPER");
        place(api, api.newAccount("SHOPPER"), order(listing, 1)).expect(201);
    }

    /** The order that finds the stock gone: from here the listing is seen sold out. */
    private void seeSoldOut(String listingId) {
        expectSoldOut(place(api, another, order(listingId, 1)));
    }

    @Test
    void aSoldOutListingIsRefusedBeforeTheKeyIsClaimed() throws Exception {
        seeSoldOut(listing);
        // While nothing can claim a key, a sold-out listing's order is still answered:
        // its refusal needs no claim.
        try (Connection holder = TestDatabase.instance().connect(); Statement sql = holder.createStatement()) {
            holder.setAutoCommit(false);
            sql.execute("LOCK TABLE orders.idempotency_keys IN EXCLUSIVE MODE");
            try {
                expectSoldOut(place(api, shopper, order(listing, 1)));
            }
            finally {
                holder.rollback();
            }
        }
        assertThat(stockOf(api, listing)).isZero();
    }

    @Test
    void aPlacedOrdersRetryStillGetsItsOrderAfterTheListingSoldOut() {
        String relisted = listingWithStock(api, seller, 2, 15_000);
        String key = UUID.randomUUID().toString();
        Api.Response first = api.post("/api/v1/orders", order(relisted, 2))
            .bearer(shopper)
            .header("Idempotency-Key", key)
            .send()
            .expect(201);
        seeSoldOut(relisted);

        Api.Response retry = api.post("/api/v1/orders", order(relisted, 2))
            .bearer(shopper)
            .header("Idempotency-Key", key)
            .send();

        retry.expect(201);
        assertThat(retry.body()).isEqualTo(first.body());
    }

    @Test
    void aRestockSellsAtOnce() {
        seeSoldOut(listing);
        api.put("/api/v1/listings/" + listing + "/stock", Map.of("stock", 3)).bearer(seller.token()).send().expect(200);

        place(api, shopper, order(listing, 1)).expect(201);
        assertThat(stockOf(api, listing)).isEqualTo(2);
    }

    @Test
    void aCancelledOrdersUnitSellsAtOnce() {
        String relisted = listingWithStock(api, seller, 1, 15_000);
        String orderId = place(api, shopper, order(relisted, 1)).expect(201).json().get("orderId").asString();
        seeSoldOut(relisted);

        api.post("/api/v1/orders/" + orderId + "/cancel", Map.of()).bearer(shopper).send().expect(200);

        place(api, another, order(relisted, 1)).expect(201);
    }

    private void expectSoldOut(Api.Response response) {
        response.expect(409);
        assertThat(response.json().get("code").asString()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(response.json().get("available").asInt()).isZero();
    }

}
