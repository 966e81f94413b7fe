package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.stockOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /orders/quote} and the sellers' couriers, through the API, priced by the
 * built-in rate table (docs/shipping.md).
 */
@IntegrationTest
class ShippingQuoteTest {

    @LocalServerPort
    int port;

    Api api;

    String shopper;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shopper = api.newAccount("SHOPPER");
    }

    /** A published listing of 800 g a unit, shipped from {@code regency}. */
    String listingFrom(Seller seller, String regency, long price) {
        return CatalogFixtures.publishedListing(api, seller,
                CatalogFixtures.with(CatalogFixtures.with(CatalogFixtures.with(
                        CatalogFixtures.listing("Tikar Pandan " + UUID.randomUUID().toString().substring(0, 5)),
                        "shipFromRegencyCode", regency), "priceIdr", price), "stock", 10));
    }

    static Map<String, Object> quote(Map<String, Integer> quantities, Object regencyCode) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("regencyCode", regencyCode);
        return Map.of("items",
                quantities.entrySet()
                    .stream()
                    .map(e -> Map.of("listingId", e.getKey(), "quantity", e.getValue()))
                    .toList(),
                "shippingAddress", address);
    }

    Api.Response ask(Map<String, Object> body) {
        return api.post("/api/v1/orders/quote", body).bearer(shopper).send();
    }

    static List<String> services(JsonNode sellerOrder) {
        return sellerOrder.get("services")
            .valueStream()
            .map(s -> s.get("courier").asString() + " " + s.get("service").asString())
            .toList();
    }

    @Test
    void quotesOneParcelPerSellerFromItsRegionCheapestFirst() {
        Seller yogya = CatalogFixtures.verifiedSeller(api);
        Seller makassar = CatalogFixtures.verifiedSeller(api);
        String tikar = listingFrom(makassar, "7371", 40_000);
        String keranjang = listingFrom(yogya, "3404", 150_000);
        Map<String, Integer> items = new LinkedHashMap<>();
        items.put(tikar, 1);
        items.put(keranjang, 2);

        JsonNode quote = ask(quote(items, "3273")).expect(200).json();

        // To Bandung (Jawa Barat): Makassar ships from Sulawesi, 800 g is 1 kg;
        // Sleman ships within Java-Bali, 1,600 g is 2 kg. Sellers in the shopper's order.
        assertThat(quote.get("itemsTotalIdr").asLong()).isEqualTo(340_000);
        JsonNode sulawesi = quote.get("sellerOrders").get(0);
        JsonNode java = quote.get("sellerOrders").get(1);
        assertThat(quote.get("sellerOrders")).hasSize(2);
        assertThat(sulawesi.get("sellerId").asString()).isEqualTo(makassar.sellerId());
        assertThat(sulawesi.get("subtotalIdr").asLong()).isEqualTo(40_000);
        assertThat(sulawesi.get("weightGrams").asLong()).isEqualTo(800);
        assertThat(sulawesi.get("services")
            .valueStream()
            .map(s -> tuple(s.get("courier").asString(), s.get("service").asString(), s.get("costIdr").asLong(),
                    s.get("etaDays").asInt()))
            .toList()).containsExactly(tuple("POS", "KILAT_KHUSUS", 24_000L, 7), tuple("SICEPAT", "REG", 26_000L, 5),
                    tuple("JNT", "EZ", 27_000L, 5), tuple("JNE", "REG", 28_000L, 5), tuple("JNE", "YES", 52_000L, 2));
        assertThat(java.get("sellerId").asString()).isEqualTo(yogya.sellerId());
        assertThat(java.get("subtotalIdr").asLong()).isEqualTo(300_000);
        assertThat(java.get("weightGrams").asLong()).isEqualTo(1_600);
        // 2 kg at Rp 11,000 both with SiCepat and POS: the faster first.
        assertThat(services(java)).containsExactly("SICEPAT REG", "POS KILAT_KHUSUS", "JNT EZ", "JNE REG", "JNE YES");
        assertThat(java.get("services").get(0).get("costIdr").asLong()).isEqualTo(22_000);
        // A quote takes nothing.
        assertThat(stockOf(api, tikar)).isEqualTo(10);
    }

    @Test
    void instantDeliveryIsOfferedWithinOneRegencyOnly() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = listingFrom(seller, "3404", 50_000);

        JsonNode sameRegency = ask(quote(Map.of(listing, 1), "34.04")).expect(200).json().get("sellerOrders").get(0);
        JsonNode nextDoor = ask(quote(Map.of(listing, 1), "3471")).expect(200).json().get("sellerOrders").get(0);

        assertThat(services(sameRegency)).contains("GOSEND INSTANT");
        assertThat(services(nextDoor)).doesNotContain("GOSEND INSTANT").isNotEmpty();
    }

    @Test
    void aSellersCouriersFilterTheServicesOnOffer() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = listingFrom(seller, "3404", 50_000);
        assertThat(api.get("/api/v1/sellers/me/couriers")
            .bearer(seller.token())
            .send()
            .expect(200)
            .json()
            .get("couriers")
            .valueStream()
            .map(JsonNode::asString)
            .toList()).as("every courier until the seller chooses")
            .containsExactly("JNE", "JNT", "SICEPAT", "POS", "GOSEND");

        JsonNode chosen = api.put("/api/v1/sellers/me/couriers", Map.of("couriers", List.of("GOSEND", "JNE", "JNE")))
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();

        assertThat(chosen.get("couriers").valueStream().map(JsonNode::asString).toList()).containsExactly("JNE",
                "GOSEND");
        assertThat(api.get("/api/v1/sellers/me/couriers")
            .bearer(seller.token())
            .send()
            .json()
            .get("couriers")
            .valueStream()
            .map(JsonNode::asString)
            .toList()).containsExactly("JNE", "GOSEND");
        assertThat(services(ask(quote(Map.of(listing, 1), "3404")).expect(200).json().get("sellerOrders").get(0)))
            .containsExactly("JNE REG", "JNE YES", "GOSEND INSTANT");
        assertThat(services(ask(quote(Map.of(listing, 1), "3273")).expect(200).json().get("sellerOrders").get(0)))
            .containsExactly("JNE REG", "JNE YES");
    }

    @Test
    void refusesAnEmptyOrUnknownCourierChoiceNamingTheField() {
        Seller seller = CatalogFixtures.verifiedSeller(api);

        JsonNode unknown = api.put("/api/v1/sellers/me/couriers", Map.of("couriers", List.of("JNE", "TIKI")))
            .bearer(seller.token())
            .send()
            .expect(400)
            .json();
        JsonNode empty = api.put("/api/v1/sellers/me/couriers", Map.of("couriers", List.of()))
            .bearer(seller.token())
            .send()
            .expect(400)
            .json();

        assertThat(unknown.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknown.get("errors").get(0).get("field").asString()).isEqualTo("couriers[1]");
        assertThat(empty.get("errors").get(0).get("field").asString()).isEqualTo("couriers");
        assertThat(api.get("/api/v1/sellers/me/couriers").bearer(seller.token()).send().json().get("couriers"))
            .as("nothing changed")
            .hasSize(5);
    }

    @Test
    void anAccountThatIsNoSellerHasNoCouriers() {
        String notApplied = api.newAccount("SELLER");

        Api.Response response = api.get("/api/v1/sellers/me/couriers").bearer(notApplied).send().expect(404);

        assertThat(response.json().get("code").asString()).isEqualTo("SELLER_NOT_FOUND");
        assertThat(api.put("/api/v1/sellers/me/couriers", Map.of("couriers", List.of("JNE")))
            .bearer(notApplied)
            .send()
            .expect(404)
            .json()
            .get("code")
            .asString()).isEqualTo("SELLER_NOT_FOUND");
    }

    @Test
    void refusesBadInputAsCheckoutDoes() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = listingWithStock(api, seller, 3, 50_000);

        assertThat(ask(quote(Map.of(listing, 1), "9999")).expect(422).json().get("code").asString())
            .isEqualTo("ADDRESS_NOT_DOMESTIC");
        JsonNode zero = ask(quote(Map.of(listing, 0), "3273")).expect(400).json();
        assertThat(zero.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(zero.get("errors").get(0).get("field").asString()).isEqualTo("items[0].quantity");
        JsonNode noRegency = ask(quote(Map.of(listing, 1), "Bandung")).expect(400).json();
        assertThat(noRegency.get("errors").get(0).get("field").asString()).isEqualTo("shippingAddress.regencyCode");
        assertThat(api.post("/api/v1/orders/quote", null)
            .rawBody(HttpRequest.BodyPublishers.ofString("{\"items\": [ "), "application/json")
            .bearer(shopper)
            .send()
            .expect(400)
            .json()
            .get("code")
            .asString()).isEqualTo("MALFORMED_REQUEST");
        JsonNode tooMany = ask(quote(Map.of(listing, 4), "3273")).expect(409).json();
        assertThat(tooMany.get("code").asString()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(
                ask(quote(Map.of(UUID.randomUUID().toString(), 1), "3273")).expect(422).json().get("code").asString())
            .isEqualTo("LISTING_NOT_AVAILABLE");
    }

    @Test
    void onlyShoppersAskForQuotes() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = listingWithStock(api, seller, 3, 50_000);

        Api.Response response = api.post("/api/v1/orders/quote", quote(Map.of(listing, 1), "3273"))
            .bearer(seller.token())
            .send()
            .expect(403);

        assertThat(response.json().get("code").asString()).isEqualTo("FORBIDDEN");
        api.post("/api/v1/orders/quote", quote(Map.of(listing, 1), "3273")).send().expect(401);
    }

}
