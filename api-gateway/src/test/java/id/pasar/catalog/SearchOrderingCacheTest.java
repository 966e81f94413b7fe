package id.pasar.catalog;

import static id.pasar.catalog.CatalogFixtures.listing;
import static id.pasar.catalog.CatalogFixtures.publishedListing;
import static id.pasar.catalog.CatalogFixtures.uniqueWord;
import static id.pasar.catalog.CatalogFixtures.verifiedSeller;
import static id.pasar.catalog.CatalogFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Text search pages come from an order kept per query (SearchOrderingCache), at most a
 * window of listings long (30 in tests, TestApplicationInitializer), the SQL carrying on
 * past it. Shoppers must not notice: the pages walk one order, the formula's or the
 * price's, and every page is the shelf as it is now.
 */
@IntegrationTest
class SearchOrderingCacheTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void pagesWalkTheFormulasOrderThroughTheRankingAndPastItsWindow() throws Exception {
        Seller seller = verifiedSeller(api);
        String word = uniqueWord();
        for (int i = 0; i < 45; i++) {
            // Titles with the word once, twice or three times; some sold out: scores of
            // several levels, and ties.
            String title = "Tas " + (word + " ").repeat(1 + i % 3) + "anyaman nomor " + i;
            // Seven prices for 45 listings: equal prices are ordered by id.
            publishedListing(api, seller,
                    with(with(with(listing(title), "stock", i % 4 == 0 ? 0 : 3), "description",
                            i % 2 == 0 ? "Anyaman pandan." : "Anyaman pandan dengan " + word + "."), "priceIdr",
                            10_000 + i % 7 * 1_000));
        }

        List<String> walked = walk("q=" + word + "&size=7");

        assertThat(walked).hasSize(45).doesNotHaveDuplicates().isEqualTo(formulaOrder(word));
        // The same again, now from the order kept by the first walk.
        assertThat(walk("q=" + word + "&size=7")).isEqualTo(walked);
        assertThat(walk("q=" + word + "&size=100")).isEqualTo(walked);
        // Words with another sort: the sort's own order, across the window too.
        assertThat(walk("q=" + word + "&sort=price_asc&size=7")).isEqualTo(databaseOrder(word, "price_idr, id"));
        assertThat(walk("q=" + word + "&sort=price_desc&size=7"))
            .isEqualTo(databaseOrder(word, "price_idr DESC, id DESC"));
        assertThat(walk("q=" + word + "&sort=newest&size=7"))
            .isEqualTo(databaseOrder(word, "published_at DESC, id DESC"));
    }

    @Test
    void aListingTakenDownIsGoneFromTheNextPageAndANewListingIsFoundAtOnce() throws Exception {
        Seller seller = verifiedSeller(api);
        String word = uniqueWord();
        for (int i = 0; i < 6; i++) {
            publishedListing(api, seller, listing("Tas " + word + " anyaman nomor " + i));
        }
        JsonNode first = api.get("/api/v1/catalog/listings?q=" + word + "&size=3").send().expect(200).json();
        List<String> order = formulaOrder(word);
        assertThat(ids(first)).isEqualTo(order.subList(0, 3));

        String takenDown = order.get(4);
        api.post("/api/v1/listings/" + takenDown + "/unpublish", Map.of()).bearer(seller.token()).send().expect(200);
        JsonNode second = api
            .get("/api/v1/catalog/listings?q=" + word + "&size=3&cursor=" + first.get("nextCursor").asString())
            .send()
            .expect(200)
            .json();

        assertThat(ids(second)).containsExactly(order.get(3), order.get(5));
        assertThat(second.get("nextCursor").isNull()).isTrue();

        String best = publishedListing(api, seller, listing("Tas " + word + " " + word + " " + word));
        assertThat(ids(api.get("/api/v1/catalog/listings?q=" + word + "&size=3").send().expect(200).json()).get(0))
            .isEqualTo(best);
    }

    private List<String> walk(String query) {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/catalog/listings?" + query + (cursor == null ? "" : "&cursor=" + cursor))
                .send()
                .expect(200)
                .json();
            walked.addAll(ids(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        while (cursor != null);
        return walked;
    }

    /**
     * The published formula's order of every published match, computed by the database in
     * one statement.
     */
    private static List<String> formulaOrder(String word) throws Exception {
        String day = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
        return listingIds(
                """
                        SELECT l.id FROM catalog.listings l, websearch_to_tsquery('indonesian', ?) w
                        WHERE l.status = 'PUBLISHED' AND l.search @@ w
                        ORDER BY round(round(ts_rank_cd(l.search, w)::numeric, 6) + 0.1 * (l.stock > 0)::int
                                 + 0.05 * round(1.0 / (1 + greatest(0, ?::date - (l.published_at AT TIME ZONE 'Asia/Jakarta')::date)
                                 / 30.0), 6), 6) DESC,
                                 md5(l.id::text || '|' || ?) COLLATE "C", l.id""",
                word, day, day);
    }

    /** Every published match of the word in a plain ORDER BY. */
    private static List<String> databaseOrder(String word, String orderBy) throws Exception {
        return listingIds("SELECT id FROM catalog.listings WHERE status = 'PUBLISHED'"
                + " AND search @@ websearch_to_tsquery('indonesian', ?) ORDER BY " + orderBy, word);
    }

    private static List<String> listingIds(String sql, String... parameters) throws Exception {
        try (Connection db = TestDatabase.instance().connect(); PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("listingId").asString()));
        return ids;
    }

}
