package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.grossOf;
import static id.pasar.orders.OrderFixtures.notification;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static id.pasar.orders.OrderFixtures.stockOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.orders.internal.OrderBook;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OrdersTest {

    @LocalServerPort
    int port;

    @Autowired
    OrderBook book;

    Api api;

    Seller seller;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        seller = CatalogFixtures.verifiedSeller(api);
    }

    @Test
    void anOrderIsSplitPerSellerAndPricedFromTheCatalogNotTheClient() {
        Seller other = CatalogFixtures.verifiedSeller(api);
        String a = listingWithStock(api, seller, 5, 100_000);
        String b = listingWithStock(api, other, 5, 25_000);
        String shopper = api.newAccount("SHOPPER");
        Map<String, Object> body = new HashMap<>(order(Map.of(a, 2, b, 1)));
        body.put("totalIdr", 1); // a client's idea of the price is ignored

        JsonNode placed = place(api, shopper, body).expect(201).json();

        assertThat(placed.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(placed.get("itemsTotalIdr").asLong()).isEqualTo(225_000);
        assertThat(placed.get("shippingTotalIdr").asLong()).as("each seller's cheapest service").isPositive();
        assertThat(placed.get("totalIdr").asLong()).isEqualTo(225_000 + placed.get("shippingTotalIdr").asLong());
        assertThat(placed.get("sellerOrders")).hasSize(2);
        assertThat(placed.get("sellerOrders").valueStream().map(s -> s.get("subtotalIdr").asLong()))
            .containsExactlyInAnyOrder(200_000L, 25_000L);
        assertThat(placed.get("shippingAddress").get("regencyCode").asString()).isEqualTo("32.73");
        Duration window = Duration.between(OffsetDateTime.parse(placed.get("createdAt").asString()),
                OffsetDateTime.parse(placed.get("expiresAt").asString()));
        assertThat(window).isEqualTo(Duration.ofMinutes(30));
        assertThat(stockOf(api, a)).isEqualTo(3);
        assertThat(stockOf(api, b)).isEqualTo(4);
    }

    @Test
    void theSameKeyReplaysTheFirstResponseAndTakesStockOnce() {
        String listing = listingWithStock(api, seller, 10, 50_000);
        String shopper = api.newAccount("SHOPPER");
        String key = UUID.randomUUID().toString();

        Api.Response first = api.post("/api/v1/orders", order(listing, 2))
            .bearer(shopper)
            .header("Idempotency-Key", key)
            .send();
        Api.Response again = api.post("/api/v1/orders", order(listing, 2))
            .bearer(shopper)
            .header("Idempotency-Key", key)
            .send();
        Api.Response otherBody = api.post("/api/v1/orders", order(listing, 3))
            .bearer(shopper)
            .header("Idempotency-Key", key)
            .send();

        first.expect(201);
        again.expect(201);
        // the very bytes: the first answer is the stored one
        assertThat(again.body()).isEqualTo(first.body());
        otherBody.expect(422);
        assertThat(otherBody.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(stockOf(api, listing)).isEqualTo(8);
        assertThat(api.get("/api/v1/orders?size=100").bearer(shopper).send().json().get("items")).hasSize(1);
        // Keys belong to a shopper: another shopper's identical key is a new order.
        api.post("/api/v1/orders", order(listing, 2))
            .bearer(api.newAccount("SHOPPER"))
            .header("Idempotency-Key", key)
            .send()
            .expect(201);
    }

    @Test
    void fiveSimultaneousRetriesCreateOneOrder() throws Exception {
        String listing = listingWithStock(api, seller, 10, 50_000);
        String shopper = api.newAccount("SHOPPER");
        String key = UUID.randomUUID().toString();
        List<Api.Response> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Callable<Api.Response>> retries = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                retries.add(() -> api.post("/api/v1/orders", order(listing, 1))
                    .bearer(shopper)
                    .header("Idempotency-Key", key)
                    .send());
            }
            for (Future<Api.Response> response : pool.invokeAll(retries)) {
                responses.add(response.get());
            }
        }
        finally {
            pool.shutdown();
        }
        // A retry that arrives while the first is in flight is 409; one that arrives
        // after it replays the first response. Which of the two a retry gets is up to
        // timing.
        assertThat(responses).extracting(Api.Response::status).contains(201).isSubsetOf(201, 409);
        assertThat(responses.stream()
            .filter(r -> r.status() == 201)
            .map(r -> r.json().get("orderId").asString())
            .distinct()).as("every 201 is the same order").hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409)
            .allSatisfy(r -> assertThat(r.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_FLIGHT"));
        assertThat(stockOf(api, listing)).isEqualTo(9);
        assertThat(api.get("/api/v1/orders").bearer(shopper).send().json().get("items")).hasSize(1);
    }

    @Test
    void withoutAnIdempotencyKeyIs400() {
        String listing = listingWithStock(api, seller, 10, 50_000);
        Api.Response response = api.post("/api/v1/orders", order(listing, 1)).bearer(api.newAccount("SHOPPER")).send();
        response.expect(400);
        assertThat(response.json().get("code").asString()).isEqualTo("MISSING_HEADER");
    }

    @Test
    void twoHundredConcurrentOrdersForFiftyInStockSellExactlyFifty() throws Exception {
        String listing = listingWithStock(api, seller, 50, 10_000);

        Map<Integer, Integer> counts = OrderFixtures.placeConcurrently(List.of(api), listing, 200);

        assertThat(counts).containsEntry(201, 50).containsEntry(409, 150).hasSize(2);
        assertThat(stockOf(api, listing)).isZero();
    }

    @Test
    void refusalsNameTheirReason() throws Exception {
        String shopper = api.newAccount("SHOPPER");
        String listing = listingWithStock(api, seller, 3, 10_000);

        Api.Response tooMany = place(api, shopper, order(listing, 4));
        tooMany.expect(409);
        assertThat(tooMany.json().get("code").asString()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(tooMany.json().get("listingId").asString()).isEqualTo(listing);

        String draft = CatalogFixtures.createDraft(api, seller, CatalogFixtures.listing("Belum Terbit"));
        Api.Response unpublished = place(api, shopper, order(draft, 1));
        unpublished.expect(422);
        assertThat(unpublished.json().get("code").asString()).isEqualTo("LISTING_NOT_AVAILABLE");
        place(api, shopper, order(UUID.randomUUID().toString(), 1)).expect(422);

        Map<String, Object> abroad = new HashMap<>(order(listing, 1));
        abroad.put("shippingAddress", new HashMap<>(OrderFixtures.ADDRESS) {
            {
                put("regencyCode", "9901");
            }
        });
        Api.Response notDomestic = place(api, shopper, abroad);
        notDomestic.expect(422);
        assertThat(notDomestic.json().get("code").asString()).isEqualTo("ADDRESS_NOT_DOMESTIC");
        assertThat(stockOf(api, listing)).isEqualTo(3);
    }

    @Test
    void aSuspendedListingCannotBeOrdered() {
        String listing = listingWithStock(api, seller, 5, 10_000);
        api.post("/api/v1/compliance/sellers/" + seller.sellerId() + "/revoke", Map.of("reason", "fraud"))
            .bearer(api.newStaffAccount("COMPLIANCE_OFFICER"))
            .send()
            .expect(200);
        Api.Response refused = place(api, api.newAccount("SHOPPER"), order(listing, 1));
        refused.expect(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("LISTING_NOT_AVAILABLE");
    }

    @Test
    void oneShopperMayHoldAtMostTenUnpaidUnitsOfAListing() {
        String listing = listingWithStock(api, seller, 100, 10_000);
        String shopper = api.newAccount("SHOPPER");
        place(api, shopper, order(listing, 6)).expect(201);
        place(api, shopper, order(listing, 4)).expect(201);
        Api.Response over = place(api, shopper, order(listing, 1));
        over.expect(422);
        assertThat(over.json().get("code").asString()).isEqualTo("PURCHASE_LIMIT_EXCEEDED");
        place(api, api.newAccount("SHOPPER"), order(listing, 10)).expect(201);
    }

    @Test
    void aSignedSettlementPaysTheOrderOnceAndABadSignatureChangesNothing() {
        String listing = listingWithStock(api, seller, 5, 100_000);
        String shopper = api.newAccount("SHOPPER");
        String orderId = place(api, shopper, order(listing, 1)).expect(201).json().get("orderId").asString();

        Map<String, String> forged = new HashMap<>(notification(orderId, "settlement", grossOf(api, shopper, orderId)));
        forged.put("signature_key",
                OrderFixtures.sha512(orderId + "200" + grossOf(api, shopper, orderId) + "guessed-key"));
        Api.Response refused = api.post("/api/v1/payments/notifications", forged).send();
        refused.expect(401);
        assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_SIGNATURE");
        assertThat(status(shopper, orderId)).isEqualTo("PENDING_PAYMENT");

        Api.Response wrongAmount = api
            .post("/api/v1/payments/notifications", notification(orderId, "settlement", "1000.00"))
            .send();
        wrongAmount.expect(422);
        assertThat(status(shopper, orderId)).isEqualTo("PENDING_PAYMENT");

        api.post("/api/v1/payments/notifications", notification(orderId, "settlement", grossOf(api, shopper, orderId)))
            .send()
            .expect(200);
        assertThat(status(shopper, orderId)).isEqualTo("PAID");
        JsonNode repeat = api
            .post("/api/v1/payments/notifications", notification(orderId, "settlement", grossOf(api, shopper, orderId)))
            .send()
            .expect(200)
            .json();
        assertThat(repeat.get("result").asString()).isEqualTo("UNCHANGED");
        // out of order: an "expire" after the payment changes nothing either
        api.post("/api/v1/payments/notifications", notification(orderId, "expire", grossOf(api, shopper, orderId)))
            .send()
            .expect(200);
        assertThat(status(shopper, orderId)).isEqualTo("PAID");
        assertThat(stockOf(api, listing)).isEqualTo(4);
    }

    @Test
    void aPaymentGatewayCancellationGivesTheStockBackOnce() {
        String listing = listingWithStock(api, seller, 5, 30_000);
        String shopper = api.newAccount("SHOPPER");
        String orderId = place(api, shopper, order(listing, 2)).expect(201).json().get("orderId").asString();
        api.post("/api/v1/payments/notifications", notification(orderId, "deny", grossOf(api, shopper, orderId)))
            .send()
            .expect(200);
        api.post("/api/v1/payments/notifications", notification(orderId, "cancel", grossOf(api, shopper, orderId)))
            .send()
            .expect(200);
        assertThat(status(shopper, orderId)).isEqualTo("CANCELLED");
        assertThat(stockOf(api, listing)).isEqualTo(5);
    }

    @Test
    void anUnpaidOrderExpiresAndItsStockComesBackExactlyOnce() throws Exception {
        String listing = listingWithStock(api, seller, 5, 30_000);
        String shopper = api.newAccount("SHOPPER");
        String orderId = place(api, shopper, order(listing, 3)).expect(201).json().get("orderId").asString();
        assertThat(stockOf(api, listing)).isEqualTo(2);
        assertThat(book.expire(UUID.fromString(orderId))).as("not due yet").isFalse();
        try (Connection connection = TestDatabase.instance().connect()) {
            connection.createStatement()
                .executeUpdate("UPDATE orders.orders SET expires_at = now() - interval '1 minute' WHERE id = '"
                        + orderId + "'");
        }

        assertThat(book.unpaidExpired(1000)).contains(UUID.fromString(orderId));
        assertThat(book.expire(UUID.fromString(orderId))).isTrue();
        assertThat(book.expire(UUID.fromString(orderId))).isFalse();

        assertThat(status(shopper, orderId)).isEqualTo("EXPIRED");
        assertThat(stockOf(api, listing)).isEqualTo(5);
        api.post("/api/v1/payments/notifications", notification(orderId, "settlement", grossOf(api, shopper, orderId)))
            .send()
            .expect(200);
        assertThat(status(shopper, orderId)).as("a late payment does not revive it").isEqualTo("EXPIRED");
    }

    @Test
    void paidShippedAndDeliveredWithEveryStepRecorded() {
        String listing = listingWithStock(api, seller, 5, 40_000);
        String shopper = api.newAccount("SHOPPER");
        JsonNode placed = place(api, shopper, order(listing, 1)).expect(201).json();
        String orderId = placed.get("orderId").asString();
        String sellerOrderId = placed.get("sellerOrders").get(0).get("sellerOrderId").asString();
        Map<String, String> shipment = Map.of("trackingNumber", "CGK1234567890");

        api.post("/api/v1/sellers/me/orders/" + sellerOrderId + "/ship", shipment)
            .bearer(seller.token())
            .send()
            .expect(409);
        api.post("/api/v1/payments/notifications", notification(orderId, "settlement", grossOf(api, shopper, orderId)))
            .send()
            .expect(200);
        JsonNode shipped = api.post("/api/v1/sellers/me/orders/" + sellerOrderId + "/ship", shipment)
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();
        assertThat(shipped.get("status").asString()).isEqualTo("SHIPPED");
        assertThat(shipped.get("trackingNumber").asString()).isEqualTo("CGK1234567890");
        api.post("/api/v1/orders/" + orderId + "/cancel", Map.of()).bearer(shopper).send().expect(409);

        JsonNode delivered = api.post("/api/v1/orders/" + orderId + "/confirm-delivery", Map.of())
            .bearer(shopper)
            .send()
            .expect(200)
            .json();
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("history").valueStream().map(h -> h.get("status").asString()))
            .as("each seller order's change, then the order's")
            .containsExactly("PENDING_PAYMENT", "PAID", "SHIPPED", "SHIPPED", "DELIVERED", "DELIVERED");
        JsonNode sellerView = api.get("/api/v1/sellers/me/orders").bearer(seller.token()).send().expect(200).json();
        assertThat(sellerView.get("items").get(0).get("sellerOrderId").asString()).isEqualTo(sellerOrderId);
    }

    @Test
    void cancellingBeforeShippingGivesTheStockBack() {
        String listing = listingWithStock(api, seller, 5, 40_000);
        String shopper = api.newAccount("SHOPPER");
        String orderId = place(api, shopper, order(listing, 2)).expect(201).json().get("orderId").asString();
        JsonNode cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of())
            .bearer(shopper)
            .send()
            .expect(200)
            .json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(stockOf(api, listing)).isEqualTo(5);
        api.post("/api/v1/orders/" + orderId + "/cancel", Map.of()).bearer(shopper).send().expect(409);
        assertThat(stockOf(api, listing)).isEqualTo(5);
    }

    @Test
    void nobodySeesOrTouchesAnothersOrders() {
        String listing = listingWithStock(api, seller, 5, 40_000);
        String alice = api.newAccount("SHOPPER");
        String bob = api.newAccount("SHOPPER");
        JsonNode placed = place(api, alice, order(listing, 1)).expect(201).json();
        String orderId = placed.get("orderId").asString();
        String sellerOrderId = placed.get("sellerOrders").get(0).get("sellerOrderId").asString();
        api.post("/api/v1/payments/notifications", notification(orderId, "settlement", grossOf(api, alice, orderId)))
            .send()
            .expect(200);

        api.get("/api/v1/orders/" + orderId).bearer(bob).send().expect(404);
        api.post("/api/v1/orders/" + orderId + "/cancel", Map.of()).bearer(bob).send().expect(404);
        api.post("/api/v1/orders/" + orderId + "/confirm-delivery", Map.of()).bearer(bob).send().expect(404);
        assertThat(api.get("/api/v1/orders").bearer(bob).send().json().get("items")).isEmpty();
        Seller otherSeller = CatalogFixtures.verifiedSeller(api);
        api.post("/api/v1/sellers/me/orders/" + sellerOrderId + "/ship",
                Map.of("courier", "JNE", "trackingNumber", "JNE000000001"))
            .bearer(otherSeller.token())
            .send()
            .expect(404);
        assertThat(api.get("/api/v1/sellers/me/orders").bearer(otherSeller.token()).send().json().get("items"))
            .isEmpty();
        assertThat(status(alice, orderId)).isEqualTo("PAID");
    }

    @Test
    void orderPlacementIsRateLimitedPerShopper() {
        String shopper = api.newAccount("SHOPPER");
        for (int i = 0; i < 30; i++) {
            api.post("/api/v1/orders", "{}").bearer(shopper).header("Idempotency-Key", "k" + i).send().expect(400);
        }
        Api.Response limited = api.post("/api/v1/orders", "{}").bearer(shopper).header("Idempotency-Key", "k31").send();
        limited.expect(429);
        assertThat(limited.json().get("code").asString()).isEqualTo("TOO_MANY_ORDERS");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        api.post("/api/v1/orders", "{}")
            .bearer(api.newAccount("SHOPPER"))
            .header("Idempotency-Key", "k")
            .send()
            .expect(400);
    }

    @Test
    void onlyShoppersOrder() {
        String listing = listingWithStock(api, seller, 5, 40_000);
        place(api, seller.token(), order(listing, 1)).expect(403);
        api.post("/api/v1/orders", order(listing, 1)).header("Idempotency-Key", "x").send().expect(401);
    }

    private String status(String shopper, String orderId) {
        return api.get("/api/v1/orders/" + orderId).bearer(shopper).send().expect(200).json().get("status").asString();
    }

}
