package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.grossOf;
import static id.pasar.orders.OrderFixtures.notification;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.orders.internal.OrderJobs;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Steps of the order loop over HTTP, for the tests of refused transitions: a paid order,
 * a shipped or delivered seller order, times moved back in SQL, and the problems a client
 * sees.
 */
public final class OrderSteps {

    private final Api api;

    OrderSteps(Api api) {
        this.api = api;
    }

    /** An order placed (not paid): its JSON as the shopper sees it. */
    JsonNode placed(String shopper, Map<String, Integer> quantities) {
        return OrderFixtures.place(api, shopper, OrderFixtures.order(quantities)).expect(201).json();
    }

    /** An order placed and paid by a signed settlement: its JSON, PAID. */
    JsonNode paid(String shopper, Map<String, Integer> quantities) {
        String orderId = placed(shopper, quantities).get("orderId").asString();
        settle(shopper, orderId);
        JsonNode order = order(shopper, orderId);
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        return order;
    }

    void settle(String shopper, String orderId) {
        api.post("/api/v1/payments/notifications", notification(orderId, "settlement", grossOf(api, shopper, orderId)))
            .send()
            .expect(200);
    }

    JsonNode order(String shopper, String orderId) {
        return api.get("/api/v1/orders/" + orderId).bearer(shopper).send().expect(200).json();
    }

    Api.Response ship(Seller seller, String sellerOrderId) {
        return api
            .post("/api/v1/sellers/me/orders/" + sellerOrderId + "/ship",
                    Map.of("trackingNumber", "TRK" + UUID.randomUUID().toString().substring(0, 8)))
            .bearer(seller.token())
            .send();
    }

    /** One paid seller order of one unit, shipped and confirmed delivered. */
    Delivered delivered(String shopper, Seller seller, String listingId) {
        JsonNode order = paid(shopper, Map.of(listingId, 1));
        String orderId = order.get("orderId").asString();
        String part = partOf(order, seller);
        ship(seller, part).expect(200);
        api.post("/api/v1/orders/" + orderId + "/seller-orders/" + part + "/confirm-delivery", Map.of())
            .bearer(shopper)
            .send()
            .expect(200);
        return new Delivered(orderId, part, order.get("totalIdr").asLong());
    }

    record Delivered(String orderId, String sellerOrderId, long totalIdr) {
    }

    static JsonNode sellerOrderOf(JsonNode order, Seller seller) {
        return order.get("sellerOrders")
            .valueStream()
            .filter(s -> s.get("sellerId").asString().equals(seller.sellerId()))
            .findFirst()
            .orElseThrow();
    }

    static String partOf(JsonNode order, Seller seller) {
        return sellerOrderOf(order, seller).get("sellerOrderId").asString();
    }

    static String statusOf(JsonNode order, Seller seller) {
        return sellerOrderOf(order, seller).get("status").asString();
    }

    static List<JsonNode> refundsOf(JsonNode order) {
        return order.get("refunds").valueStream().toList();
    }

    /**
     * Runs the fulfilment job; twice, since a run skips silently while the scheduled one
     * holds its lock, and a second run of a due move is a no-op.
     */
    public static void clock(OrderJobs jobs) {
        jobs.moveFulfilmentOn();
        jobs.moveFulfilmentOn();
    }

    /** Moves a time column of one row back by a PostgreSQL interval ("3 days"). */
    public static void movedBack(String table, String column, String id, String interval) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE orders." + table + " SET " + column + " = " + column + " - ?::interval WHERE id = ?")) {
            update.setString(1, interval);
            update.setObject(2, UUID.fromString(id));
            assertThat(update.executeUpdate()).as(table + " " + id).isEqualTo(1);
        }
    }

    /** A 409 INVALID_STATE naming the present status. */
    static void invalidState(Api.Response response, String status) {
        problem(response, 409, "INVALID_STATE");
        assertThat(response.json().get("state").asString()).isEqualTo(status);
        assertThat(response.json().get("status").asInt()).isEqualTo(409);
    }

    public static JsonNode problem(Api.Response response, int status, String code) {
        response.expect(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).as(response.body()).isEqualTo(code);
        return problem;
    }

    /** A 400 with this code whose {@code errors} name exactly this field. */
    public static void badField(Api.Response response, String code, String field) {
        JsonNode problem = problem(response, 400, code);
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).as(response.body())
            .containsExactly(field);
    }

}
