package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.stockOf;
import static id.pasar.orders.OrderSteps.clock;
import static id.pasar.orders.OrderSteps.invalidState;
import static id.pasar.orders.OrderSteps.movedBack;
import static id.pasar.orders.OrderSteps.refundsOf;
import static id.pasar.orders.OrderSteps.sellerOrderOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.orders.internal.OrderJobs;
import id.pasar.orders.internal.RefundJobs;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole order loop over HTTP, as a shopper and two sellers walk it (issue 19): an
 * address, a quote, an order with two sellers, a payment by virtual account settled by
 * the sandbox's signed notification, one seller ships while the other cancels (refunded,
 * its stock back, the shipped stock not), delivery, completion by the clock; then a
 * second order delivered and returned, refunded; and the money adds up.
 */
@IntegrationTest
class OrderLoopTest {

    @LocalServerPort
    int port;

    @Autowired
    OrderJobs orderJobs;

    @Autowired
    RefundJobs refundJobs;

    Api api;

    Seller batik;

    Seller kopi;

    String shopper;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        batik = CatalogFixtures.verifiedSeller(api);
        kopi = CatalogFixtures.verifiedSeller(api);
        shopper = api.newAccount("SHOPPER");
    }

    @Test
    void aShopperAndTwoSellersWalkTheWholeLoopAndTheMoneyAddsUp() throws Exception {
        String kain = listingWithStock(api, batik, 10, 150_000);
        String bubuk = listingWithStock(api, kopi, 10, 45_000);
        api.put("/api/v1/sellers/me/couriers", Map.of("couriers", List.of("JNE", "SICEPAT")))
            .bearer(batik.token())
            .send()
            .expect(200);

        // an address, and a quote for it
        String home = api.post("/api/v1/shoppers/me/addresses", AddressFixtures.address("Rumah"))
            .bearer(shopper)
            .send()
            .expect(201)
            .json()
            .get("addressId")
            .asString();
        List<Map<String, Object>> items = List.of(Map.of("listingId", kain, "quantity", 2),
                Map.of("listingId", bubuk, "quantity", 3));
        JsonNode quote = api.post("/api/v1/orders/quote", Map.of("items", items, "addressId", home))
            .bearer(shopper)
            .send()
            .expect(200)
            .json();
        JsonNode batikQuote = sellerQuote(quote, batik.sellerId());
        assertThat(batikQuote.get("subtotalIdr").asLong()).isEqualTo(300_000);
        assertThat(batikQuote.get("services").valueStream().map(s -> s.get("courier").asString()))
            .as("only the couriers the seller hands parcels to")
            .isNotEmpty()
            .allMatch(courier -> courier.equals("JNE") || courier.equals("SICEPAT"));
        JsonNode jneReg = batikQuote.get("services")
            .valueStream()
            .filter(s -> s.get("courier").asString().equals("JNE") && s.get("service").asString().equals("REG"))
            .findFirst()
            .orElseThrow();
        long kopiShipping = sellerQuote(quote, kopi.sellerId()).get("services").get(0).get("costIdr").asLong();

        // the order, with JNE REG chosen for the batik and the coffee's cheapest service
        Map<String, Object> body = new HashMap<>(Map.of("items", items, "addressId", home));
        body.put("shipping", List.of(Map.of("sellerId", batik.sellerId(), "courier", "JNE", "service", "REG")));
        JsonNode placed = api.post("/api/v1/orders", body)
            .bearer(shopper)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send()
            .expect(201)
            .json();
        String orderId = placed.get("orderId").asString();
        long total = 300_000 + 135_000 + jneReg.get("costIdr").asLong() + kopiShipping;
        assertThat(placed.get("totalIdr").asLong()).as("items and each seller's shipping").isEqualTo(total);
        assertThat(placed.get("shippingAddress").get("phone").asString()).isEqualTo("+6281234567890");
        String batikPart = sellerOrderOf(placed, batik).get("sellerOrderId").asString();
        String kopiPart = sellerOrderOf(placed, kopi).get("sellerOrderId").asString();
        assertThat(sellerOrderOf(placed, batik).get("shipping").get("courier").asString()).isEqualTo("JNE");

        // a payment by BCA virtual account, settled through the sandbox's signed
        // notification
        JsonNode payment = api
            .post("/api/v1/orders/" + orderId + "/payments", Map.of("method", "BANK_TRANSFER", "bank", "BCA"))
            .bearer(shopper)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send()
            .expect(201)
            .json();
        assertThat(payment.get("vaNumber").asString()).matches("\\d{16}");
        assertThat(payment.get("amountIdr").asLong()).isEqualTo(total);
        api.post("/api/v1/sandbox/payments/" + payment.get("paymentId").asString() + "/settle", Map.of())
            .bearer(shopper)
            .send()
            .expect(200);
        assertThat(order(orderId).get("status").asString()).isEqualTo("PAID");

        // the batik seller sees where to ship and ships; the coffee seller has none left
        JsonNode toShip = api.get("/api/v1/sellers/me/orders/" + batikPart)
            .bearer(batik.token())
            .send()
            .expect(200)
            .json();
        assertThat(toShip.get("shipTo").get("street").asString()).isEqualTo("Jl. Kenanga 12");
        api.post("/api/v1/sellers/me/orders/" + batikPart + "/ship", Map.of("trackingNumber", "JNE0123456789"))
            .bearer(batik.token())
            .send()
            .expect(200);
        JsonNode cancelled = api
            .post("/api/v1/sellers/me/orders/" + kopiPart + "/cancel", Map.of("reason", "OUT_OF_STOCK"))
            .bearer(kopi.token())
            .send()
            .expect(200)
            .json();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("closedBy").asString()).isEqualTo("SELLER");
        // a shipped seller order cannot be cancelled, and the order as a whole has
        // nothing left to cancel
        invalidState(api.post("/api/v1/orders/" + orderId + "/seller-orders/" + batikPart + "/cancel", Map.of())
            .bearer(shopper)
            .send(), "SHIPPED");
        invalidState(api.post("/api/v1/orders/" + orderId + "/cancel", Map.of()).bearer(shopper).send(), "SHIPPED");
        assertThat(stockOf(api, bubuk)).as("the cancelled units are back").isEqualTo(10);
        assertThat(stockOf(api, kain)).as("the shipped units are not").isEqualTo(8);

        refundJobs.sendDueRefunds();
        List<JsonNode> refunds = refundsOf(order(orderId));
        assertThat(refunds).singleElement().satisfies(refund -> {
            assertThat(refund.get("sellerOrderId").asString()).isEqualTo(kopiPart);
            assertThat(refund.get("amountIdr").asLong()).as("its items and its shipping")
                .isEqualTo(135_000 + kopiShipping);
            assertThat(refund.get("state").asString()).isEqualTo("SUCCEEDED");
        });

        // delivered, then completed once the return window has passed
        JsonNode delivered = api.post("/api/v1/orders/" + orderId + "/confirm-delivery", Map.of())
            .bearer(shopper)
            .send()
            .expect(200)
            .json();
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        clock(orderJobs);
        assertThat(order(orderId).get("status").asString()).as("not before the window has passed")
            .isEqualTo("DELIVERED");
        movedBack("seller_orders", "delivered_at", batikPart, "3 days");
        clock(orderJobs);
        JsonNode completed = order(orderId);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(sellerOrderOf(completed, batik).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(sellerOrderOf(completed, kopi).get("status").asString()).isEqualTo("CANCELLED");

        // a second order, delivered and returned: accepted, sent back, received, refunded
        JsonNode second = api
            .post("/api/v1/orders",
                    Map.of("items", List.of(Map.of("listingId", kain, "quantity", 1)), "addressId", home))
            .bearer(shopper)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send()
            .expect(201)
            .json();
        String secondId = second.get("orderId").asString();
        String secondPart = second.get("sellerOrders").get(0).get("sellerOrderId").asString();
        String qris = api.post("/api/v1/orders/" + secondId + "/payments", Map.of("method", "QRIS"))
            .bearer(shopper)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send()
            .expect(201)
            .json()
            .get("paymentId")
            .asString();
        api.post("/api/v1/sandbox/payments/" + qris + "/settle", Map.of()).bearer(shopper).send().expect(200);
        api.post("/api/v1/sellers/me/orders/" + secondPart + "/ship", Map.of("trackingNumber", "JNE0123456790"))
            .bearer(batik.token())
            .send()
            .expect(200);
        api.post("/api/v1/orders/" + secondId + "/seller-orders/" + secondPart + "/confirm-delivery", Map.of())
            .bearer(shopper)
            .send()
            .expect(200);
        JsonNode asked = api.post("/api/v1/orders/" + secondId + "/seller-orders/" + secondPart + "/return",
                Map.of("reason", "DAMAGED", "description", "Kain sobek di bagian tepi", "photoUrls",
                        List.of("https://cdn.example.id/retur/1.jpg")))
            .bearer(shopper)
            .send()
            .expect(201)
            .json();
        String returnId = asked.get("returnId").asString();
        assertThat(asked.get("state").asString()).isEqualTo("REQUESTED");
        movedBack("seller_orders", "delivered_at", secondPart, "3 days");
        clock(orderJobs);
        assertThat(order(secondId).get("status").asString()).as("an open return holds the completion")
            .isEqualTo("DELIVERED");
        api.post("/api/v1/sellers/me/returns/" + returnId + "/accept", Map.of())
            .bearer(batik.token())
            .send()
            .expect(200);
        invalidState(
                api.post("/api/v1/sellers/me/returns/" + returnId + "/receive", Map.of()).bearer(batik.token()).send(),
                "ACCEPTED");
        api.post("/api/v1/orders/" + secondId + "/returns/" + returnId + "/ship-back",
                Map.of("courier", "JNE", "trackingNumber", "JNE0987654321"))
            .bearer(shopper)
            .send()
            .expect(200);
        JsonNode received = api.post("/api/v1/sellers/me/returns/" + returnId + "/receive", Map.of())
            .bearer(batik.token())
            .send()
            .expect(200)
            .json();
        assertThat(received.get("state").asString()).isEqualTo("REFUNDED");
        refundJobs.sendDueRefunds();
        JsonNode returned = order(secondId);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(refundsOf(order(secondId))).singleElement().satisfies(refund -> {
            assertThat(refund.get("amountIdr").asLong()).isEqualTo(returned.get("totalIdr").asLong());
            assertThat(refund.get("state").asString()).isEqualTo("SUCCEEDED");
        });
        assertThat(stockOf(api, kain)).as("a returned item is restocked by its seller, not by itself").isEqualTo(7);

        assertThat(moneyInvariantViolations(List.of(orderId, secondId))).isEmpty();
    }

    @Test
    void theMoneyInvariantCatchesARefundThatIsMissing() throws Exception {
        String bubuk = listingWithStock(api, kopi, 10, 45_000);
        JsonNode placed = OrderFixtures.place(api, shopper, OrderFixtures.order(bubuk, 1)).expect(201).json();
        String orderId = placed.get("orderId").asString();
        String part = placed.get("sellerOrders").get(0).get("sellerOrderId").asString();
        api.post("/api/v1/payments/notifications",
                OrderFixtures.notification(orderId, "settlement", OrderFixtures.grossOf(api, shopper, orderId)))
            .send()
            .expect(200);
        api.post("/api/v1/orders/" + orderId + "/seller-orders/" + part + "/cancel", Map.of("reason", "Salah pilih"))
            .bearer(shopper)
            .send()
            .expect(200);
        assertThat(moneyInvariantViolations(List.of(orderId))).isEmpty();

        try (Connection connection = TestDatabase.instance().connect()) {
            connection.createStatement()
                .executeUpdate("DELETE FROM orders.refunds WHERE seller_order_id = '" + part + "'");
        }
        assertThat(moneyInvariantViolations(List.of(orderId))).containsExactly(orderId);
    }

    /**
     * For every paid order: what was paid is what its seller orders keep plus what was
     * refunded. A seller order kept is one that is not CANCELLED or RETURNED after
     * payment; every other is refunded exactly its items and its shipping. The orders
     * where it does not hold.
     */
    static List<String> moneyInvariantViolations(List<String> orderIds) throws Exception {
        String sql = """
                SELECT o.id FROM orders.orders o
                JOIN orders.seller_orders s ON s.order_id = o.id
                LEFT JOIN (SELECT seller_order_id, sum(amount_idr) AS refunded FROM orders.refunds
                           WHERE state IN ('REQUESTED', 'SUCCEEDED') GROUP BY seller_order_id) r
                       ON r.seller_order_id = s.id
                WHERE o.id = ANY (?::uuid[]) AND o.paid_at IS NOT NULL
                GROUP BY o.id, o.total_idr
                HAVING o.total_idr <> sum(CASE WHEN s.status IN ('CANCELLED', 'RETURNED') THEN 0
                                               ELSE s.subtotal_idr + s.shipping_idr END)
                                     + sum(coalesce(r.refunded, 0))
                    OR bool_or(s.status IN ('CANCELLED', 'RETURNED')
                               AND coalesce(r.refunded, 0) <> s.subtotal_idr + s.shipping_idr)
                    OR bool_or(s.status NOT IN ('CANCELLED', 'RETURNED') AND r.refunded IS NOT NULL)""";
        List<String> violations = new ArrayList<>();
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", orderIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    violations.add(rows.getString(1));
                }
            }
        }
        return violations;
    }

    private JsonNode order(String orderId) {
        return api.get("/api/v1/orders/" + orderId).bearer(shopper).send().expect(200).json();
    }

    private static JsonNode sellerQuote(JsonNode quote, String sellerId) {
        return quote.get("sellerOrders")
            .valueStream()
            .filter(s -> s.get("sellerId").asString().equals(sellerId))
            .findFirst()
            .orElseThrow();
    }

}
