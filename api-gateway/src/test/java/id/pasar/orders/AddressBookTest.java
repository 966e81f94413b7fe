package id.pasar.orders;

import static id.pasar.orders.AddressFixtures.address;
import static id.pasar.orders.AddressFixtures.save;
import static id.pasar.orders.AddressFixtures.with;
import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.grossOf;
import static id.pasar.orders.OrderFixtures.notification;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The shoppers' address book, ordering to a saved address, and the seller's shipTo. */
@IntegrationTest
class AddressBookTest {

    private static final String ADDRESSES = "/api/v1/shoppers/me/addresses";

    @LocalServerPort
    int port;

    Api api;

    String shopper;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shopper = api.newAccount("SHOPPER");
    }

    @Test
    void savesReadsChangesAndDeletesAnAddressWithItsPhoneAsPlus62() {
        Api.Response created = save(api, shopper, address("Rumah"));
        created.expect(201);
        JsonNode saved = created.json();
        String id = saved.get("addressId").asString();
        assertThat(created.header("Location")).isEqualTo(ADDRESSES + "/" + id);
        assertThat(saved.get("label").asString()).isEqualTo("Rumah");
        assertThat(saved.get("phone").asString()).isEqualTo("+6281234567890");
        assertThat(saved.get("regencyCode").asString()).isEqualTo("32.73");
        assertThat(saved.get("districtCode").asString()).isEqualTo("32.73.01");
        assertThat(saved.get("postalCode").asString()).isEqualTo("40115");
        assertThat(saved.get("isDefault").asBoolean()).as("the first address is the default").isTrue();

        JsonNode changed = api
            .put(ADDRESSES + "/" + id,
                    with(with(address("Kantor"), "street", "Jl. Asia Afrika 8"), "districtCode", null))
            .bearer(shopper)
            .send()
            .expect(200)
            .json();
        assertThat(changed.get("label").asString()).isEqualTo("Kantor");
        assertThat(changed.get("street").asString()).isEqualTo("Jl. Asia Afrika 8");
        assertThat(changed.get("districtCode").isNull()).isTrue();
        assertThat(changed.get("isDefault").asBoolean()).as("still the only one, still the default").isTrue();
        JsonNode read = api.get(ADDRESSES + "/" + id).bearer(shopper).send().expect(200).json();
        assertThat(read.get("label").asString()).isEqualTo("Kantor");

        api.delete(ADDRESSES + "/" + id).bearer(shopper).send().expect(204);
        assertThat(list(shopper)).isEmpty();
        api.get(ADDRESSES + "/" + id).bearer(shopper).send().expect(404);
    }

    @Test
    void exactlyOneDefaultListedFirstThenTheNewest() {
        String home = idOf(save(api, shopper, address("Rumah")));
        String office = idOf(save(api, shopper, address("Kantor")));
        String parents = idOf(save(api, shopper, address("Orang Tua")));
        assertThat(labelsAndDefaults(shopper)).containsExactly("Rumah*", "Orang Tua", "Kantor");

        api.put(ADDRESSES + "/" + office, with(address("Kantor"), "isDefault", true))
            .bearer(shopper)
            .send()
            .expect(200);
        assertThat(labelsAndDefaults(shopper)).containsExactly("Kantor*", "Orang Tua", "Rumah");

        // false on the default leaves it the default: a book always has one
        api.put(ADDRESSES + "/" + office, with(address("Kantor"), "isDefault", false))
            .bearer(shopper)
            .send()
            .expect(200);
        assertThat(labelsAndDefaults(shopper)).containsExactly("Kantor*", "Orang Tua", "Rumah");

        save(api, shopper, with(address("Kos"), "isDefault", true)).expect(201);
        assertThat(labelsAndDefaults(shopper)).containsExactly("Kos*", "Orang Tua", "Kantor", "Rumah");

        String kos = list(shopper).get(0).get("addressId").asString();
        api.delete(ADDRESSES + "/" + kos).bearer(shopper).send().expect(204);
        assertThat(labelsAndDefaults(shopper)).as("the newest remaining one becomes the default")
            .containsExactly("Orang Tua*", "Kantor", "Rumah");
        api.delete(ADDRESSES + "/" + home).bearer(shopper).send().expect(204);
        assertThat(labelsAndDefaults(shopper)).containsExactly("Orang Tua*", "Kantor");
        api.delete(ADDRESSES + "/" + parents).bearer(shopper).send().expect(204);
        assertThat(labelsAndDefaults(shopper)).containsExactly("Kantor*");
    }

    @Test
    void concurrentMakeDefaultCallsLeaveOneDefault() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(idOf(save(api, shopper, address("Alamat " + i))));
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(() -> api.put(ADDRESSES + "/" + id, with(address("Alamat"), "isDefault", true))
                .bearer(shopper)
                .send()
                .status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        finally {
            pool.shutdown();
        }
        assertThat(list(shopper)).filteredOn(a -> a.get("isDefault").asBoolean()).hasSize(1);
    }

    @Test
    void aBookHoldsAtMostTwentyAddresses() {
        for (int i = 0; i < 20; i++) {
            save(api, shopper, address("Alamat " + i)).expect(201);
        }
        Api.Response full = save(api, shopper, address("Satu lagi"));
        full.expect(422);
        assertThat(full.json().get("code").asString()).isEqualTo("ADDRESS_BOOK_FULL");
        assertThat(full.json().get("title").asString()).as("in Bahasa Indonesia by default")
            .isEqualTo("Buku alamat penuh");
        assertThat(list(shopper)).hasSize(20);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "081234567890, +6281234567890", "'+62 812-3456-7890', +6281234567890", "6281234567890, +6281234567890",
            "0812345678, +62812345678", "0812345678901, +62812345678901" })
    void acceptsMobileNumbersInEveryCommonForm(String phone, String stored) {
        JsonNode saved = save(api, shopper, with(address("Rumah"), "phone", phone)).expect(201).json();
        assertThat(saved.get("phone").asString()).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "081234567", "08123456789012", "0215551234", "+6591234567", "0812abc4567", "+62 21 555 1234", "''" })
    void refusesWhatIsNotAnIndonesianMobileNumberNamingThePhone(String phone) {
        Api.Response refused = save(api, shopper, with(address("Rumah"), "phone", phone));
        refused.expect(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
            .containsExactly("phone");
        assertThat(list(shopper)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({ "postalCode, 4011", "postalCode, 401150", "postalCode, 4O115", "regencyCode, 32-73",
            "districtCode, 3273.01", "label, ''", "label, 1234567890123456789012345678901" })
    void refusesAMalformedFieldNamingIt(String field, String value) {
        Api.Response refused = save(api, shopper, with(address("Rumah"), field, value));
        refused.expect(400);
        // A value too long for the pattern is too long for its @Size too: two errors, one
        // field.
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString())).containsOnly(field);
    }

    @Test
    void refusesARegencyAbroadAndADistrictOfAnotherRegency() {
        Api.Response abroad = save(api, shopper,
                with(with(address("Rumah"), "regencyCode", "9901"), "districtCode", null));
        abroad.expect(422);
        assertThat(abroad.json().get("code").asString()).isEqualTo("ADDRESS_NOT_DOMESTIC");

        // Katapang is in Kabupaten Bandung (32.04), not in Kota Bandung (32.73)
        Api.Response elsewhere = save(api, shopper, with(address("Rumah"), "districtCode", "32.04.11"));
        elsewhere.expect(422);
        assertThat(elsewhere.json().get("code").asString()).isEqualTo("DISTRICT_NOT_IN_REGENCY");
        assertThat(elsewhere.json().get("errors").get(0).get("field").asString()).isEqualTo("districtCode");
        Api.Response unknown = save(api, shopper, with(address("Rumah"), "districtCode", "32.73.99"));
        unknown.expect(422);
        assertThat(unknown.json().get("code").asString()).isEqualTo("DISTRICT_NOT_IN_REGENCY");
        assertThat(list(shopper)).isEmpty();
    }

    @Test
    void anotherShoppersAddressIsNotFound() {
        String theirs = idOf(save(api, api.newAccount("SHOPPER"), address("Rumah")));
        for (Api.Response response : List.of(api.get(ADDRESSES + "/" + theirs).bearer(shopper).send(),
                api.put(ADDRESSES + "/" + theirs, address("Milik saya")).bearer(shopper).send(),
                api.delete(ADDRESSES + "/" + theirs).bearer(shopper).send())) {
            response.expect(404);
            assertThat(response.json().get("code").asString()).isEqualTo("ADDRESS_NOT_FOUND");
        }
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = listingWithStock(api, seller, 5, 10_000);
        Api.Response order = place(api, shopper, savedAddressOrder(listing, theirs));
        order.expect(404);
        assertThat(order.json().get("code").asString()).isEqualTo("ADDRESS_NOT_FOUND");
        assertThat(OrderFixtures.stockOf(api, listing)).isEqualTo(5);
    }

    @Test
    void onlyShoppersKeepAddressBooks() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        save(api, seller.token(), address("Rumah")).expect(403);
        api.get(ADDRESSES).send().expect(401);
    }

    @Test
    void anOrderGoesToASavedAddressOrAnInlineOneNotBothNorNeither() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = listingWithStock(api, seller, 5, 10_000);
        String home = idOf(save(api, shopper, address("Rumah")));

        Map<String, Object> both = new HashMap<>(order(listing, 1));
        both.put("addressId", home);
        Api.Response twice = place(api, shopper, both);
        twice.expect(400);
        assertThat(twice.json().get("errors").valueStream().map(e -> e.get("field").asString()))
            .containsExactly("addressId");

        Map<String, Object> neither = new HashMap<>(order(listing, 1));
        neither.remove("shippingAddress");
        Api.Response nowhere = place(api, shopper, neither);
        nowhere.expect(400);
        assertThat(nowhere.json().get("errors").valueStream().map(e -> e.get("field").asString()))
            .containsExactly("shippingAddress");

        JsonNode placed = place(api, shopper, savedAddressOrder(listing, home)).expect(201).json();
        JsonNode address = placed.get("shippingAddress");
        assertThat(address.get("recipientName").asString()).isEqualTo("Siti Rahayu");
        assertThat(address.get("phone").asString()).isEqualTo("+6281234567890");
        assertThat(address.get("street").asString()).isEqualTo("Jl. Kenanga 12");
        assertThat(address.get("regencyCode").asString()).isEqualTo("32.73");
        assertThat(address.get("districtCode").asString()).isEqualTo("32.73.01");
        assertThat(address.get("postalCode").asString()).isEqualTo("40115");
        assertThat(OrderFixtures.stockOf(api, listing)).isEqualTo(4);
    }

    @Test
    void anInlineAddressFollowsTheSamePhoneAndDistrictRules() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = listingWithStock(api, seller, 5, 10_000);

        Api.Response landline = place(api, shopper, inline(listing, "phone", "021-555-1234"));
        landline.expect(400);
        assertThat(landline.json().get("errors").get(0).get("field").asString()).isEqualTo("shippingAddress.phone");
        Api.Response elsewhere = place(api, shopper, inline(listing, "districtCode", "32.04.11"));
        elsewhere.expect(422);
        assertThat(elsewhere.json().get("code").asString()).isEqualTo("DISTRICT_NOT_IN_REGENCY");

        JsonNode placed = place(api, shopper, inline(listing, "districtCode", "32.73.02")).expect(201).json();
        assertThat(placed.get("shippingAddress").get("phone").asString()).as("normalised").isEqualTo("+6281234567890");
        assertThat(placed.get("shippingAddress").get("districtCode").asString()).isEqualTo("32.73.02");
    }

    @Test
    void theSellerSeesWhereToShipWholeUntilThirtyDaysAfterTheOrderClosed() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = listingWithStock(api, seller, 5, 40_000);
        String home = idOf(save(api, shopper, address("Rumah")));
        JsonNode placed = place(api, shopper, savedAddressOrder(listing, home)).expect(201).json();
        String orderId = placed.get("orderId").asString();
        String sellerOrderId = placed.get("sellerOrders").get(0).get("sellerOrderId").asString();
        assertThat(placed.get("sellerOrders").get(0).get("shipTo").isNull())
            .as("the shopper's order carries its address once, as shippingAddress")
            .isTrue();
        api.post("/api/v1/payments/notifications", notification(orderId, "settlement", grossOf(api, shopper, orderId)))
            .send()
            .expect(200);

        JsonNode shipTo = sellerOrder(seller, sellerOrderId).get("shipTo");
        assertThat(shipTo.get("recipientName").asString()).isEqualTo("Siti Rahayu");
        assertThat(shipTo.get("phone").asString()).isEqualTo("+6281234567890");
        assertThat(shipTo.get("street").asString()).isEqualTo("Jl. Kenanga 12");
        assertThat(shipTo.get("districtCode").asString()).isEqualTo("32.73.01");
        assertThat(shipTo.get("regencyCode").asString()).isEqualTo("32.73");
        assertThat(shipTo.get("postalCode").asString()).isEqualTo("40115");
        assertThat(shipTo.get("masked").asBoolean()).isFalse();
        JsonNode shipped = api
            .post("/api/v1/sellers/me/orders/" + sellerOrderId + "/ship", Map.of("trackingNumber", "CGK1234567890"))
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();
        assertThat(shipped.get("shipTo").get("street").asString()).isEqualTo("Jl. Kenanga 12");
        Seller other = CatalogFixtures.verifiedSeller(api);
        assertThat(api.get("/api/v1/sellers/me/orders").bearer(other.token()).send().expect(200).json().get("items"))
            .as("another seller sees nothing of it")
            .isEmpty();

        api.post("/api/v1/orders/" + orderId + "/confirm-delivery", Map.of()).bearer(shopper).send().expect(200);
        assertThat(sellerOrder(seller, sellerOrderId).get("shipTo").get("masked").asBoolean())
            .as("just completed: still whole")
            .isFalse();
        // Thirty days pass: the order is made to have closed 30 days and a minute ago.
        closedDaysAgo(orderId, "30 days 1 minute");

        JsonNode masked = sellerOrder(seller, sellerOrderId).get("shipTo");
        assertThat(masked.get("masked").asBoolean()).isTrue();
        assertThat(masked.get("phone").asString()).isEqualTo("***********890");
        assertThat(masked.get("recipientName").asString()).isEqualTo("S*** R***");
        assertThat(masked.get("street").asString()).doesNotContain("Kenanga").doesNotContain("12");
        assertThat(masked.get("districtCode").isNull()).isTrue();
        assertThat(masked.get("regencyCode").asString()).isEqualTo("32.73");
        assertThat(masked.get("postalCode").asString()).isEqualTo("40115");
        // the shopper still sees their own order's address whole
        JsonNode mine = api.get("/api/v1/orders/" + orderId).bearer(shopper).send().expect(200).json();
        assertThat(mine.get("shippingAddress").get("street").asString()).isEqualTo("Jl. Kenanga 12");
    }

    private JsonNode sellerOrder(Seller seller, String sellerOrderId) {
        return api.get("/api/v1/sellers/me/orders")
            .bearer(seller.token())
            .send()
            .expect(200)
            .json()
            .get("items")
            .valueStream()
            .filter(item -> item.get("sellerOrderId").asString().equals(sellerOrderId))
            .findFirst()
            .orElseThrow();
    }

    /** Backdates the close of an order: no endpoint moves time. */
    private static void closedDaysAgo(String orderId, String interval) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement update = connection
                    .prepareStatement("UPDATE orders.orders SET closed_at = now() - ?::interval WHERE id = ?")) {
            update.setString(1, interval);
            update.setObject(2, UUID.fromString(orderId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static Map<String, Object> savedAddressOrder(String listing, String addressId) {
        Map<String, Object> body = new HashMap<>(order(listing, 1));
        body.remove("shippingAddress");
        body.put("addressId", addressId);
        return body;
    }

    private static Map<String, Object> inline(String listing, String field, String value) {
        Map<String, Object> address = new HashMap<>(OrderFixtures.ADDRESS);
        address.put(field, value);
        Map<String, Object> body = new HashMap<>(order(listing, 1));
        body.put("shippingAddress", address);
        return body;
    }

    private List<JsonNode> list(String token) {
        JsonNode page = api.get(ADDRESSES).bearer(token).send().expect(200).json();
        assertThat(page.get("nextCursor").isNull()).isTrue();
        return page.get("items").valueStream().toList();
    }

    /** Labels in the order listed, the default marked with a star. */
    private List<String> labelsAndDefaults(String token) {
        return list(token).stream()
            .map(a -> a.get("label").asString() + (a.get("isDefault").asBoolean() ? "*" : ""))
            .toList();
    }

    private static String idOf(Api.Response created) {
        return created.expect(201).json().get("addressId").asString();
    }

}
