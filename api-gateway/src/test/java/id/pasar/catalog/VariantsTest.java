package id.pasar.catalog;

import static id.pasar.orders.OrderFixtures.byVariant;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.kernel.BatchedMigration;
import id.pasar.orders.OrderFixtures;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Listings with options (ADR 0023): checked and published with all their variants, found
 * by a variant's price, ordered by variant; a variant's price or stock is no content, a
 * new variant is.
 */
@IntegrationTest
class VariantsTest {

    @LocalServerPort
    int port;

    Api api;

    Seller seller;

    String shopper;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        seller = CatalogFixtures.verifiedSeller(api);
        shopper = api.newAccount("SHOPPER");
    }

    /**
     * A batik shirt in three sizes and two colours: S and M cost 120,000, L 150,000, and
     * the blue L is sold out.
     */
    static Map<String, Object> shirt(String title, String skuPrefix) {
        Map<String, Object> body = new LinkedHashMap<>(CatalogFixtures.listing(title));
        body.remove("priceIdr");
        body.remove("stock");
        body.remove("weightGrams");
        body.put("categoryCode", "batik-kain");
        body.put("options", List.of(Map.of("name", "Ukuran", "values", List.of("S", "M", "L")),
                Map.of("name", "Warna", "values", List.of("Merah", "Biru"))));
        List<Map<String, Object>> variants = new ArrayList<>();
        for (String size : List.of("S", "M", "L")) {
            for (String colour : List.of("Merah", "Biru")) {
                variants.add(Map.of("options", List.of(size, colour), "sku", skuPrefix + "-" + size + "-" + colour,
                        "priceIdr", size.equals("L") ? 150_000 : 120_000, "stock",
                        size.equals("L") && colour.equals("Biru") ? 0 : 5, "weightGrams", 300));
            }
        }
        body.put("variants", variants);
        return body;
    }

    @Test
    void aListingWithSixVariantsIsCheckedPublishedFoundByAVariantsPriceAndOrderedByVariant() {
        String word = CatalogFixtures.uniqueWord();
        String listing = CatalogFixtures.publishedListing(api, seller, shirt("Kemeja Batik " + word, word));

        JsonNode detail = detail(listing);
        assertThat(detail.get("optionTypes").valueStream().map(JsonNode::asString)).containsExactly("Ukuran", "Warna");
        assertThat(detail.get("variants")).hasSize(6);
        assertThat(detail.get("priceIdr").asLong()).isEqualTo(120_000);
        assertThat(detail.get("priceFrom").asBoolean()).isTrue();
        assertThat(detail.get("maxPriceIdr").asLong()).isEqualTo(150_000);
        assertThat(detail.get("stock").asInt()).isEqualTo(25);
        JsonNode blueL = variant(detail, "L", "Biru");
        assertThat(blueL.get("inStock").asBoolean()).isFalse();

        assertThat(search(word, 140_000, 160_000)).as("the red L is in stock at 150,000").containsExactly(listing);
        assertThat(search(word, 100_000, 110_000)).isEmpty();
        assertThat(browse("batik-kain", 149_999, 150_000))
            .as("without words too: its lowest price is below the range, its highest and the red L in it")
            .contains(listing);
        assertThat(browse("batik-kain", 150_001, 160_000)).doesNotContain(listing);
        JsonNode item = api.get("/api/v1/catalog/listings?q=" + word).send().expect(200).json().get("items").get(0);
        assertThat(item.get("priceIdr").asLong()).isEqualTo(120_000);
        assertThat(item.get("priceFrom").asBoolean()).isTrue();

        String redM = variant(detail, "M", "Merah").get("variantId").asString();
        JsonNode placed = place(api, shopper, byVariant(redM, 2)).expect(201).json();
        JsonNode line = placed.get("items").get(0);
        assertThat(line.get("variantId").asString()).isEqualTo(redM);
        assertThat(line.get("listingId").asString()).isEqualTo(listing);
        assertThat(line.get("variantLabel").asString()).isEqualTo("M / Merah");
        assertThat(placed.get("itemsTotalIdr").asLong()).isEqualTo(240_000);
        JsonNode packing = api.get("/api/v1/sellers/me/orders")
            .bearer(seller.token())
            .send()
            .expect(200)
            .json()
            .get("items")
            .get(0)
            .get("lines")
            .get(0);
        assertThat(packing.get("variantLabel").asString()).as("the seller sees what to pack").isEqualTo("M / Merah");
        assertThat(packing.get("variantId").asString()).isEqualTo(redM);
        JsonNode after = detail(listing);
        assertThat(variant(after, "M", "Merah").get("stock").asInt()).isEqualTo(3);
        assertThat(after.get("stock").asInt()).isEqualTo(23);

        Api.Response byListing = place(api, shopper, order(listing, 1));
        byListing.expect(422);
        assertThat(byListing.json().get("code").asString()).isEqualTo("VARIANT_REQUIRED");
        Api.Response soldOut = place(api, shopper, byVariant(blueL.get("variantId").asString(), 1));
        soldOut.expect(409);
        assertThat(soldOut.json().get("variantId").asString()).isEqualTo(blueL.get("variantId").asString());
        assertThat(soldOut.json().get("listingId").asString()).isEqualTo(listing);
    }

    @Test
    void aVariantsPriceOrStockKeepsItPublishedAndANewVariantSendsItBackToCheck() {
        String word = CatalogFixtures.uniqueWord();
        Map<String, Object> content = shirt("Kemeja Batik " + word, word);
        String listing = CatalogFixtures.publishedListing(api, seller, content);
        String blueL = variant(detail(listing), "L", "Biru").get("variantId").asString();
        String redS = variant(detail(listing), "S", "Merah").get("variantId").asString();

        JsonNode changed = api
            .put("/api/v1/listings/" + listing + "/variants/" + blueL, Map.of("priceIdr", 99_000, "stock", 4))
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();
        assertThat(changed.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(changed.get("version").asInt()).isEqualTo(1);
        assertThat(changed.get("priceIdr").asLong()).as("the lowest price follows").isEqualTo(99_000);
        assertThat(variant(detail(listing), "L", "Biru").get("inStock").asBoolean()).isTrue();
        assertThat(search(word, 90_000, 100_000)).containsExactly(listing);

        Map<String, Object> withXl = new HashMap<>(content);
        withXl.put("options", List.of(Map.of("name", "Ukuran", "values", List.of("S", "M", "L", "XL")),
                Map.of("name", "Warna", "values", List.of("Merah", "Biru"))));
        List<Object> variants = new ArrayList<>((List<?>) content.get("variants"));
        variants.add(Map.of("options", List.of("XL", "Merah"), "priceIdr", 160_000, "stock", 2, "weightGrams", 320));
        withXl.put("variants", variants);
        JsonNode edited = api.put("/api/v1/listings/" + listing, withXl)
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();
        assertThat(edited.get("status").asString()).isEqualTo("DRAFT");
        assertThat(edited.get("version").asInt()).isEqualTo(2);
        assertThat(edited.get("variants")).hasSize(7);
        assertThat(edited.get("variants").valueStream().map(v -> v.get("variantId").asString()))
            .as("variants whose values stay keep their ids")
            .contains(redS, blueL);
        api.get("/api/v1/catalog/listings/" + listing).send().expect(404);
        api.post("/api/v1/listings/" + listing + "/publish", Map.of()).bearer(seller.token()).send().expect(200);
        assertThat(detail(listing).get("variants")).hasSize(7);
    }

    @Test
    void theDatabaseRefusesAVariantAddedToAPublishedListingWhateverWritesIt() throws Exception {
        String word = CatalogFixtures.uniqueWord();
        String listing = CatalogFixtures.publishedListing(api, seller, shirt("Kemeja Batik " + word, word));
        try (Connection connection = TestDatabase.instance().connect(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("""
                    INSERT INTO catalog.listing_variants (id, listing_id, seller_id, position, option_values, price_idr,
                                                          stock, weight_grams)
                    SELECT gen_random_uuid(), id, seller_id, 6, '{XL,Merah}', 160000, 3, 300 FROM catalog.listings
                    WHERE id = '%s'""".formatted(listing))).isInstanceOf(SQLException.class)
                .hasMessageContaining("no compliance PASS");
            assertThatThrownBy(() -> sql.executeUpdate(
                    "UPDATE catalog.listing_variants SET option_values = '{XL,Merah}' WHERE listing_id = '%s' AND option_values = '{S,Merah}'"
                        .formatted(listing)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no compliance PASS");
            assertThat(sql.executeUpdate(
                    "UPDATE catalog.listing_variants SET price_idr = 110000 WHERE listing_id = '%s' AND option_values = '{S,Merah}'"
                        .formatted(listing)))
                .as("a price is no content")
                .isOne();
        }
        assertThat(detail(listing).get("priceIdr").asLong()).isEqualTo(110_000);
    }

    @Test
    void aSkuNamesOneVariantOfItsSellerAndTheShapeOfOptionsIsChecked() {
        String word = CatalogFixtures.uniqueWord();
        CatalogFixtures.createDraft(api, seller, shirt("Kemeja Batik " + word, word));
        Api.Response taken = api.post("/api/v1/listings", shirt("Kemeja Lain " + word, word))
            .bearer(seller.token())
            .send();
        taken.expect(409);
        assertThat(taken.json().get("code").asString()).isEqualTo("SKU_TAKEN");
        CatalogFixtures.createDraft(api, CatalogFixtures.verifiedSeller(api), shirt("Kemeja Batik " + word, word));

        Map<String, Object> shirt = shirt("Kemeja Batik " + word, word + "x");
        invalid(with(shirt, "priceIdr", 100_000), "priceIdr");
        invalid(with(shirt, "options", null), "variants");
        List<Object> unknownValue = new ArrayList<>((List<?>) shirt.get("variants"));
        unknownValue.set(0, Map.of("options", List.of("XXL", "Merah"), "priceIdr", 1, "stock", 1, "weightGrams", 1));
        invalid(with(shirt, "variants", unknownValue), "variants[0].options");
        List<Object> twice = new ArrayList<>((List<?>) shirt.get("variants"));
        twice.set(1, Map.of("options", List.of("S", "Merah"), "priceIdr", 1, "stock", 1, "weightGrams", 1));
        invalid(with(shirt, "variants", twice), "variants[1].options");
        invalid(with(shirt, "options",
                List.of(Map.of("name", "Ukuran", "values", List.of("S")),
                        Map.of("name", "Warna", "values", List.of("Merah")),
                        Map.of("name", "Bahan", "values", List.of("Katun")))),
                "options");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("V" + i);
        }
        invalid(with(shirt, "options", List.of(Map.of("name", "Ukuran", "values", many))), "options[0].values");
    }

    @Test
    void thePurchaseLimitCountsPerVariantAndTheCartHoldsVariants() {
        String word = CatalogFixtures.uniqueWord();
        String listing = CatalogFixtures.publishedListing(api, seller, bigShirt(word));
        JsonNode detail = detail(listing);
        String redS = variant(detail, "S", "Merah").get("variantId").asString();
        String blueS = variant(detail, "S", "Biru").get("variantId").asString();

        place(api, shopper, byVariant(redS, 10)).expect(201);
        place(api, shopper, byVariant(blueS, 10)).expect(201);
        Api.Response over = place(api, shopper, byVariant(redS, 1));
        over.expect(422);
        assertThat(over.json().get("code").asString()).isEqualTo("PURCHASE_LIMIT_EXCEEDED");
        assertThat(over.json().get("variantId").asString()).isEqualTo(redS);

        String other = api.newAccount("SHOPPER");
        api.put("/api/v1/cart/items/" + blueS, Map.of("quantity", 2)).bearer(other).send().expect(200);
        JsonNode line = api.get("/api/v1/cart")
            .bearer(other)
            .send()
            .expect(200)
            .json()
            .get("sellers")
            .get(0)
            .get("items")
            .get(0);
        assertThat(line.get("variantLabel").asString()).isEqualTo("S / Biru");
        assertThat(line.get("listingId").asString()).isEqualTo(listing);
        Api.Response byListing = api.put("/api/v1/cart/items/" + listing, Map.of("quantity", 1)).bearer(other).send();
        byListing.expect(422);
        assertThat(byListing.json().get("code").asString()).isEqualTo("VARIANT_REQUIRED");
    }

    @Test
    void aListingMadeBeforeVariantsGetsItsOneVariantAndKeepsItsPass() throws Exception {
        String listing = OrderFixtures.listingWithStock(api, seller, 7, 45_000);
        try (Connection connection = TestDatabase.instance().connect(); Statement sql = connection.createStatement()) {
            // As it was before V12: a published listing with no variant row.
            sql.executeUpdate("DELETE FROM catalog.listing_variants WHERE listing_id = '" + listing + "'");

            BatchedMigration.run(connection, "catalog.backfill_listing_variants", 1_000);

            try (ResultSet variant = sql.executeQuery(
                    "SELECT id, price_idr, stock, option_values FROM catalog.listing_variants WHERE listing_id = '"
                            + listing + "'")) {
                assertThat(variant.next()).isTrue();
                assertThat(variant.getString("id")).isEqualTo(listing);
                assertThat(variant.getLong("price_idr")).isEqualTo(45_000);
                assertThat(variant.getInt("stock")).isEqualTo(7);
                assertThat((String[]) variant.getArray("option_values").getArray()).isEmpty();
                assertThat(variant.next()).isFalse();
            }
        }
        JsonNode detail = detail(listing);
        assertThat(detail.get("priceFrom").asBoolean()).isFalse();
        assertThat(detail.get("variants").get(0).get("variantId").asString()).isEqualTo(listing);
        place(api, shopper, order(listing, 2)).expect(201);
        api.put("/api/v1/listings/" + listing + "/stock", Map.of("stock", 9)).bearer(seller.token()).send().expect(200);
        assertThat(detail(listing).get("stock").asInt()).isEqualTo(9);
    }

    private Map<String, Object> bigShirt(String word) {
        Map<String, Object> shirt = shirt("Kemeja Batik " + word, word);
        List<Object> variants = new ArrayList<>();
        for (Object variant : (List<?>) shirt.get("variants")) {
            Map<String, Object> big = new HashMap<>((Map<String, Object>) variant);
            big.put("stock", 50);
            variants.add(big);
        }
        shirt.put("variants", variants);
        return shirt;
    }

    private void invalid(Map<String, Object> listing, String field) {
        Api.Response refused = api.post("/api/v1/listings", listing).bearer(seller.token()).send();
        refused.expect(400);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString())).contains(field);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        if (value == null) {
            copy.remove(field);
        }
        else {
            copy.put(field, value);
        }
        return copy;
    }

    private JsonNode detail(String listing) {
        return api.get("/api/v1/catalog/listings/" + listing).send().expect(200).json();
    }

    private static JsonNode variant(JsonNode detail, String size, String colour) {
        return detail.get("variants")
            .valueStream()
            .filter(v -> v.get("options").get(0).asString().equals(size)
                    && v.get("options").get(1).asString().equals(colour))
            .findFirst()
            .orElseThrow();
    }

    /** A category's listings in a price range, cheapest first, without words. */
    private List<String> browse(String category, long min, long max) {
        return listingIds("categoryCode=" + category + "&minPriceIdr=" + min + "&maxPriceIdr=" + max
                + "&sort=price_asc&size=100");
    }

    private List<String> search(String word, long min, long max) {
        return listingIds("q=" + word + "&minPriceIdr=" + min + "&maxPriceIdr=" + max);
    }

    private List<String> listingIds(String query) {
        return api.get("/api/v1/catalog/listings?" + query)
            .send()
            .expect(200)
            .json()
            .get("items")
            .valueStream()
            .map(i -> i.get("listingId").asString())
            .toList();
    }

}
