package id.pasar.fairness;

import static id.pasar.catalog.CatalogFixtures.uniqueWord;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.TestInstances;
import id.pasar.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The exposure report on a database of its own, so every figure is known: 15 verified
 * sellers (5 MICRO and 3 MEDIUM in DIY (34), 5 SMALL and 2 LARGE in Jawa Barat (32)), one
 * listing each, searches, detail views and orders. Shares per dimension add up to 1;
 * MEDIUM and LARGE, under 5 sellers each, are suppressed (together 5, so nothing more
 * needs hiding).
 */
class ExposureReportIT {

    static ConfigurableApplicationContext instance;
    static Api api;
    static final Map<String, List<String>> listingsByClass = new LinkedHashMap<>();
    static String word;

    @BeforeAll
    static void startOnAnEmptyDatabase() throws Exception {
        String url = TestDatabase.instance().newDatabase("exposure_" + UUID.randomUUID().toString().substring(0, 8));
        instance = TestInstances.start(url);
        api = TestInstances.api(instance);
        word = uniqueWord();
        for (var group : List.of(List.of("MICRO", "3404", 5), List.of("MEDIUM", "3404", 3), List.of("SMALL", "3204", 5),
                List.of("LARGE", "3204", 2))) {
            String umkmClass = (String) group.get(0);
            listingsByClass.put(umkmClass, FairnessFixtures.oneListingEach(api, umkmClass, (String) group.get(1),
                    (Integer) group.get(2), "Keranjang " + word + " " + umkmClass.toLowerCase()));
        }
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void sharesOfListingsImpressionsViewsAndOrdersAddUpToOneAndSmallGroupsAreSuppressed() {
        // impressions: the first page of a search and of a category result, each showing
        // all 15 (to one client: once each)
        api.get("/api/v1/catalog/listings?q=" + word + "&size=100").send().expect(200);
        api.get("/api/v1/catalog/listings?categoryCode=anyaman-rotan&size=100").send().expect(200);
        // detail views: MICRO 2 each (10), SMALL 1 each (5), LARGE 1 each (2), MEDIUM
        // none: 17; each view of a listing by another shopper, since a client counts once
        // per listing and day
        List<String> shoppers = List.of(api.newAccount("SHOPPER"), api.newAccount("SHOPPER"));
        view(listingsByClass.get("MICRO"), shoppers);
        view(listingsByClass.get("SMALL"), shoppers.subList(0, 1));
        view(listingsByClass.get("LARGE"), shoppers.subList(0, 1));
        // orders: 1 of a MICRO listing, 2 of a SMALL one
        String shopper = api.newAccount("SHOPPER");
        place(api, shopper, order(listingsByClass.get("MICRO").get(0), 1)).expect(201);
        place(api, shopper, order(listingsByClass.get("SMALL").get(0), 1)).expect(201);
        place(api, shopper, order(listingsByClass.get("SMALL").get(0), 1)).expect(201);
        String auditor = api.newStaffAccount("AUDITOR");

        // The sales tally is kept from the outbox, after each order's commit.
        await().atMost(Duration.ofSeconds(20))
            .untilAsserted(() -> assertThat(report(auditor).get("byUmkmClass").get(0).get("ordersShare").decimalValue())
                .isEqualByComparingTo("0.333333"));
        JsonNode report = report(auditor);

        assertThat(report.get("rankingVersion").asString())
            .isEqualTo(api.get("/api/v1/catalog/ranking").send().expect(200).json().get("version").asString());
        Map<String, JsonNode> classes = byKey(report.get("byUmkmClass"), "umkmClass");
        assertThat(classes.keySet()).containsExactly("MICRO", "SMALL", "MEDIUM", "LARGE");
        assertShares(classes.get("MICRO"), 5, "0.333333", "0.333333", "0.588235", "0.333333");
        assertShares(classes.get("SMALL"), 5, "0.333333", "0.333333", "0.294118", "0.666667");
        for (String small : List.of("MEDIUM", "LARGE")) {
            JsonNode group = classes.get(small);
            assertThat(group.get("suppressed").asBoolean()).as(small).isTrue();
            for (String share : List.of("listingsShare", "impressionsShare", "detailViewsShare", "ordersShare")) {
                assertThat(group.get(share).isNull()).as(small + " " + share).isTrue();
            }
        }

        Map<String, JsonNode> provinces = byKey(report.get("byProvince"), "provinceCode");
        assertThat(provinces.keySet()).containsExactlyInAnyOrder("34", "32");
        assertThat(provinces.get("34").get("provinceName").asString()).containsIgnoringCase("Yogyakarta");
        assertShares(provinces.get("34"), 8, "0.533333", "0.533333", "0.588235", "0.333333");
        assertShares(provinces.get("32"), 7, "0.466667", "0.466667", "0.411765", "0.666667");
        for (String share : List.of("listingsShare", "impressionsShare", "detailViewsShare", "ordersShare")) {
            BigDecimal sum = provinces.values()
                .stream()
                .map(p -> p.get(share).decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(share).isBetween(new BigDecimal("0.999999"), new BigDecimal("1.000001"));
        }

        String csv = api.get("/api/v1/compliance/reports/exposure")
            .bearer(auditor)
            .header("Accept", "text/csv")
            .send()
            .expect(200)
            .body();
        assertThat(csv).startsWith(
                "dimension,group,name,sellers,listingsShare,impressionsShare,detailViewsShare,ordersShare,suppressed")
            .contains("umkmClass,MICRO,,5,0.333333,0.333333,0.588235,0.333333,false")
            .contains("umkmClass,MEDIUM,,3,,,,,true");
    }

    @Test
    void nothingInTheReportNamesASellerAndOnlyAuditorsAndAdminsReadIt() {
        String auditor = api.newStaffAccount("AUDITOR");
        String body = api.get("/api/v1/compliance/reports/exposure").bearer(auditor).send().expect(200).body();
        listingsByClass.values().stream().flatMap(List::stream).forEach(id -> assertThat(body).doesNotContain(id));
        assertThat(body).doesNotContain("sellerId", "listingId");

        api.get("/api/v1/compliance/reports/exposure").bearer(api.adminToken()).send().expect(200);
        api.get("/api/v1/compliance/reports/exposure").send().expect(401);
        for (String role : List.of("SHOPPER", "SELLER")) {
            api.get("/api/v1/compliance/reports/exposure").bearer(api.newAccount(role)).send().expect(403);
        }
        api.get("/api/v1/compliance/reports/exposure")
            .bearer(api.newStaffAccount("COMPLIANCE_OFFICER"))
            .send()
            .expect(403);
        api.get("/api/v1/compliance/reports/exposure?from=2026-02-01&to=2026-01-01").bearer(auditor).send().expect(400);
    }

    private static void view(List<String> listings, List<String> shoppers) {
        for (String id : listings) {
            for (String shopper : shoppers) {
                api.get("/api/v1/catalog/listings/" + id).bearer(shopper).send().expect(200);
            }
        }
    }

    private static JsonNode report(String auditor) {
        return api.get("/api/v1/compliance/reports/exposure").bearer(auditor).send().expect(200).json();
    }

    private static Map<String, JsonNode> byKey(JsonNode rows, String key) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        rows.forEach(row -> map.put(row.get(key).asString(), row));
        return map;
    }

    private static void assertShares(JsonNode group, int sellers, String listings, String impressions, String views,
            String orders) {
        assertThat(group.get("suppressed").asBoolean()).isFalse();
        assertThat(group.get("sellers").asInt()).isEqualTo(sellers);
        assertThat(group.get("listingsShare").decimalValue()).isEqualByComparingTo(listings);
        assertThat(group.get("impressionsShare").decimalValue()).isEqualByComparingTo(impressions);
        assertThat(group.get("detailViewsShare").decimalValue()).isEqualByComparingTo(views);
        assertThat(group.get("ordersShare").decimalValue()).isEqualByComparingTo(orders);
    }

}
