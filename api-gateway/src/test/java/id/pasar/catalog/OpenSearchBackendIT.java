package id.pasar.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.OpenSearchTestNode;
import id.pasar.TestInstances;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.catalog.internal.IndexedListings;
import id.pasar.orders.OrderFixtures;
import id.pasar.testing.TestDatabase;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenSearch search backend (ADR 0032) against a real node that the test starts
 * ({@link OpenSearchTestNode}): two instances on one database of their own, one searching
 * on OpenSearch and one on PostgreSQL, with the search quality shelf
 * ({@link SearchQualityTest}) published through the first. Their first pages are compared
 * for every query of the quality set; the differences are exactly those listed and
 * explained in docs/search.md ("On OpenSearch").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSearchBackendIT {

    /**
     * Query to why OpenSearch's first page differs from PostgreSQL's (docs/search.md, "On
     * OpenSearch"); every other query of the quality set gives the same page.
     */
    private static final Map<String, String> DIFFERENCES = Map.of();

    /** The filters and sorts of the quality set's other tests. */
    private static final List<String> MORE = List.of("q=kayu&categoryCode=kerajinan", "q=kayu&categoryCode=ukiran-kayu",
            "q=batik&provinceCode=33", "q=batik&minPriceIdr=125000&maxPriceIdr=189000&sort=price_asc",
            "q=kulit&sort=price_asc", "q=kulit&sort=price_desc", "q=kulit&sort=newest", "q=batik",
            "q=batik&sort=price_desc&size=3", "q=battik&sort=newest");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String alias = "pasar-listings-" + Long.toHexString(System.nanoTime());

    private ConfigurableApplicationContext indexed;

    private ConfigurableApplicationContext database;

    private Api onIndex;

    private Api onDatabase;

    private String jdbcUrl;

    private Map<String, String> shelf;

    private final Map<String, String> keys = new HashMap<>();

    @BeforeAll
    void startBothBackendsAndPublishTheShelf() throws Exception {
        String node = OpenSearchTestNode.url();
        jdbcUrl = TestDatabase.instance().newDatabase("search_" + Long.toHexString(System.nanoTime()));
        indexed = TestInstances.start(jdbcUrl, "--pasar.search.backend=opensearch",
                "--pasar.search.opensearch.url=" + node, "--pasar.search.opensearch.index=" + alias);
        database = TestInstances.start(jdbcUrl);
        onIndex = TestInstances.api(indexed);
        onDatabase = TestInstances.api(database);
        shelf = SearchQualityTest.publishShelf(onIndex);
        shelf.forEach((key, id) -> keys.put(id, key));
        await().atMost(Duration.ofSeconds(30)).until(() -> indexedCount() == shelf.size());
    }

    @AfterAll
    void stop() {
        if (indexed != null) {
            indexed.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void givesTheFirstPagesOfPostgresOnTheQualitySet() throws Exception {
        List<String> queries = new ArrayList<>();
        for (String query : qualityQueries()) {
            queries.add("q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        }
        queries.addAll(MORE);
        Map<String, String> differences = new LinkedHashMap<>();
        for (String query : queries) {
            List<String> postgres = page(onDatabase, query);
            List<String> opensearch = page(onIndex, query);
            if (!postgres.equals(opensearch)) {
                differences.put(query, "postgres " + postgres + ", opensearch " + opensearch);
            }
        }

        assertThat(differences.keySet()).as("%s", differences).isEqualTo(DIFFERENCES.keySet());
    }

    @Test
    void findsTyposAndIndonesianStems() {
        assertThat(page(onIndex, "q=battik")).contains("batikTulisPekalongan", "kemejaKawung", "casingBatik");
        assertThat(page(onIndex, "q=kemja+pria")).containsExactlyInAnyOrder("kemejaKawung", "kemejaPendek");
        assertThat(page(onIndex, "q=angkulung")).containsExactly("angklung");
        assertThat(page(onIndex, "q=batiknya")).contains("batikTulisPekalongan", "dasterRayon", "casingBatik");
        assertThat(page(onIndex, "q=mengukir")).startsWith("reliefJepara")
            .containsExactlyInAnyOrder("reliefJepara", "mejaJati", "patungGaruda");
        // title and description > title > description, equal ranks in the day's hash
        // order
        List<String> woven = page(onIndex, "q=dianyam");
        assertThat(woven).hasSize(5);
        assertThat(woven.subList(0, 2)).containsExactlyInAnyOrder("keranjangPandan", "lampuBambu");
        assertThat(woven.get(2)).isEqualTo("tasPandan");
        assertThat(woven.subList(3, 5)).containsExactlyInAnyOrder("lampuTidur", "tasRotanBali");
    }

    @Test
    void pagesWalkThroughEveryResultOnceInOrder() {
        for (String query : List.of("q=batik", "q=kulit&sort=price_desc", "q=kulit&sort=newest", "q=battik",
                "q=kain&sort=price_asc")) {
            List<String> whole = ids(onIndex, query + "&size=100");
            List<String> walked = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = search(onIndex, query + "&size=2" + (cursor == null ? "" : "&cursor=" + cursor));
                page.get("items").forEach(item -> walked.add(item.get("listingId").asString()));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            }
            while (cursor != null);

            assertThat(whole).as(query).isNotEmpty();
            assertThat(walked).as(query).doesNotHaveDuplicates().isEqualTo(whole);
        }
    }

    @Test
    void aTakenDownListingIsGoneAtOnceAndFromTheIndexWithinTheBound() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(onIndex);
        String word = CatalogFixtures.uniqueWord();
        String listing = CatalogFixtures.publishedListing(onIndex, seller,
                CatalogFixtures.listing("Tampah Bambu " + word));
        await().atMost(Duration.ofSeconds(5)).until(() -> ids(onIndex, "q=" + word).contains(listing));

        // Off the shelf behind the application's back: the index still names it, the
        // page does not show it, since every page reads its listings from PostgreSQL.
        try (Connection connection = connect();
                PreparedStatement suspend = connection
                    .prepareStatement("UPDATE catalog.listings SET status = 'DRAFT' WHERE id = ?")) {
            suspend.setObject(1, UUID.fromString(listing));
            assertThat(suspend.executeUpdate()).isEqualTo(1);
        }
        assertThat(indexedIds(word)).containsExactly(listing);
        assertThat(ids(onIndex, "q=" + word)).isEmpty();

        // Published again and taken down by its seller, as the application does it: gone
        // from the index within the refresh interval (1 s) and the writer's lag.
        try (Connection connection = connect();
                PreparedStatement restore = connection
                    .prepareStatement("UPDATE catalog.listings SET status = 'PUBLISHED' WHERE id = ?")) {
            restore.setObject(1, UUID.fromString(listing));
            restore.executeUpdate();
        }
        assertThat(ids(onIndex, "q=" + word)).containsExactly(listing);
        long before = System.nanoTime();
        onIndex.post("/api/v1/listings/" + listing + "/unpublish", Map.of()).bearer(seller.token()).send().expect(200);
        assertThat(ids(onIndex, "q=" + word)).isEmpty();
        await().atMost(Duration.ofSeconds(3))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> indexedIds(word).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aRebuildRestoresALostIndex() throws Exception {
        List<String> before = page(onIndex, "q=kulit");
        OpenSearchTestNode.http("DELETE", "/" + alias + "-*", null);
        OpenSearchTestNode.http("DELETE", "/_alias/" + alias, null);
        assertThat(indexed.getBean(IndexedListings.class).rebuild()).isGreaterThanOrEqualTo(shelf.size());

        assertThat(page(onIndex, "q=kulit")).isEqualTo(before).isNotEmpty();
        assertThat(page(onIndex, "q=kulit")).isEqualTo(page(onDatabase, "q=kulit"));
    }

    /**
     * Orders change stock by SQL, which the entity listener does not hear: the last unit
     * taken and a unit given back still reach the index's {@code in_stock}.
     */
    @Test
    void aListingSoldOutAndBackInStockIsIndexedSo() {
        Seller seller = CatalogFixtures.verifiedSeller(onIndex);
        String listing = CatalogFixtures.publishedListing(onIndex, seller, CatalogFixtures
            .with(CatalogFixtures.listing("Tampah Bambu " + CatalogFixtures.uniqueWord()), "stock", 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> "true".equals(indexedInStock(listing)));
        String shopper = onIndex.newAccount("SHOPPER");

        String order = OrderFixtures.place(onIndex, shopper, OrderFixtures.order(listing, 1))
            .expect(201)
            .json()
            .get("orderId")
            .asString();
        await().atMost(Duration.ofSeconds(3)).until(() -> "false".equals(indexedInStock(listing)));

        onIndex.post("/api/v1/orders/" + order + "/cancel", Map.of()).bearer(shopper).send().expect(200);
        await().atMost(Duration.ofSeconds(3)).until(() -> "true".equals(indexedInStock(listing)));
    }

    /**
     * Instances that build at once (a fleet's first start on a new cluster, a reindex
     * started twice) build one index: the others are refused by the build's lock.
     */
    @Test
    void buildsStartedAtOnceBuildOneIndex() throws Exception {
        OpenSearchTestNode.http("DELETE", "/" + alias + "-*", null);
        OpenSearchTestNode.http("DELETE", "/_alias/" + alias, null);
        IndexedListings listings = indexed.getBean(IndexedListings.class);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> builds = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            for (int i = 0; i < 3; i++) {
                builds.add(threads.submit(() -> {
                    start.await();
                    return listings.rebuild();
                }));
            }
            start.countDown();
            int built = 0;
            for (Future<Long> build : builds) {
                try {
                    assertThat(build.get()).isGreaterThanOrEqualTo(shelf.size());
                    built++;
                }
                catch (ExecutionException refused) {
                    assertThat(refused.getCause()).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("Another instance is building the search index");
                }
            }
            assertThat(built).isGreaterThanOrEqualTo(1);
        }
        finally {
            threads.shutdownNow();
        }

        JsonNode indices = JSON.readTree(OpenSearchTestNode.http("GET", "/" + alias + "-*", null));
        assertThat(indices.propertyNames()).hasSize(1);
        assertThat(JSON.readTree(OpenSearchTestNode.http("GET", "/_alias/" + alias, null)).propertyNames())
            .isEqualTo(indices.propertyNames());
        assertThat(page(onIndex, "q=kulit")).isEqualTo(page(onDatabase, "q=kulit")).isNotEmpty();

        // Another instance building (its lock held): refused, and the index left as it
        // is.
        try (Connection connection = connect();
                PreparedStatement hold = connection.prepareStatement("INSERT INTO gateway.shedlock"
                        + " (name, lock_until, locked_at, locked_by) VALUES (?, now() + interval '1 minute', now(), ?)"
                        + " ON CONFLICT (name) DO UPDATE SET lock_until = excluded.lock_until,"
                        + " locked_by = excluded.locked_by")) {
            hold.setString(1, "catalog.search-index-build");
            hold.setString(2, "another-instance");
            hold.executeUpdate();
        }
        try {
            assertThatIllegalStateException().isThrownBy(listings::rebuild)
                .withMessageContaining("Another instance is building the search index");
            assertThat(JSON.readTree(OpenSearchTestNode.http("GET", "/" + alias + "-*", null)).propertyNames())
                .isEqualTo(indices.propertyNames());
        }
        finally {
            try (Connection connection = connect();
                    PreparedStatement release = connection.prepareStatement(
                            "UPDATE gateway.shedlock SET lock_until = now() WHERE name = 'catalog.search-index-build'")) {
                release.executeUpdate();
            }
        }
    }

    /**
     * An instance whose node does not answer starts, and PostgreSQL ranks its searches.
     */
    @Test
    void withoutTheNodePostgresRanks() throws Exception {
        String nothing;
        try (ServerSocket socket = new ServerSocket(0)) {
            nothing = "http://127.0.0.1:" + socket.getLocalPort();
        }
        try (ConfigurableApplicationContext orphan = TestInstances.start(jdbcUrl, "--pasar.search.backend=opensearch",
                "--pasar.search.opensearch.url=" + nothing, "--pasar.search.opensearch.timeout=PT1S")) {
            Api api = TestInstances.api(orphan);
            for (String query : List.of("q=kulit", "q=battik", "q=batik&sort=price_desc")) {
                assertThat(page(api, query)).as(query).isEqualTo(page(onDatabase, query)).isNotEmpty();
            }
        }
    }

    /** The queries of {@link SearchQualityTest}'s table, read from its annotation. */
    private static List<String> qualityQueries() throws NoSuchMethodException {
        CsvSource table = SearchQualityTest.class
            .getDeclaredMethod("findsWhatAShopperMeans", String.class, String.class, String.class)
            .getAnnotation(CsvSource.class);
        List<String> queries = new ArrayList<>();
        for (String line : table.textBlock().split("\n")) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                queries.add(line.substring(0, line.indexOf('|')).strip());
            }
        }
        return queries;
    }

    /** The first page's listings of the shelf, by seed key. */
    private List<String> page(Api api, String query) {
        return ids(api, query).stream().map(id -> keys.getOrDefault(id, id)).toList();
    }

    private static List<String> ids(Api api, String query) {
        List<String> ids = new ArrayList<>();
        search(api, query).get("items").forEach(item -> ids.add(item.get("listingId").asString()));
        return ids;
    }

    private static JsonNode search(Api api, String query) {
        return api.get("/api/v1/catalog/listings?" + query).send().expect(200).json();
    }

    /** The index's {@code in_stock} of a listing's document, as text ("" without one). */
    private String indexedInStock(String listing) {
        return JSON.readTree(OpenSearchTestNode.http("GET", "/" + alias + "/_doc/" + listing, null))
            .path("_source")
            .path("in_stock")
            .asString("");
    }

    private long indexedCount() {
        return JSON.readTree(OpenSearchTestNode.http("GET", "/" + alias + "/_count", null)).path("count").asLong(-1);
    }

    private List<String> indexedIds(String word) {
        return OpenSearchTestNode.idsTitled(alias, word);
    }

    private Connection connect() throws Exception {
        TestDatabase server = TestDatabase.instance();
        return DriverManager.getConnection(jdbcUrl, server.username(), server.password());
    }

}
