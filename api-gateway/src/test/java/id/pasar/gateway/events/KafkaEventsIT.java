package id.pasar.gateway.events;

import static id.pasar.orders.OrderFixtures.grossOf;
import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.notification;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.OpenSearchTestNode;
import id.pasar.TestInstances;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's events on a real Kafka broker (spring-kafka-test's embedded KRaft broker,
 * in this JVM) with the application in Kafka mode on a database of its own, searching on
 * a real OpenSearch node ({@link OpenSearchTestNode}): each event reaches its topic under
 * its aggregate's key with the envelope of docs/events.md; the sales tally, read from
 * Kafka, counts every order exactly once across a consumer stop, orders placed while it
 * was stopped, its restart, and a replay of the whole topic; the search index, read from
 * Kafka, follows the shelf across a stop, writes the index refused, and a replay. Slow:
 * it starts a broker, a search node and a second application.
 */
class KafkaEventsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ALIAS = "pasar-listings-kafka-" + Long.toHexString(System.nanoTime());

    static EmbeddedKafkaKraftBroker broker;

    static ConfigurableApplicationContext app;

    static String jdbcUrl;

    static Api api;

    @BeforeAll
    static void startABrokerAndTheApplicationInKafkaMode() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        jdbcUrl = TestDatabase.instance().newDatabase("kafka_" + Long.toHexString(System.nanoTime()));
        app = TestInstances.start(jdbcUrl, "--pasar.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--pasar.kafka.partitions=3", "--pasar.search.backend=opensearch",
                "--pasar.search.opensearch.url=" + OpenSearchTestNode.url(),
                "--pasar.search.opensearch.index=" + ALIAS);
        api = TestInstances.api(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void eachEventReachesItsTopicUnderItsAggregatesKey() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = listingWithStock(api, seller, 20, 12_500);
        String shopper = api.newAccount("SHOPPER");
        String paid = place(api, shopper, order(listing, 2)).expect(201).json().get("orderId").asString();
        api.post("/api/v1/payments/notifications", notification(paid, "settlement", grossOf(api, shopper, paid)))
            .send()
            .expect(200);
        String cancelled = place(api, shopper, order(listing, 1)).expect(201).json().get("orderId").asString();
        api.post("/api/v1/orders/" + cancelled + "/cancel", Map.of()).bearer(shopper).send().expect(200);
        String lastOne = listingWithStock(api, seller, 1, 9_000);
        place(api, shopper, order(lastOne, 1)).expect(201);
        api.put("/api/v1/listings/" + listing + "/stock", Map.of("stock", 30))
            .bearer(seller.token())
            .send()
            .expect(200);
        api.post("/api/v1/listings/" + listing + "/unpublish", Map.of()).bearer(seller.token()).send().expect(200);
        Seller revoked = CatalogFixtures.verifiedSeller(api);
        String suspended = listingWithStock(api, revoked, 5, 30_000);
        api.post("/api/v1/compliance/sellers/" + revoked.sellerId() + "/revoke", Map.of("reason", "counterfeit"))
            .bearer(api.newStaffAccount("COMPLIANCE_OFFICER"))
            .send()
            .expect(200);

        Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            byKey.clear();
            byKey.putAll(allRecords().stream().collect(Collectors.groupingBy(ConsumerRecord::key)));
            assertThat(types(byKey.get(paid))).containsExactly("OrderPlaced", "OrderPaid");
            assertThat(types(byKey.get(cancelled))).containsExactly("OrderPlaced", "OrderCancelled");
            assertThat(types(byKey.get(listing))).containsExactly("ListingPublished", "ListingOfferChanged",
                    "ListingTakenDown");
            assertThat(types(byKey.get(suspended))).containsExactly("ListingPublished", "ListingTakenDown");
            assertThat(types(byKey.get(lastOne))).containsExactly("ListingPublished", "ListingOfferChanged");
            assertThat(types(byKey.get(revoked.sellerId()))).containsExactly("SellerRevoked");
        });

        for (ConsumerRecord<String, byte[]> record : byKey.get(paid)) {
            assertThat(record.topic()).isEqualTo("pasar.orders");
            assertThat(header(record, "pasar-event-version")).isEqualTo("1");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(UUID.fromString(header(record, "pasar-event-id"))).isNotNull();
            assertThat(json(record).get("orderId").asString()).isEqualTo(paid);
        }
        JsonNode placed = json(byKey.get(paid).get(0));
        assertThat(placed.get("placedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode line = placed.get("lines").get(0);
        assertThat(line.get("listingId").asString()).isEqualTo(listing);
        assertThat(line.get("sellerId").asString()).isEqualTo(seller.sellerId());
        assertThat(line.get("quantity").asInt()).isEqualTo(2);
        assertThat(line.get("lineTotalIdr").asLong()).isEqualTo(25_000);
        JsonNode paidEvent = json(byKey.get(paid).get(1));
        assertThat(paidEvent.get("sellerOrders").get(0).get("sellerId").asString()).isEqualTo(seller.sellerId());
        assertThat(json(byKey.get(cancelled).get(1)).get("status").asString()).isEqualTo("CANCELLED");

        assertThat(byKey.get(listing)).allSatisfy(r -> assertThat(r.topic()).isEqualTo("pasar.listings"));
        assertThat(json(byKey.get(listing).get(0)).get("sellerId").asString()).isEqualTo(seller.sellerId());
        JsonNode restocked = json(byKey.get(listing).get(1));
        assertThat(restocked.get("stock").asInt()).isEqualTo(30);
        assertThat(restocked.get("priceIdr").asLong()).isEqualTo(12_500);
        assertThat(json(byKey.get(listing).get(2)).get("status").asString()).isEqualTo("DRAFT");
        assertThat(json(byKey.get(lastOne).get(1)).get("stock").asInt()).as("sold out").isZero();
        JsonNode suspension = json(byKey.get(suspended).get(1));
        assertThat(suspension.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspension.get("reasons").get(0).asString()).isEqualTo("SELLER_NOT_VERIFIED");
        ConsumerRecord<String, byte[]> revocation = byKey.get(revoked.sellerId()).get(0);
        assertThat(revocation.topic()).isEqualTo("pasar.sellers");
        assertThat(json(revocation).get("reasonCode").asString()).isNotBlank();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outstandingPublications()).isZero());
    }

    @Test
    void theTallyReadFromKafkaCountsEachOrderOnceAcrossAConsumerRestartAndAReplay() throws Exception {
        MessageListenerContainer tally = app.getBean(KafkaListenerEndpointRegistry.class)
            .getListenerContainer("sales-tally");
        String listing = listingWithStock(api, CatalogFixtures.verifiedSeller(api), 100, 1_000);
        String shopper = api.newAccount("SHOPPER");
        for (int i = 0; i < 4; i++) {
            place(api, shopper, order(listing, 1)).expect(201);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "4 4 4000".equals(dailySales(listing)));

        tally.stop();
        String another = api.newAccount("SHOPPER");
        for (int i = 0; i < 4; i++) {
            place(api, another, order(listing, 2)).expect(201);
        }
        // Sent to Kafka (the outbox is empty), but counted by no one in the process.
        await().atMost(Duration.ofSeconds(20)).until(() -> outstandingPublications() == 0);
        assertThat(ordersOnTopicFor(listing)).isEqualTo(8);
        assertThat(dailySales(listing)).isEqualTo("4 4 4000");

        tally.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "8 12 12000".equals(dailySales(listing)));

        // At least once: the group reads the whole topic again, and counts nothing twice.
        tally.stop();
        rewind("pasar.sales-tally", "pasar.orders");
        tally.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> lag("pasar.sales-tally", "pasar.orders") == 0);
        assertThat(dailySales(listing)).isEqualTo("8 12 12000");
    }

    @Test
    void theSearchIndexReadFromKafkaFollowsTheShelfAcrossAStopARefusedWriteAndAReplay() throws Exception {
        MessageListenerContainer feed = app.getBean(KafkaListenerEndpointRegistry.class)
            .getListenerContainer("search-index");
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String word = CatalogFixtures.uniqueWord();
        String tampah = CatalogFixtures.publishedListing(api, seller, CatalogFixtures.listing("Tampah Bambu " + word));
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(word).equals(List.of(tampah)));
        assertThat(searched(word)).containsExactly(tampah);

        // Stopped: a listing published meanwhile waits on the topic, and nothing in the
        // process writes it to the index behind the consumer's back.
        feed.stop();
        String bakul = CatalogFixtures.publishedListing(api, seller, CatalogFixtures.listing("Bakul Bambu " + word));
        await().atMost(Duration.ofSeconds(20)).until(() -> outstandingPublications() == 0);
        assertThat(indexed(word)).containsExactly(tampah);
        feed.start();
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(indexed(word)).containsExactlyInAnyOrder(tampah, bakul));

        // A new price on the shelf reaches the index, which sorts by it.
        api.put("/api/v1/listings/" + bakul + "/variants/" + bakul, Map.of("priceIdr", 7_500))
            .bearer(seller.token())
            .send()
            .expect(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> indexedPrice(bakul) == 7_500);
        // (a document read by id is real-time; a search sees it after the next refresh)
        await().atMost(Duration.ofSeconds(5))
            .until(() -> searched(word + "&sort=price_asc").equals(List.of(bakul, tampah)));

        // The index refuses writes (closed): the take-down stays uncommitted on the
        // topic,
        // tried again, until the index takes it.
        String physical = JSON.readTree(OpenSearchTestNode.http("GET", "/_alias/" + ALIAS, null))
            .propertyNames()
            .iterator()
            .next();
        OpenSearchTestNode.http("POST", "/" + physical + "/_close", null);
        try {
            api.post("/api/v1/listings/" + tampah + "/unpublish", Map.of()).bearer(seller.token()).send().expect(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> outstandingPublications() == 0);
            await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> lag("pasar.search-index", "pasar.listings") > 0);
        }
        finally {
            OpenSearchTestNode.http("POST", "/" + physical + "/_open?wait_for_active_shards=1", null);
        }
        await().atMost(Duration.ofSeconds(45)).until(() -> lag("pasar.search-index", "pasar.listings") == 0);
        assertThat(indexed(word)).containsExactly(bakul);
        assertThat(searched(word)).containsExactly(bakul);

        // At least once: the group reads the whole topic again and writes what is true
        // now, so the replayed ListingPublished of the unpublished listing does not bring
        // it back.
        feed.stop();
        rewind("pasar.search-index", "pasar.listings");
        assertThat(lag("pasar.search-index", "pasar.listings")).isGreaterThanOrEqualTo(4);
        feed.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> lag("pasar.search-index", "pasar.listings") == 0);
        assertThat(indexed(word)).containsExactly(bakul);
        assertThat(searched(word)).containsExactly(bakul);
    }

    /** The listings whose title holds {@code word}, in the index itself. */
    private static List<String> indexed(String word) {
        return OpenSearchTestNode.idsTitled(ALIAS, word);
    }

    /** A listing's price in the index's document of it. */
    private static long indexedPrice(String listing) {
        return JSON.readTree(OpenSearchTestNode.http("GET", "/" + ALIAS + "/_doc/" + listing, null))
            .path("_source")
            .path("price_idr")
            .asLong(-1);
    }

    /** The listings a shopper's search for {@code word} shows, ranked by the index. */
    private static List<String> searched(String word) {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/catalog/listings?q=" + word)
            .send()
            .expect(200)
            .json()
            .get("items")
            .forEach(item -> ids.add(item.get("listingId").asString()));
        return ids;
    }

    private static List<ConsumerRecord<String, byte[]>> allRecords() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("pasar.orders", "pasar.listings", "pasar.sellers", "pasar.ledger")) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static long ordersOnTopicFor(String listing) {
        return allRecords().stream()
            .filter(r -> "OrderPlaced".equals(header(r, "pasar-event-type")))
            .filter(r -> json(r).get("lines").get(0).get("listingId").asString().equals(listing))
            .count();
    }

    private static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records == null ? List.of() : records.stream().map(r -> header(r, "pasar-event-type")).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(record.value());
    }

    /** Sets the group's committed offsets back to the start of every partition. */
    private static void rewind(String group, String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            partitions(admin, topic).forEach(partition -> start.put(partition, new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(group, start).all().get();
        }
    }

    /** How many records of the topic the group has not committed yet. */
    private static long lag(String group, String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions(admin, topic).forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += end.getValue().offset() - (at == null ? 0 : at.offset());
            }
            return lag;
        }
    }

    private static List<TopicPartition> partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic))
            .allTopicNames()
            .get()
            .get(topic)
            .partitions()
            .stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
    }

    /** The sales tally of a listing in this test's database: "orders units revenue". */
    private static String dailySales(String listing) throws Exception {
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement("SELECT sum(orders) || ' ' || sum(units) || ' ' "
                        + "|| sum(revenue_idr) FROM orders.listing_daily_sales WHERE listing_id = ?")) {
            select.setObject(1, UUID.fromString(listing));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Publications the outbox still holds (completed ones are deleted). */
    private static int outstandingPublications() throws Exception {
        try (Connection connection = connect();
                PreparedStatement select = connection
                    .prepareStatement("SELECT count(*) FROM gateway.event_publication WHERE completion_date IS NULL");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static Connection connect() throws Exception {
        TestDatabase database = TestDatabase.instance();
        return DriverManager.getConnection(jdbcUrl, database.username(), database.password());
    }

}
