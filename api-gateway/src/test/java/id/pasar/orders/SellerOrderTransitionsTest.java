package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.stockOf;
import static id.pasar.orders.OrderSteps.badField;
import static id.pasar.orders.OrderSteps.clock;
import static id.pasar.orders.OrderSteps.invalidState;
import static id.pasar.orders.OrderSteps.movedBack;
import static id.pasar.orders.OrderSteps.partOf;
import static id.pasar.orders.OrderSteps.problem;
import static id.pasar.orders.OrderSteps.refundsOf;
import static id.pasar.orders.OrderSteps.sellerOrderOf;
import static id.pasar.orders.OrderSteps.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.orders.internal.OrderJobs;
import id.pasar.orders.internal.RefundJobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Seller orders over HTTP (issue 19): what a shopper and a seller may do to a seller
 * order in each state, and what they see when they may not (409 with its status); the
 * stock and the refunds of each cancellation; what the clock delivers; bad input naming
 * its field; and a seller shipping while the shopper cancels, at the same moment.
 */
@IntegrationTest
class SellerOrderTransitionsTest {

    @LocalServerPort
    int port;

    @Autowired
    OrderJobs orderJobs;

    @Autowired
    RefundJobs refundJobs;

    Api api;

    OrderSteps steps;

    Seller batik;

    Seller kopi;

    String kain;

    String bubuk;

    String shopper;

    ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        steps = new OrderSteps(api);
        batik = CatalogFixtures.verifiedSeller(api);
        kopi = CatalogFixtures.verifiedSeller(api);
        kain = listingWithStock(api, batik, 20, 150_000);
        bubuk = listingWithStock(api, kopi, 20, 45_000);
        shopper = api.newAccount("SHOPPER");
    }

    @AfterEach
    void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void aSellerCannotCancelWhatShippedNorShipWhatWasCancelled() {
        JsonNode shipped = steps.paid(shopper, Map.of(kain, 1));
        String shippedPart = partOf(shipped, batik);
        steps.ship(batik, shippedPart).expect(200);
        invalidState(sellerCancel(batik, shippedPart, "CANNOT_SHIP"), "SHIPPED");
        invalidState(steps.ship(batik, shippedPart), "SHIPPED");

        JsonNode cancelled = steps.paid(shopper, Map.of(kain, 1));
        String cancelledPart = partOf(cancelled, batik);
        JsonNode byTheSeller = sellerCancel(batik, cancelledPart, "OUT_OF_STOCK").expect(200).json();
        assertThat(byTheSeller.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(byTheSeller.get("closedBy").asString()).isEqualTo("SELLER");
        assertThat(byTheSeller.get("closeReason").asString()).isEqualTo("OUT_OF_STOCK");
        invalidState(steps.ship(batik, cancelledPart), "CANCELLED");
        invalidState(sellerCancel(batik, cancelledPart, "OUT_OF_STOCK"), "CANCELLED");
        assertThat(stockOf(api, kain)).as("the shipped unit is gone, the cancelled one back").isEqualTo(19);
        assertThat(refundsOf(order(cancelled))).singleElement()
            .satisfies(refund -> assertThat(refund.get("amountIdr").asLong())
                .isEqualTo(cancelled.get("totalIdr").asLong()));
        assertThat(refundsOf(order(shipped))).isEmpty();

        JsonNode unpaid = steps.placed(shopper, Map.of(kain, 1));
        invalidState(steps.ship(batik, partOf(unpaid, batik)), "PENDING_PAYMENT");
        invalidState(sellerCancel(batik, partOf(unpaid, batik), "OUT_OF_STOCK"), "PENDING_PAYMENT");
    }

    @Test
    void shippingWithAnotherCourierThanTheShopperChoseIs422() {
        JsonNode paid = steps.paid(shopper, Map.of(kain, 1));
        String part = partOf(paid, batik);
        String chosen = sellerOrderOf(paid, batik).get("shipping").get("courier").asString();
        String other = chosen.equalsIgnoreCase("SICEPAT") ? "JNE" : "SICEPAT";

        JsonNode refused = problem(
                api.post("/api/v1/sellers/me/orders/" + part + "/ship",
                        Map.of("courier", other, "trackingNumber", "SCP1234567890"))
                    .bearer(batik.token())
                    .send(),
                422, "COURIER_NOT_CHOSEN");
        assertThat(refused.get("chosenCourier").asString()).isEqualTo(chosen);
        assertThat(statusOf(order(paid), batik)).isEqualTo("PAID");

        JsonNode shipped = api
            .post("/api/v1/sellers/me/orders/" + part + "/ship",
                    Map.of("courier", chosen.toLowerCase(), "trackingNumber", "CGK1234567890"))
            .bearer(batik.token())
            .send()
            .expect(200)
            .json();
        assertThat(shipped.get("courier").asString()).isEqualTo(chosen);
        assertThat(shipped.get("trackingNumber").asString()).isEqualTo("CGK1234567890");
    }

    @Test
    void deliveryCannotBeConfirmedBeforeShipping() {
        JsonNode paid = steps.paid(shopper, Map.of(kain, 1));
        String orderId = paid.get("orderId").asString();
        invalidState(api
            .post("/api/v1/orders/" + orderId + "/seller-orders/" + partOf(paid, batik) + "/confirm-delivery", Map.of())
            .bearer(shopper)
            .send(), "PAID");
        invalidState(api.post("/api/v1/orders/" + orderId + "/confirm-delivery", Map.of()).bearer(shopper).send(),
                "PAID");
        JsonNode unpaid = steps.placed(shopper, Map.of(kain, 1));
        invalidState(api.post("/api/v1/orders/" + unpaid.get("orderId").asString() + "/confirm-delivery", Map.of())
            .bearer(shopper)
            .send(), "PENDING_PAYMENT");
        assertThat(order(paid).get("status").asString()).isEqualTo("PAID");
    }

    @Test
    void cancellingAnUnpaidOrderCancelsItWholeAndGivesTheStockBack() {
        JsonNode unpaid = steps.placed(shopper, Map.of(kain, 2, bubuk, 3));
        assertThat(stockOf(api, kain)).isEqualTo(18);
        assertThat(stockOf(api, bubuk)).isEqualTo(17);

        JsonNode cancelled = api
            .post("/api/v1/orders/" + unpaid.get("orderId").asString() + "/cancel", Map.of("reason", "Salah alamat"))
            .bearer(shopper)
            .send()
            .expect(200)
            .json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(statusOf(cancelled, batik)).isEqualTo("CANCELLED");
        assertThat(statusOf(cancelled, kopi)).isEqualTo("CANCELLED");
        assertThat(refundsOf(cancelled)).as("nothing was paid").isEmpty();
        assertThat(stockOf(api, kain)).isEqualTo(20);
        assertThat(stockOf(api, bubuk)).isEqualTo(20);
        invalidState(api.post("/api/v1/orders/" + unpaid.get("orderId").asString() + "/cancel", Map.of())
            .bearer(shopper)
            .send(), "CANCELLED");
        assertThat(stockOf(api, kain)).as("given back once").isEqualTo(20);
    }

    @Test
    void cancellingAPaidOrderCancelsWhatHasNotShippedAndRefundsEachItsItemsAndShipping() throws Exception {
        Seller anyaman = CatalogFixtures.verifiedSeller(api);
        String tikar = listingWithStock(api, anyaman, 20, 80_000);
        JsonNode paid = steps.paid(shopper, Map.of(kain, 2, bubuk, 3, tikar, 1));
        String orderId = paid.get("orderId").asString();
        steps.ship(batik, partOf(paid, batik)).expect(200);

        JsonNode cancelled = api.post("/api/v1/orders/" + orderId + "/cancel", Map.of("reason", "Tidak jadi"))
            .bearer(shopper)
            .send()
            .expect(200)
            .json();
        assertThat(cancelled.get("status").asString()).as("what shipped is still on its way").isEqualTo("SHIPPED");
        assertThat(statusOf(cancelled, batik)).isEqualTo("SHIPPED");
        assertThat(statusOf(cancelled, kopi)).isEqualTo("CANCELLED");
        assertThat(statusOf(cancelled, anyaman)).isEqualTo("CANCELLED");
        assertThat(stockOf(api, kain)).as("shipped units never come back").isEqualTo(18);
        assertThat(stockOf(api, bubuk)).isEqualTo(20);
        assertThat(stockOf(api, tikar)).isEqualTo(20);

        refundJobs.sendDueRefunds();
        List<JsonNode> refunds = refundsOf(order(paid));
        assertThat(refunds).hasSize(2);
        for (Seller seller : List.of(kopi, anyaman)) {
            JsonNode part = sellerOrderOf(paid, seller);
            assertThat(refunds)
                .filteredOn(r -> r.get("sellerOrderId").asString().equals(part.get("sellerOrderId").asString()))
                .singleElement()
                .satisfies(refund -> {
                    assertThat(refund.get("amountIdr").asLong()).as("items and shipping")
                        .isEqualTo(part.get("subtotalIdr").asLong() + part.get("shippingIdr").asLong())
                        .isGreaterThan(part.get("subtotalIdr").asLong());
                    assertThat(refund.get("state").asString()).isEqualTo("SUCCEEDED");
                });
        }
        assertThat(sellerOrderOf(paid, kopi).get("subtotalIdr").asLong()).isEqualTo(135_000);
        assertThat(sellerOrderOf(paid, anyaman).get("subtotalIdr").asLong()).isEqualTo(80_000);

        invalidState(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of()).bearer(shopper).send(), "SHIPPED");
        assertThat(refundsOf(order(paid))).as("no second refund").hasSize(2);
        assertThat(OrderLoopTest.moneyInvariantViolations(List.of(orderId))).isEmpty();
    }

    @Test
    void cancellingOneSellerOrderLeavesTheOrderPaidWhileAnotherIsStillToShip() throws Exception {
        JsonNode paid = steps.paid(shopper, Map.of(kain, 2, bubuk, 1));
        String orderId = paid.get("orderId").asString();
        JsonNode afterCancel = api
            .post("/api/v1/orders/" + orderId + "/seller-orders/" + partOf(paid, kopi) + "/cancel",
                    Map.of("reason", "Salah pilih varian"))
            .bearer(shopper)
            .send()
            .expect(200)
            .json();
        assertThat(afterCancel.get("status").asString()).isEqualTo("PAID");
        assertThat(statusOf(afterCancel, kopi)).isEqualTo("CANCELLED");
        assertThat(sellerOrderOf(afterCancel, kopi).get("closedBy").asString()).isEqualTo("SHOPPER");
        assertThat(statusOf(afterCancel, batik)).isEqualTo("PAID");
        assertThat(refundsOf(afterCancel)).singleElement()
            .satisfies(refund -> assertThat(refund.get("sellerOrderId").asString()).isEqualTo(partOf(paid, kopi)));
        assertThat(stockOf(api, bubuk)).isEqualTo(20);

        steps.ship(batik, partOf(paid, batik)).expect(200);
        invalidState(
                api.post("/api/v1/orders/" + orderId + "/seller-orders/" + partOf(paid, batik) + "/cancel", Map.of())
                    .bearer(shopper)
                    .send(),
                "SHIPPED");
        invalidState(
                api.post("/api/v1/orders/" + orderId + "/seller-orders/" + partOf(paid, kopi) + "/cancel", Map.of())
                    .bearer(shopper)
                    .send(),
                "CANCELLED");
        assertThat(order(paid).get("status").asString()).isEqualTo("SHIPPED");
        assertThat(stockOf(api, kain)).as("the shipped stock never returns").isEqualTo(18);
        assertThat(refundsOf(order(paid))).hasSize(1);
        assertThat(OrderLoopTest.moneyInvariantViolations(List.of(orderId))).isEmpty();
    }

    @Test
    void aShippedSellerOrderIsDeliveredByTheClockSevenDaysAfterShipping() throws Exception {
        JsonNode paid = steps.paid(shopper, Map.of(kain, 1, bubuk, 1));
        String batikPart = partOf(paid, batik);
        steps.ship(batik, batikPart).expect(200);
        steps.ship(kopi, partOf(paid, kopi)).expect(200);

        movedBack("seller_orders", "shipped_at", batikPart, "6 days 23 hours");
        clock(orderJobs);
        assertThat(statusOf(order(paid), batik)).as("not before seven days").isEqualTo("SHIPPED");

        movedBack("seller_orders", "shipped_at", batikPart, "2 hours");
        clock(orderJobs);
        JsonNode after = order(paid);
        assertThat(statusOf(after, batik)).isEqualTo("DELIVERED");
        assertThat(sellerOrderOf(after, batik).get("deliveredAt").isNull()).isFalse();
        assertThat(statusOf(after, kopi)).as("shipped just now").isEqualTo("SHIPPED");
        assertThat(after.get("status").asString()).isEqualTo("SHIPPED");
        invalidState(api
            .post("/api/v1/orders/" + paid.get("orderId").asString() + "/seller-orders/" + batikPart
                    + "/confirm-delivery", Map.of())
            .bearer(shopper)
            .send(), "DELIVERED");
    }

    @Test
    void anOrderWhoseSellerOrdersAreAllCancelledAfterPaymentIsCancelledAndFullyRefunded() throws Exception {
        JsonNode paid = steps.paid(shopper, Map.of(kain, 1, bubuk, 2));
        String orderId = paid.get("orderId").asString();
        api.post("/api/v1/orders/" + orderId + "/seller-orders/" + partOf(paid, batik) + "/cancel", Map.of())
            .bearer(shopper)
            .send()
            .expect(200);
        sellerCancel(kopi, partOf(paid, kopi), "CANNOT_SHIP").expect(200);

        refundJobs.sendDueRefunds();
        JsonNode cancelled = order(paid);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        List<JsonNode> refunds = refundsOf(cancelled);
        assertThat(refunds).hasSize(2).allSatisfy(r -> assertThat(r.get("state").asString()).isEqualTo("SUCCEEDED"));
        assertThat(refunds.stream().mapToLong(r -> r.get("amountIdr").asLong()).sum()).as("everything paid")
            .isEqualTo(paid.get("totalIdr").asLong());
        assertThat(cancelled.get("history").valueStream().map(h -> h.get("status").asString()).toList())
            .endsWith("CANCELLED");
        assertThat(stockOf(api, kain)).isEqualTo(20);
        assertThat(stockOf(api, bubuk)).isEqualTo(20);
        invalidState(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of()).bearer(shopper).send(), "CANCELLED");
        assertThat(OrderLoopTest.moneyInvariantViolations(List.of(orderId))).isEmpty();
    }

    @Test
    void badInputOfSellerOrderVerbsIsRefusedNamingTheField() {
        JsonNode paid = steps.paid(shopper, Map.of(kain, 1));
        String orderId = paid.get("orderId").asString();
        String part = partOf(paid, batik);
        String cancelPath = "/api/v1/sellers/me/orders/" + part + "/cancel";
        String shipPath = "/api/v1/sellers/me/orders/" + part + "/ship";

        badField(post(cancelPath, batik.token(), Map.of()), "VALIDATION_FAILED", "reason");
        badField(post(cancelPath, batik.token(), Map.of("reason", "LAZY")), "MALFORMED_REQUEST", "reason");
        badField(post(shipPath, batik.token(), Map.of("trackingNumber", "JNE 0123456789")), "VALIDATION_FAILED",
                "trackingNumber");
        badField(post(shipPath, batik.token(), Map.of("trackingNumber", "JNE01")), "VALIDATION_FAILED",
                "trackingNumber");
        badField(post(shipPath, batik.token(), Map.of()), "VALIDATION_FAILED", "trackingNumber");
        badField(post("/api/v1/orders/" + orderId + "/seller-orders/" + part + "/cancel", shopper,
                Map.of("reason", "x".repeat(201))), "VALIDATION_FAILED", "reason");
        badField(post("/api/v1/orders/" + orderId + "/cancel", shopper, Map.of("reason", "x".repeat(201))),
                "VALIDATION_FAILED", "reason");
        problem(post(shipPath, batik.token(), "{\"trackingNumber\": "), 400, "MALFORMED_REQUEST");
        problem(post(cancelPath, batik.token(), "not json"), 400, "MALFORMED_REQUEST");
        problem(post(shipPath, batik.token(), "{\"trackingNumber\": \"CGK1234567890\"} trailing"), 400,
                "MALFORMED_REQUEST");
        assertThat(statusOf(order(paid), batik)).as("nothing changed").isEqualTo("PAID");

        Api.Response wrongType = OrderFixtures.place(api, shopper, Map.of("items",
                List.of(Map.of("listingId", kain, "quantity", "two")), "shippingAddress", OrderFixtures.ADDRESS));
        badField(wrongType, "MALFORMED_REQUEST", "items[0].quantity");
        assertThat(stockOf(api, kain)).isEqualTo(19);

        // ids that are not UUIDs are a bad parameter, never a 500
        badField(post("/api/v1/sellers/me/orders/not-a-uuid/ship", batik.token(),
                Map.of("trackingNumber", "CGK1234567890")), "INVALID_PARAMETER", "sellerOrderId");
        badField(api.get("/api/v1/sellers/me/orders/123").bearer(batik.token()).send(), "INVALID_PARAMETER",
                "sellerOrderId");
        badField(api.get("/api/v1/orders/" + orderId + "0").bearer(shopper).send(), "INVALID_PARAMETER", "orderId");
        badField(post("/api/v1/orders/" + orderId + "/seller-orders/x/cancel", shopper, Map.of()), "INVALID_PARAMETER",
                "sellerOrderId");
        // well-formed ids of nothing, or of another's, are 404
        problem(api.get("/api/v1/sellers/me/orders/" + UUID.randomUUID()).bearer(batik.token()).send(), 404,
                "ORDER_NOT_FOUND");
        problem(post("/api/v1/orders/" + orderId + "/seller-orders/" + UUID.randomUUID() + "/cancel", shopper,
                Map.of()), 404, "ORDER_NOT_FOUND");
        problem(post(shipPath, kopi.token(), Map.of("trackingNumber", "CGK1234567890")), 404, "ORDER_NOT_FOUND");
    }

    /**
     * The seller ships while the shopper cancels the same seller order: exactly one wins
     * each round, the other is told the state it lost to; the unit comes back and is
     * refunded only when the cancellation won.
     */
    @Test
    void aSellerShippingWhileTheShopperCancelsEndsOneWayOnly() throws Exception {
        int rounds = 12;
        String listing = listingWithStock(api, batik, rounds, 60_000);
        pool = Executors.newFixedThreadPool(2);
        int cancelsWon = 0;
        List<String> orderIds = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            JsonNode paid = steps.paid(shopper, Map.of(listing, 1));
            String orderId = paid.get("orderId").asString();
            String part = partOf(paid, batik);
            String trackingNumber = "RACE" + (100000 + round);
            orderIds.add(orderId);
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<Api.Response> ship = () -> {
                start.await(10, TimeUnit.SECONDS);
                return api.post("/api/v1/sellers/me/orders/" + part + "/ship", Map.of("trackingNumber", trackingNumber))
                    .bearer(batik.token())
                    .send();
            };
            Callable<Api.Response> cancel = () -> {
                start.await(10, TimeUnit.SECONDS);
                return api
                    .post("/api/v1/orders/" + orderId + "/seller-orders/" + part + "/cancel",
                            Map.of("reason", "Berubah pikiran"))
                    .bearer(shopper)
                    .send();
            };
            Future<Api.Response> shipping = pool.submit(ship);
            Future<Api.Response> cancelling = pool.submit(cancel);
            Api.Response shipped = shipping.get(30, TimeUnit.SECONDS);
            Api.Response cancelled = cancelling.get(30, TimeUnit.SECONDS);

            JsonNode after = order(paid);
            String status = statusOf(after, batik);
            if (cancelled.status() == 200) {
                cancelsWon++;
                invalidState(shipped, "CANCELLED");
                assertThat(status).isEqualTo("CANCELLED");
                assertThat(refundsOf(after)).singleElement()
                    .satisfies(refund -> assertThat(refund.get("amountIdr").asLong())
                        .isEqualTo(paid.get("totalIdr").asLong()));
            }
            else {
                shipped.expect(200);
                invalidState(cancelled, "SHIPPED");
                assertThat(status).isEqualTo("SHIPPED");
                assertThat(refundsOf(after)).isEmpty();
            }
            assertThat(stockOf(api, listing)).as("round %d: a unit back only for a cancellation", round)
                .isEqualTo(rounds - (round + 1) + cancelsWon);
        }
        assertThat(OrderLoopTest.moneyInvariantViolations(orderIds)).isEmpty();
    }

    private Api.Response sellerCancel(Seller seller, String sellerOrderId, String reason) {
        return post("/api/v1/sellers/me/orders/" + sellerOrderId + "/cancel", seller.token(), Map.of("reason", reason));
    }

    private Api.Response post(String path, String token, Object body) {
        return api.post(path, body).bearer(token).send();
    }

    private JsonNode order(JsonNode order) {
        return steps.order(shopper, order.get("orderId").asString());
    }

}
