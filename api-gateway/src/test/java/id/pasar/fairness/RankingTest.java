package id.pasar.fairness;

import static id.pasar.catalog.CatalogFixtures.listing;
import static id.pasar.catalog.CatalogFixtures.publishedListing;
import static id.pasar.catalog.CatalogFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.testing.TestDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The relevance formula is public (GET /catalog/ranking) and is the one search uses: a
 * page of results is recomputed here from the published factors and weights alone, and
 * identical listings of a MICRO and a LARGE seller tie, ordered only by the published
 * hash.
 */
@IntegrationTest
class RankingTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void theFormulaIsPublicAndNamesNothingAboutTheSeller() {
        JsonNode formula = api.get("/api/v1/catalog/ranking").send().expect(200).json();

        assertThat(formula.get("version").asString()).isNotBlank();
        assertThat(formula.get("tieBreak").asString()).contains("md5");
        List<String> names = new ArrayList<>();
        formula.get("factors").forEach(f -> {
            names.add(f.get("name").asString());
            assertThat(f.get("weight").decimalValue()).isPositive();
            assertThat(f.get("description").asString()).isNotBlank();
        });
        assertThat(names).containsExactlyInAnyOrder("textMatch", "inStock", "freshness");
        assertThat(formula.get("factors").toString().toLowerCase()).doesNotContain("umkm", "seller", "shop", "advert",
                "affiliat", "fee", "class");
    }

    @Test
    void identicalListingsOfAMicroAndALargeSellerTieAndOnlyTheFactorsMoveAListing() throws Exception {
        Seller micro = FairnessFixtures.verifiedKtpSeller(api, "MICRO", "3404");
        Seller large = FairnessFixtures.verifiedKtpSeller(api, "LARGE", "3204");
        String word = CatalogFixtures.uniqueWord();
        Map<String, Object> same = with(with(listing("Tas " + word + " anyaman pandan"), "description",
                "Tas anyaman pandan buatan tangan, kuat dan ringan."), "stock", 5);

        String microTwin = publishedListing(api, micro, same);
        String largeTwin = publishedListing(api, large, same);
        String weaker = publishedListing(api, micro, with(with(same, "title", "Tas anyaman pandan"), "description",
                "Tas anyaman pandan, cocok dipadukan dengan " + word + "."));
        String stronger = publishedListing(api, large,
                with(with(same, "title", "Tas " + word + " anyaman " + word), "description", "Tas " + word + " asli."));
        String soldOut = publishedListing(api, micro, with(same, "stock", 0));
        String older = publishedListing(api, large, same);
        try (Connection db = TestDatabase.instance().connect();
                PreparedStatement age = db.prepareStatement(
                        "UPDATE catalog.listings SET published_at = published_at - interval '90 days' WHERE id = ?")) {
            age.setObject(1, UUID.fromString(older));
            age.executeUpdate();
        }

        List<String> page = ids(api.get("/api/v1/catalog/listings?q=" + word + "&size=100").send().expect(200).json());

        assertThat(page).containsExactlyInAnyOrder(microTwin, largeTwin, weaker, stronger, soldOut, older);
        assertThat(page).isEqualTo(recomputed(word, page));
        assertThat(page.get(0)).isEqualTo(stronger);
        // the twins tie, sit side by side, and their order is the published hash's, not
        // the sellers'
        int first = Math.min(page.indexOf(microTwin), page.indexOf(largeTwin));
        assertThat(Math.abs(page.indexOf(microTwin) - page.indexOf(largeTwin))).isEqualTo(1);
        assertThat(page.get(first)).isEqualTo(md5(microTwin).compareTo(md5(largeTwin)) < 0 ? microTwin : largeTwin);
        // the same listing, but sold out or 90 days older, comes after the twins; weaker
        // text after all of them
        assertThat(page.indexOf(soldOut)).isGreaterThan(first + 1);
        assertThat(page.indexOf(older)).isGreaterThan(first + 1);
        assertThat(page.get(page.size() - 1)).isEqualTo(weaker);

        // Pages of one walk through the same order (the cursor keeps the score, the hash
        // and the day).
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode one = api
                .get("/api/v1/catalog/listings?q=" + word + "&size=1" + (cursor == null ? "" : "&cursor=" + cursor))
                .send()
                .expect(200)
                .json();
            walked.addAll(ids(one));
            cursor = one.get("nextCursor").isNull() ? null : one.get("nextCursor").asString();
        }
        while (cursor != null);
        assertThat(walked).isEqualTo(page);
    }

    /**
     * The order of these listings by the published formula, from the listings' own data
     * and nothing else.
     */
    private List<String> recomputed(String query, List<String> ids) throws Exception {
        JsonNode formula = api.get("/api/v1/catalog/ranking").send().expect(200).json();
        Map<String, BigDecimal> weight = new HashMap<>();
        formula.get("factors").forEach(f -> weight.put(f.get("name").asString(), f.get("weight").decimalValue()));
        LocalDate today = LocalDate.now(JAKARTA);
        Map<String, BigDecimal> score = new HashMap<>();
        try (Connection db = TestDatabase.instance().connect(); PreparedStatement facts = db.prepareStatement("""
                SELECT round(ts_rank_cd(search, websearch_to_tsquery('indonesian', ?))::numeric, 6),
                       stock > 0, (published_at AT TIME ZONE 'Asia/Jakarta')::date
                FROM catalog.listings WHERE id = ?""")) {
            for (String id : ids) {
                facts.setString(1, query);
                facts.setObject(2, UUID.fromString(id));
                try (ResultSet rs = facts.executeQuery()) {
                    rs.next();
                    long days = Math.max(0, ChronoUnit.DAYS.between(rs.getObject(3, LocalDate.class), today));
                    BigDecimal freshness = BigDecimal.ONE.divide(
                            BigDecimal.ONE
                                .add(BigDecimal.valueOf(days).divide(BigDecimal.valueOf(30), 20, RoundingMode.HALF_UP)),
                            6, RoundingMode.HALF_UP);
                    score.put(id, weight.get("textMatch")
                        .multiply(rs.getBigDecimal(1))
                        .add(weight.get("inStock").multiply(rs.getBoolean(2) ? BigDecimal.ONE : BigDecimal.ZERO))
                        .add(weight.get("freshness").multiply(freshness))
                        .setScale(6, RoundingMode.HALF_UP));
                }
            }
        }
        return ids.stream()
            .sorted(Comparator.comparing((String id) -> score.get(id))
                .reversed()
                .thenComparing(RankingTest::md5)
                .thenComparing(id -> id))
            .toList();
    }

    private static String md5(String listingId) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                .digest((listingId + "|" + LocalDate.now(JAKARTA)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("listingId").asString()));
        return ids;
    }

}
