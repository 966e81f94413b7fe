package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.stockOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The cart over HTTP: one per shopper, live, flagged, and ordered with the order. */
@IntegrationTest
class CartTest {

    @LocalServerPort
    int port;

    Api api;

    Seller batik;

    Seller rotan;

    String shopper;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        batik = CatalogFixtures.verifiedSeller(api);
        rotan = CatalogFixtures.verifiedSeller(api);
        shopper = api.newAccount("SHOPPER");
    }

    @Test
    void theCartIsTheShoppersOnEveryDeviceGroupedBySeller() {
        String email = "cart-" + UUID.randomUUID() + "@example.id";
        api.post("/api/v1/auth/register",
                Map.of("email", email, "password", "password-cart-1", "displayName", "Dewi", "role", "SHOPPER"))
            .send()
            .expect(201);
        String phone = api.token(email, "password-cart-1");
        String shirt = listingWithStock(api, batik, 5, 120_000);
        String scarf = listingWithStock(api, batik, 5, 80_000);
        String basket = listingWithStock(api, rotan, 5, 45_000);
        set(phone, shirt, 2).expect(200);
        set(phone, basket, 1).expect(200);
        set(phone, scarf, 1).expect(200);

        String web = api.token(email, "password-cart-1");
        JsonNode cart = api.get("/api/v1/cart").bearer(web).send().expect(200).json();

        assertThat(cart.get("lineCount").asInt()).isEqualTo(3);
        assertThat(cart.get("itemsTotalIdr").asLong()).isEqualTo(2 * 120_000 + 80_000 + 45_000);
        assertThat(cart.get("sellers")).hasSize(2);
        JsonNode newest = cart.get("sellers").get(0);
        assertThat(newest.get("sellerId").asString()).as("the seller of the newest line first")
            .isEqualTo(batik.sellerId());
        assertThat(newest.get("items").valueStream().map(i -> i.get("variantId").asString())).containsExactly(scarf,
                shirt);
        assertThat(newest.get("subtotalIdr").asLong()).isEqualTo(320_000);
        assertThat(newest.get("items").get(1).get("flags")).isEmpty();
        assertThat(api.get("/api/v1/cart").bearer(shopper).send().expect(200).json().get("lineCount").asInt())
            .as("another shopper's cart")
            .isZero();

        set(web, shirt, 3).expect(200);
        api.delete("/api/v1/cart/items/" + scarf).bearer(phone).send().expect(200);
        api.delete("/api/v1/cart/items/" + scarf).bearer(phone).send().expect(200);
        JsonNode after = api.get("/api/v1/cart").bearer(phone).send().expect(200).json();
        assertThat(after.get("lineCount").asInt()).isEqualTo(2);
        assertThat(after.get("itemsTotalIdr").asLong()).isEqualTo(3 * 120_000 + 45_000);
    }

    @Test
    void aChangedPriceIsFlaggedNeverSilentlyTakenAndSettingTheLineAcceptsIt() {
        String shirt = listingWithStock(api, batik, 5, 120_000);
        set(shopper, shirt, 1).expect(200);
        reprice(shirt, 135_000);

        JsonNode line = onlyLine(shopper);
        assertThat(line.get("flags").valueStream().map(JsonNode::asString)).containsExactly("PRICE_CHANGED");
        assertThat(line.get("priceWhenSetIdr").asLong()).isEqualTo(120_000);
        assertThat(line.get("unitPriceIdr").asLong()).isEqualTo(135_000);

        Api.Response refused = orderCart(shopper, List.of());
        refused.expect(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("CART_CHANGED");
        assertThat(refused.json().get("items").get(0).get("variantId").asString()).isEqualTo(shirt);
        assertThat(stockOf(api, shirt)).isEqualTo(5);

        set(shopper, shirt, 1).expect(200);
        JsonNode order = orderCart(shopper, List.of()).expect(201).json();
        assertThat(order.get("itemsTotalIdr").asLong()).isEqualTo(135_000);
        assertThat(onlyLines(shopper)).isEmpty();
    }

    @Test
    void aLineOfAListingTakenDownDisappearsAtOnceAndOneOffSaleIsFlagged() {
        String shirt = listingWithStock(api, batik, 5, 120_000);
        String basket = listingWithStock(api, rotan, 5, 45_000);
        set(shopper, shirt, 1).expect(200);
        set(shopper, basket, 1).expect(200);

        api.post("/api/v1/listings/" + shirt + "/unpublish", Map.of()).bearer(batik.token()).send().expect(200);
        api.post("/api/v1/compliance/sellers/" + rotan.sellerId() + "/revoke", Map.of("reason", "fraud"))
            .bearer(api.newStaffAccount("COMPLIANCE_OFFICER"))
            .send()
            .expect(200);

        JsonNode cart = api.get("/api/v1/cart").bearer(shopper).send().expect(200).json();
        assertThat(cart.get("lineCount").asInt()).as("the revoked seller's listing is gone").isEqualTo(1);
        JsonNode line = cart.get("sellers").get(0).get("items").get(0);
        assertThat(line.get("variantId").asString()).isEqualTo(shirt);
        assertThat(line.get("flags").valueStream().map(JsonNode::asString)).containsExactly("UNAVAILABLE");
        assertThat(cart.get("itemsTotalIdr").asLong()).as("nothing that can be ordered").isZero();
        Api.Response refused = set(shopper, shirt, 2);
        refused.expect(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("LISTING_NOT_AVAILABLE");
    }

    @Test
    void orderingTheCartIsAllOrNothingWithTheOrder() {
        String shirt = listingWithStock(api, batik, 5, 120_000);
        String basket = listingWithStock(api, rotan, 1, 45_000);
        set(shopper, shirt, 2).expect(200);
        set(shopper, basket, 1).expect(200);
        OrderFixtures.place(api, api.newAccount("SHOPPER"), OrderFixtures.order(basket, 1)).expect(201);

        Api.Response refused = orderCart(shopper, List.of());
        refused.expect(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("CART_CHANGED");
        assertThat(onlyLines(shopper)).as("nothing left the cart").hasSize(2);
        assertThat(stockOf(api, shirt)).as("nothing was taken").isEqualTo(5);

        JsonNode order = orderCart(shopper, List.of(batik.sellerId())).expect(201).json();
        assertThat(order.get("sellerOrders")).hasSize(1);
        assertThat(order.get("itemsTotalIdr").asLong()).isEqualTo(240_000);
        assertThat(stockOf(api, shirt)).isEqualTo(3);
        assertThat(onlyLines(shopper)).as("the other seller's line stays")
            .extracting(l -> l.get("variantId").asString())
            .containsExactly(basket);
        Api.Response empty = orderCart(shopper, List.of(batik.sellerId()));
        empty.expect(422);
        assertThat(empty.json().get("code").asString()).isEqualTo("CART_EMPTY");
    }

    @Test
    void aQuoteOfTheCartPricesTheChosenSellersParcels() {
        String shirt = listingWithStock(api, batik, 5, 120_000);
        String basket = listingWithStock(api, rotan, 5, 45_000);
        set(shopper, shirt, 2).expect(200);
        set(shopper, basket, 1).expect(200);

        JsonNode all = quoteCart(List.of()).expect(200).json();
        assertThat(all.get("itemsTotalIdr").asLong()).isEqualTo(285_000);
        assertThat(all.get("sellerOrders")).hasSize(2);
        JsonNode one = quoteCart(List.of(rotan.sellerId())).expect(200).json();
        assertThat(one.get("itemsTotalIdr").asLong()).isEqualTo(45_000);
        assertThat(one.get("sellerOrders").get(0).get("services")).isNotEmpty();

        reprice(shirt, 130_000);
        assertThat(quoteCart(List.of()).expect(409).json().get("code").asString()).isEqualTo("CART_CHANGED");
        assertThat(quoteCart(List.of(UUID.randomUUID().toString())).expect(422).json().get("code").asString())
            .isEqualTo("CART_EMPTY");
    }

    private Api.Response quoteCart(List<String> sellerIds) {
        return api
            .post("/api/v1/orders/quote",
                    Map.of("cart", Map.of("sellerIds", sellerIds), "shippingAddress", OrderFixtures.ADDRESS))
            .bearer(shopper)
            .send();
    }

    @Test
    void twoDevicesOrderingOneCartAtOncePlaceOneOrder() throws Exception {
        String shirt = listingWithStock(api, batik, 10, 120_000);
        set(shopper, shirt, 2).expect(200);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Api.Response>> racing = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racing.add(pool.submit(() -> orderCart(shopper, List.of())));
            }
            for (Future<Api.Response> response : racing) {
                statuses.add(response.get().status());
            }
        }
        finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 422);
        assertThat(stockOf(api, shirt)).isEqualTo(8);
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String shirt = listingWithStock(api, batik, 3, 120_000);
        assertThat(set(shopper, shirt, 0).expect(400).json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(set(shopper, shirt, 101).expect(400).json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        api.put("/api/v1/cart/items/" + shirt, Map.of("quantity", 1.5)).bearer(shopper).send().expect(400);
        api.put("/api/v1/cart/items/" + shirt, Map.of("quantity", "2")).bearer(shopper).send().expect(400);
        api.put("/api/v1/cart/items/not-a-uuid", Map.of("quantity", 1)).bearer(shopper).send().expect(400);
        Api.Response tooMany = set(shopper, shirt, 4);
        tooMany.expect(409);
        assertThat(tooMany.json().get("code").asString()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(set(shopper, UUID.randomUUID().toString(), 1).expect(422).json().get("code").asString())
            .isEqualTo("LISTING_NOT_AVAILABLE");
        assertThat(onlyLines(shopper)).isEmpty();

        set(api.newAccount("SELLER"), shirt, 1).expect(403);
        api.get("/api/v1/cart").send().expect(401);
    }

    @Test
    void aCartHoldsAtMostOneHundredLines() {
        List<String> listings = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            listings.add(CatalogFixtures.createDraft(api, batik, CatalogFixtures.listing("Tas Rotan " + i)));
        }
        listings.forEach(id -> api.post("/api/v1/listings/" + id + "/publish", Map.of())
            .bearer(batik.token())
            .send()
            .expect(200));
        listings.subList(0, 100).forEach(id -> set(shopper, id, 1).expect(200));

        Api.Response full = set(shopper, listings.get(100), 1);

        full.expect(422);
        assertThat(full.json().get("code").asString()).isEqualTo("CART_FULL");
        set(shopper, listings.get(0), 2).expect(200);
        api.delete("/api/v1/cart/items/" + listings.get(0)).bearer(shopper).send().expect(200);
        set(shopper, listings.get(100), 1).expect(200);
    }

    private Api.Response set(String token, String variantId, int quantity) {
        return api.put("/api/v1/cart/items/" + variantId, Map.of("quantity", quantity)).bearer(token).send();
    }

    private Api.Response orderCart(String token, List<String> sellerIds) {
        Map<String, Object> order = new HashMap<>(OrderFixtures.order(Map.of()));
        order.remove("items");
        order.put("cart", Map.of("sellerIds", sellerIds));
        return api.post("/api/v1/orders", order)
            .bearer(token)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send();
    }

    private void reprice(String listingId, long price) {
        Map<String, Object> content = CatalogFixtures
            .with(CatalogFixtures.with(CatalogFixtures.listing("Kemeja Batik"), "priceIdr", price), "stock", 5);
        api.put("/api/v1/listings/" + listingId, content).bearer(batik.token()).send().expect(200);
        api.post("/api/v1/listings/" + listingId + "/publish", Map.of()).bearer(batik.token()).send().expect(200);
    }

    private List<JsonNode> onlyLines(String token) {
        return api.get("/api/v1/cart")
            .bearer(token)
            .send()
            .expect(200)
            .json()
            .get("sellers")
            .valueStream()
            .flatMap(seller -> seller.get("items").valueStream())
            .toList();
    }

    private JsonNode onlyLine(String token) {
        List<JsonNode> lines = onlyLines(token);
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

}
