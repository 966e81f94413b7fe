package id.pasar.fairness;

import static id.pasar.catalog.CatalogFixtures.listing;
import static id.pasar.catalog.CatalogFixtures.publishedListing;
import static id.pasar.catalog.CatalogFixtures.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.TestInstances;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Impressions and detail views are open to anyone, so a script could move a group's share
 * of the exposure report (issue 18, item 3). A view counts at most once per client,
 * listing and day, and a client that looks at new listings faster than a person can
 * counts nothing. On a database of its own: 5 MICRO sellers in DIY (34) and 5 SMALL ones
 * in Jawa Barat (32), one listing each, each group's titles with a word of their own. The
 * burst runs first, so that its figures are known.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExposureInflationIT {

    /** The burst of the issue: this many requests from one client. */
    static final int BURST = 10_000;

    static ConfigurableApplicationContext instance;
    static Api api;
    static String auditor;
    static final Map<String, String> wordByClass = new TreeMap<>();
    static final Map<String, List<String>> listingsByClass = new TreeMap<>();

    @BeforeAll
    static void startOnAnEmptyDatabase() throws Exception {
        String url = TestDatabase.instance().newDatabase("inflation_" + UUID.randomUUID().toString().substring(0, 8));
        instance = TestInstances.start(url);
        api = TestInstances.api(instance);
        for (var group : List.of(List.of("MICRO", "3404"), List.of("SMALL", "3204"))) {
            String word = uniqueWord();
            wordByClass.put(group.get(0), word);
            listingsByClass.put(group.get(0),
                    FairnessFixtures.oneListingEach(api, group.get(0), group.get(1), 5, "Keranjang " + word));
        }
        auditor = api.newStaffAccount("AUDITOR");
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    @Order(1)
    void aBurstOfTenThousandViewsFromOneClientMovesNoShareWhileOtherClientsStillCount() throws Exception {
        // One anonymous shopper (this test's address) searches each group's word and
        // opens every listing once.
        for (String umkmClass : List.of("MICRO", "SMALL")) {
            api.get("/api/v1/catalog/listings?q=" + wordByClass.get(umkmClass)).send().expect(200);
            for (String id : listingsByClass.get(umkmClass)) {
                api.get("/api/v1/catalog/listings/" + id).send().expect(200);
            }
        }
        JsonNode before = report();
        assertThat(share(before, "MICRO", "impressionsShare")).isEqualByComparingTo("0.5");
        assertThat(share(before, "MICRO", "detailViewsShare")).isEqualByComparingTo("0.5");

        // The same address, 10,000 times: MICRO detail views and first pages of MICRO
        // results, in turns, on four connections, each request with a User-Agent of its
        // own (a header the caller chooses is no client).
        List<String> micro = listingsByClass.get("MICRO");
        String[] firstPages = { "", "&sort=newest", "&sort=price_asc", "&size=5", "&size=100&sort=price_desc" };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int first = thread;
                sent.add(pool.submit(() -> {
                    for (int i = first; i < BURST; i += 4) {
                        String path = i % 2 == 0 ? "/api/v1/catalog/listings/" + micro.get(i / 2 % micro.size())
                                : "/api/v1/catalog/listings?q=" + wordByClass.get("MICRO")
                                        + firstPages[i / 2 % firstPages.length];
                        api.get(path).header("User-Agent", "burst/" + i).send().expect(200);
                    }
                }));
            }
            for (Future<?> done : sent) {
                done.get();
            }
        }
        finally {
            pool.shutdown();
        }
        JsonNode after = report();

        assertThat(shares(after)).as("the burst moved nothing").isEqualTo(shares(before));

        // Five other shoppers, with accounts, each open one SMALL listing: each of them
        // counts.
        for (int i = 0; i < 5; i++) {
            api.get("/api/v1/catalog/listings/" + listingsByClass.get("SMALL").get(i))
                .bearer(api.newAccount("SHOPPER"))
                .send()
                .expect(200);
        }
        JsonNode counted = report();
        assertThat(share(counted, "SMALL", "detailViewsShare")).isEqualByComparingTo("0.666667");
        assertThat(share(counted, "MICRO", "detailViewsShare")).isEqualByComparingTo("0.333333");
    }

    @Test
    @Order(2)
    void aClientLookingAtNewListingsFasterThanAPersonCountsNothing() {
        String word = uniqueWord();
        Seller seller = FairnessFixtures.verifiedKtpSeller(api, "MICRO", "3404");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            many.add(publishedListing(api, seller, listing("Tas " + word)));
        }
        JsonNode before = report();

        // A shopper's account opens the result and all 70 listings within seconds: more
        // than 60 new looks in a minute.
        String fast = api.newAccount("SHOPPER");
        api.get("/api/v1/catalog/listings?size=100&q=" + word).bearer(fast).send().expect(200);
        for (String id : many) {
            api.get("/api/v1/catalog/listings/" + id).bearer(fast).send().expect(200);
        }

        assertThat(shares(report())).as("nothing of the fast client counted").isEqualTo(shares(before));
    }

    private static JsonNode report() {
        return api.get("/api/v1/compliance/reports/exposure").bearer(auditor).send().expect(200).json();
    }

    private static BigDecimal share(JsonNode report, String umkmClass, String share) {
        for (JsonNode group : report.get("byUmkmClass")) {
            if (group.get("umkmClass").asString().equals(umkmClass)) {
                return group.get(share).decimalValue();
            }
        }
        throw new AssertionError("no " + umkmClass + " in " + report);
    }

    /** Every impression and detail view share of both dimensions, by group. */
    private static Map<String, String> shares(JsonNode report) {
        Map<String, String> shares = new TreeMap<>();
        for (String dimension : List.of("byUmkmClass", "byProvince")) {
            for (JsonNode group : report.get(dimension)) {
                String name = group.has("umkmClass") ? group.get("umkmClass").asString()
                        : group.get("provinceCode").asString();
                for (String share : List.of("impressionsShare", "detailViewsShare")) {
                    shares.put(dimension + " " + name + " " + share, group.get(share).isNull() ? "null"
                            : group.get(share).decimalValue().stripTrailingZeros().toPlainString());
                }
            }
        }
        return shares;
    }

}
