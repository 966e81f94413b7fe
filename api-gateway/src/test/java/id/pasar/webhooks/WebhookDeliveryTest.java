package id.pasar.webhooks;

import static id.pasar.orders.OrderFixtures.grossOf;
import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.notification;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.orders.OrderFixtures;
import id.pasar.orders.OrderPaid;
import id.pasar.testing.TestDatabase;
import id.pasar.webhooks.internal.DeliveryJobs;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed seller webhooks over HTTP (issue 20, item 6; docs/webhooks.md): a seller's own
 * events arrive at its endpoint signed with its secret, which the test verifies on its
 * own; failures are retried and every attempt is visible; a replayed publication makes
 * one delivery; another seller sees none of it. The receiver is a local HTTP server on
 * 127.0.0.1, which the tests' {@code pasar.webhooks.allow-loopback=true} allows; the
 * default (off) is {@code internal.WebhookAddressesTest}'s.
 */
@IntegrationTest
class WebhookDeliveryTest {

    static final String WEBHOOK = "/api/v1/sellers/me/webhook";

    static final String DELIVERIES = WEBHOOK + "/deliveries";

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DeliveryJobs jobs;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    Api api;

    Seller seller;

    String listing;

    String shopper;

    Receiver receiver;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        seller = CatalogFixtures.verifiedSeller(api);
        listing = listingWithStock(api, seller, 50, 120_000);
        shopper = api.newAccount("SHOPPER");
    }

    @AfterEach
    void tearDown() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aPaidOrderArrivesOnceSignedWithTheSellersSecretAndNothingOfTheShopper() throws Exception {
        receiver = new Receiver();
        Seller kopi = CatalogFixtures.verifiedSeller(api);
        String bubuk = listingWithStock(api, kopi, 10, 45_000);
        String secret = register(seller, receiver.url());

        JsonNode paid = paid(Map.of(listing, 2, bubuk, 1));
        String orderId = paid.get("orderId").asString();
        String part = partOf(paid, seller);
        JsonNode listed = awaitDeliveries(seller, 1).get(0);
        String deliveryId = listed.get("deliveryId").asString();
        assertThat(listed.get("type").asString()).isEqualTo("ORDER_PAID");
        assertThat(listed.get("state").asString()).isEqualTo("PENDING");
        assertThat(listed.get("attemptCount").asInt()).isZero();

        jobs.deliverDue();

        assertThat(receiver.received()).hasSize(1);
        Receiver.Received request = receiver.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks/pasar?shop=1");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Pasar-Event")).isEqualTo("ORDER_PAID");
        assertThat(request.header("X-Pasar-Delivery")).isEqualTo(deliveryId);
        assertSignedWith(request, secret);

        JsonNode body = JSON.readTree(request.text());
        assertThat(body.get("id").asString()).isEqualTo(deliveryId);
        assertThat(body.get("type").asString()).isEqualTo("ORDER_PAID");
        assertThat(Instant.parse(body.get("createdAt").asString())).isBefore(Instant.now().plusSeconds(1));
        JsonNode data = body.get("data");
        assertThat(data.get("orderId").asString()).isEqualTo(orderId);
        assertThat(data.get("sellerOrderId").asString()).as("its own seller order, not kopi's").isEqualTo(part);
        assertThat(data.get("subtotalIdr").asLong()).isEqualTo(240_000);
        assertThat(data.has("shippingIdr")).isTrue();
        assertThat(request.text()).as("no shopper personal data")
            .doesNotContain("Siti", "Rahayu", "81234567890", "Kenanga", "postalCode", "recipientName", "phone",
                    "street");

        JsonNode delivered = api.get(DELIVERIES + "/" + deliveryId).bearer(seller.token()).send().expect(200).json();
        assertThat(delivered.get("state").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("attemptCount").asInt()).isEqualTo(1);
        assertThat(delivered.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(delivered.get("nextAttemptAt").isNull()).isTrue();
        assertThat(delivered.get("body").asString()).isEqualTo(request.text());
        assertThat(delivered.get("attempts")).singleElement().satisfies(attempt -> {
            assertThat(attempt.get("statusCode").asInt()).isEqualTo(200);
            assertThat(attempt.get("durationMs").asLong()).isNotNegative();
        });

        jobs.deliverDue();
        assertThat(receiver.received()).as("a delivered delivery is not sent again").hasSize(1);
        assertThat(deliveries(kopi)).as("kopi has no endpoint").isEmpty();

        // another seller: the delivery is not found, exactly like one that does not exist
        Api.Response theirs = api.get(DELIVERIES + "/" + deliveryId).bearer(kopi.token()).send();
        Api.Response missing = api.get(DELIVERIES + "/" + UUID.randomUUID()).bearer(kopi.token()).send();
        problem(theirs, 404, "WEBHOOK_DELIVERY_NOT_FOUND");
        problem(missing, 404, "WEBHOOK_DELIVERY_NOT_FOUND");
        assertThat(theirs.json().get("detail").asString()).isEqualTo(missing.json().get("detail").asString());
        assertThat(api.get(DELIVERIES + "/" + deliveryId).bearer(seller.token()).send().status()).isEqualTo(200);
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackOffAndEveryAttemptIsVisible() throws Exception {
        receiver = new Receiver(500);
        String secret = register(seller, receiver.url());
        paid(Map.of(listing, 1));
        String deliveryId = awaitDeliveries(seller, 1).get(0).get("deliveryId").asString();

        jobs.deliverDue();
        JsonNode failed = delivery(deliveryId);
        assertThat(failed.get("state").asString()).isEqualTo("PENDING");
        assertThat(failed.get("attemptCount").asInt()).isEqualTo(1);
        assertThat(failed.get("lastStatusCode").asInt()).isEqualTo(500);
        Instant next = Instant.parse(failed.get("nextAttemptAt").asString());
        assertThat(next).as("a minute later").isBetween(Instant.now().plusSeconds(50), Instant.now().plusSeconds(70));

        jobs.deliverDue();
        assertThat(receiver.received()).as("not due yet").hasSize(1);

        dueNow(deliveryId);
        jobs.deliverDue();
        assertThat(receiver.received()).hasSize(2);
        receiver.received().forEach(request -> assertSignedWith(request, secret));
        assertThat(receiver.received()).extracting(request -> request.header("X-Pasar-Delivery"))
            .containsOnly(deliveryId);
        assertThat(receiver.received().get(1).text()).as("the body fixed when the event came")
            .isEqualTo(receiver.received().get(0).text());

        JsonNode delivered = delivery(deliveryId);
        assertThat(delivered.get("state").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("attemptCount").asInt()).isEqualTo(2);
        assertThat(delivered.get("attempts").valueStream().map(a -> a.get("statusCode").asInt())).containsExactly(500,
                200);
        assertThat(awaitDeliveries(seller, 1).get(0).get("state").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void aDeliveryStillFailingADayAfterItsEventIsGivenUp() throws Exception {
        receiver = new Receiver(503, 503);
        register(seller, receiver.url());
        paid(Map.of(listing, 1));
        String deliveryId = awaitDeliveries(seller, 1).get(0).get("deliveryId").asString();
        jobs.deliverDue();
        assertThat(delivery(deliveryId).get("state").asString()).isEqualTo("PENDING");

        sql("UPDATE webhooks.deliveries SET give_up_at = now() + interval '30 seconds', next_attempt_at = now() "
                + "WHERE id = ?", deliveryId);
        jobs.deliverDue();

        JsonNode gaveUp = delivery(deliveryId);
        assertThat(gaveUp.get("state").asString()).isEqualTo("GAVE_UP");
        assertThat(gaveUp.get("attemptCount").asInt()).isEqualTo(2);
        assertThat(gaveUp.get("lastStatusCode").asInt()).isEqualTo(503);
        assertThat(gaveUp.get("nextAttemptAt").isNull()).isTrue();
        sql("UPDATE webhooks.deliveries SET next_attempt_at = NULL WHERE id = ? AND state = 'GAVE_UP'", deliveryId);
        jobs.deliverDue();
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aReceiverThatCannotBeReachedIsAnAttemptWithItsError() throws Exception {
        Receiver gone = new Receiver();
        register(seller, gone.url());
        gone.close();
        paid(Map.of(listing, 1));
        String deliveryId = awaitDeliveries(seller, 1).get(0).get("deliveryId").asString();
        jobs.deliverDue();

        JsonNode failed = delivery(deliveryId);
        assertThat(failed.get("state").asString()).isEqualTo("PENDING");
        assertThat(failed.get("lastStatusCode").isNull()).isTrue();
        assertThat(failed.get("attempts")).singleElement()
            .satisfies(attempt -> assertThat(attempt.get("error").asString()).isEqualTo("connection refused"));
    }

    @Test
    void anEndpointWhoseAddressIsNoLongerAllowedIsNotCalled() throws Exception {
        receiver = new Receiver();
        register(seller, receiver.url());
        paid(Map.of(listing, 1));
        String deliveryId = awaitDeliveries(seller, 1).get(0).get("deliveryId").asString();
        // as if the host now resolved to the cloud metadata service
        sql("UPDATE webhooks.endpoints SET url = 'https://169.254.169.254/latest/meta-data' WHERE seller_id = ?",
                seller.sellerId());
        jobs.deliverDue();

        JsonNode refused = delivery(deliveryId);
        assertThat(refused.get("state").asString()).isEqualTo("PENDING");
        assertThat(refused.get("attempts")).singleElement().satisfies(attempt -> {
            assertThat(attempt.get("statusCode").isNull()).isTrue();
            assertThat(attempt.get("error").asString()).startsWith("WEBHOOK_URL_NOT_ALLOWED");
        });
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void aReplayedPublicationMakesNoSecondDelivery() throws Exception {
        receiver = new Receiver();
        register(seller, receiver.url());
        JsonNode paid = paid(Map.of(listing, 1));
        JsonNode first = awaitDeliveries(seller, 1).get(0);
        JsonNode data = JSON.readTree(delivery(first.get("deliveryId").asString()).get("body").asString()).get("data");

        OrderPaid again = new OrderPaid(UUID.fromString(paid.get("orderId").asString()), paid.get("totalIdr").asLong(),
                Instant.now(), Instant.now(),
                List.of(new OrderPaid.SellerOrderPaid(UUID.fromString(data.get("sellerOrderId").asString()),
                        UUID.fromString(seller.sellerId()), data.get("subtotalIdr").asLong(),
                        data.get("shippingIdr").asLong(), Map.of(), List.of())));
        transactions.executeWithoutResult(status -> events.publishEvent(again));
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(
                    () -> assertThat(incompletePublicationsAbout(data.get("sellerOrderId").asString())).isZero());

        assertThat(deliveries(seller)).singleElement()
            .satisfies(only -> assertThat(only.get("deliveryId").asString())
                .isEqualTo(first.get("deliveryId").asString()));
    }

    @Test
    void aSellersCancellationAndAShoppersReturnRequestAreDelivered() throws Exception {
        receiver = new Receiver();
        register(seller, receiver.url());
        String cancelled = partOf(paid(Map.of(listing, 1)), seller);
        api.post("/api/v1/sellers/me/orders/" + cancelled + "/cancel", Map.of("reason", "OUT_OF_STOCK"))
            .bearer(seller.token())
            .send()
            .expect(200);
        JsonNode delivered = paid(Map.of(listing, 1));
        String orderId = delivered.get("orderId").asString();
        String returned = partOf(delivered, seller);
        api.post("/api/v1/sellers/me/orders/" + returned + "/ship", Map.of("trackingNumber", "JNE-7654321"))
            .bearer(seller.token())
            .send()
            .expect(200);
        api.post("/api/v1/orders/" + orderId + "/confirm-delivery", Map.of()).bearer(shopper).send().expect(200);
        String returnId = api
            .post("/api/v1/orders/" + orderId + "/seller-orders/" + returned + "/return", Map.of("reason", "DAMAGED"))
            .bearer(shopper)
            .send()
            .expect(201)
            .json()
            .get("returnId")
            .asString();

        List<JsonNode> all = awaitDeliveries(seller, 4);
        assertThat(all).extracting(d -> d.get("type").asString())
            .as("newest first")
            .containsExactly("RETURN_REQUESTED", "ORDER_PAID", "SELLER_ORDER_CANCELLED", "ORDER_PAID");
        jobs.deliverDue();
        assertThat(receiver.received()).hasSize(4);
        JsonNode cancellation = bodyOf("SELLER_ORDER_CANCELLED");
        assertThat(cancellation.get("data").get("sellerOrderId").asString()).isEqualTo(cancelled);
        assertThat(cancellation.get("data").get("subtotalIdr").asLong()).isEqualTo(120_000);
        assertThat(cancellation.get("data").has("cancelledAt")).isTrue();
        JsonNode request = bodyOf("RETURN_REQUESTED");
        assertThat(request.get("data").get("sellerOrderId").asString()).isEqualTo(returned);
        assertThat(request.get("data").get("returnId").asString()).isEqualTo(returnId);
        assertThat(request.get("data").get("reason").asString()).isEqualTo("DAMAGED");
        assertThat(receiver.received()).allSatisfy(r -> assertThat(r.text()).doesNotContain("Siti", "Kenanga"));
    }

    @Test
    void deliveriesArePagedNewestFirst() {
        receiver = new Receiver();
        register(seller, receiver.url());
        for (int i = 0; i < 3; i++) {
            paid(Map.of(listing, 1));
        }
        List<String> all = awaitDeliveries(seller, 3).stream().map(d -> d.get("deliveryId").asString()).toList();

        JsonNode first = api.get(DELIVERIES + "?size=2").bearer(seller.token()).send().expect(200).json();
        assertThat(first.get("items").valueStream().map(d -> d.get("deliveryId").asString()))
            .containsExactlyElementsOf(all.subList(0, 2));
        String cursor = first.get("nextCursor").asString();
        JsonNode second = api.get(DELIVERIES + "?size=2&cursor=" + cursor)
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();
        assertThat(second.get("items").valueStream().map(d -> d.get("deliveryId").asString()))
            .containsExactly(all.get(2));
        assertThat(second.get("nextCursor").isNull()).isTrue();

        Api.Response foreign = api.get(DELIVERIES + "?cursor=bm90LW91cnM").bearer(seller.token()).send();
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("code").asString()).isEqualTo("INVALID_CURSOR");
    }

    @Test
    void theSecretIsShownOnceKeptByANewUrlAndReplacedByARotation() throws Exception {
        receiver = new Receiver();
        Api.Response created = api.put(WEBHOOK, Map.of("url", "http://127.0.0.1:9/old"))
            .bearer(seller.token())
            .send()
            .expect(201);
        String secret = created.json().get("secret").asString();
        assertThat(secret).matches("whsec_[A-Za-z0-9_-]{43}");
        assertThat(created.json().get("url").asString()).isEqualTo("http://127.0.0.1:9/old");
        assertThat(created.json().has("createdAt")).isTrue();

        Api.Response replaced = api.put(WEBHOOK, Map.of("url", receiver.url()))
            .bearer(seller.token())
            .send()
            .expect(200);
        assertThat(replaced.json().has("secret")).as(replaced.body()).isFalse();
        assertThat(replaced.json().get("url").asString()).isEqualTo(receiver.url());
        Api.Response shown = api.get(WEBHOOK).bearer(seller.token()).send().expect(200);
        assertThat(shown.json().get("url").asString()).isEqualTo(receiver.url());
        assertThat(shown.json().has("secret")).isFalse();
        assertThat(shown.body()).doesNotContain(secret, "whsec_");
        assertThat(new String(storedSecret(), StandardCharsets.ISO_8859_1)).as("encrypted at rest")
            .doesNotContain(secret, secret.substring(6));

        String rotated = api.post(WEBHOOK + "/secret", Map.of())
            .bearer(seller.token())
            .send()
            .expect(200)
            .json()
            .get("secret")
            .asString();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(api.get(WEBHOOK).bearer(seller.token()).send().body()).doesNotContain(rotated);

        paid(Map.of(listing, 1));
        awaitDeliveries(seller, 1);
        jobs.deliverDue();
        assertThat(receiver.received()).singleElement().satisfies(request -> {
            assertSignedWith(request, rotated);
            assertThat(signatureOf(request, secret)).as("not with the old secret")
                .isNotEqualTo(request.header("X-Pasar-Signature").split(",v1=")[1]);
        });
    }

    @Test
    void removingTheEndpointStopsItsPendingDeliveries() throws Exception {
        receiver = new Receiver();
        register(seller, receiver.url());
        paid(Map.of(listing, 1));
        String deliveryId = awaitDeliveries(seller, 1).get(0).get("deliveryId").asString();

        api.delete(WEBHOOK).bearer(seller.token()).send().expect(204);
        jobs.deliverDue();

        assertThat(receiver.received()).isEmpty();
        assertThat(delivery(deliveryId).get("state").asString()).isEqualTo("STOPPED");
        problem(api.get(WEBHOOK).bearer(seller.token()).send(), 404, "WEBHOOK_NOT_FOUND");
        problem(api.delete(WEBHOOK).bearer(seller.token()).send(), 404, "WEBHOOK_NOT_FOUND");
        problem(api.post(WEBHOOK + "/secret", Map.of()).bearer(seller.token()).send(), 404, "WEBHOOK_NOT_FOUND");
        paid(Map.of(listing, 1));
        await().during(Duration.ofSeconds(1))
            .atMost(Duration.ofSeconds(3))
            .untilAsserted(() -> assertThat(deliveries(seller)).as("no endpoint, no delivery").hasSize(1));
    }

    @Test
    void urlsThatAreNotPublicHttpsAreRefusedAndNothingIsKept() {
        String token = seller.token();
        problem(api.put(WEBHOOK, "{\"url\": ").bearer(token).send(), 400, "MALFORMED_REQUEST");
        problem(api.put(WEBHOOK, Map.of("url", 5)).bearer(token).send(), 400, "MALFORMED_REQUEST");
        problem(api.put(WEBHOOK, Map.of("url", List.of("https://a.example"))).bearer(token).send(), 400,
                "MALFORMED_REQUEST");
        problem(api.put(WEBHOOK, Map.of()).bearer(token).send(), 400, "VALIDATION_FAILED");
        problem(api.put(WEBHOOK, Map.of("url", " ")).bearer(token).send(), 400, "VALIDATION_FAILED");
        Map<String, String> invalid = Map.of("https://toko.example.id/" + "a".repeat(2000), "TOO_LONG",
                "ftp://toko.example.id/hook", "NOT_HTTPS", "toko.example.id/hook", "NOT_HTTPS",
                "https://user:pass@toko.example.id/hook", "USER_INFO", "https://toko.example.id/hook#x", "FRAGMENT",
                "https://toko.example.id/%zz", "MALFORMED", "https:///hook", "NO_HOST", "https://tökö.example.id/",
                "NOT_ASCII");
        invalid.forEach((url,
                rule) -> assertThat(
                        problem(api.put(WEBHOOK, Map.of("url", url)).bearer(token).send(), 422, "WEBHOOK_URL_INVALID")
                            .get("rule")
                            .asString())
                    .as(url)
                    .isEqualTo(rule));
        Map<String, String> notAllowed = Map.of("https://169.254.169.254/latest/meta-data", "link-local",
                "https://10.0.0.1/", "private", "https://192.168.1.1/", "private", "https://100.64.0.1/",
                "shared (CGNAT)", "https://[fd00:ec2::254]/", "private", "https://[::ffff:169.254.169.254]/",
                "link-local", "https://0.0.0.0/", "unspecified", "https://[fe80::1]/", "link-local");
        notAllowed.forEach((url, kind) -> assertThat(
                problem(api.put(WEBHOOK, Map.of("url", url)).bearer(token).send(), 422, "WEBHOOK_URL_NOT_ALLOWED")
                    .get("addressKind")
                    .asString())
            .as(url)
            .isEqualTo(kind));
        problem(api.put(WEBHOOK, "{\"url\": \"https://a.example/\\u0007\"}").bearer(token).send(), 400,
                "INVALID_CHARACTER");
        problem(api.get(WEBHOOK).bearer(token).send(), 404, "WEBHOOK_NOT_FOUND");
    }

    @Test
    void aSellerAccountThatHasNotAppliedHasNoWebhook() {
        String notApplied = api.newAccount("SELLER");
        problem(api.put(WEBHOOK, Map.of("url", "http://127.0.0.1:9/")).bearer(notApplied).send(), 404,
                "SELLER_NOT_FOUND");
        problem(api.get(WEBHOOK).bearer(notApplied).send(), 404, "SELLER_NOT_FOUND");
        problem(api.get(DELIVERIES).bearer(notApplied).send(), 404, "SELLER_NOT_FOUND");
    }

    private String register(Seller owner, String url) {
        return api.put(WEBHOOK, Map.of("url", url))
            .bearer(owner.token())
            .send()
            .expect(201)
            .json()
            .get("secret")
            .asString();
    }

    private JsonNode paid(Map<String, Integer> quantities) {
        String orderId = place(api, shopper, order(quantities)).expect(201).json().get("orderId").asString();
        api.post("/api/v1/payments/notifications", notification(orderId, "settlement", grossOf(api, shopper, orderId)))
            .send()
            .expect(200);
        JsonNode order = api.get("/api/v1/orders/" + orderId).bearer(shopper).send().expect(200).json();
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        return order;
    }

    private static String partOf(JsonNode order, Seller seller) {
        return order.get("sellerOrders")
            .valueStream()
            .filter(s -> s.get("sellerId").asString().equals(seller.sellerId()))
            .findFirst()
            .orElseThrow()
            .get("sellerOrderId")
            .asString();
    }

    private List<JsonNode> deliveries(Seller owner) {
        return api.allItems(DELIVERIES, owner.token());
    }

    /**
     * The seller's deliveries once there are {@code count} (events arrive after commit).
     */
    private List<JsonNode> awaitDeliveries(Seller owner, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(owner), list -> list.size() == count);
    }

    private JsonNode delivery(String deliveryId) {
        return api.get(DELIVERIES + "/" + deliveryId).bearer(seller.token()).send().expect(200).json();
    }

    private JsonNode bodyOf(String type) {
        return receiver.received()
            .stream()
            .filter(r -> type.equals(r.header("X-Pasar-Event")))
            .map(r -> JSON.readTree(r.text()))
            .findFirst()
            .orElseThrow();
    }

    /**
     * The signature as docs/webhooks.md tells a seller to check it, written here
     * independently of the application's code.
     */
    private static void assertSignedWith(Receiver.Received request, String secret) {
        String header = request.header("X-Pasar-Signature");
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        long t = Long.parseLong(header.substring(2, header.indexOf(',')));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).as("a fresh timestamp").isLessThan(300);
        assertThat(header.substring(header.indexOf(",v1=") + 4)).isEqualTo(signatureOf(request, secret));
    }

    private static String signatureOf(Receiver.Received request, String secret) {
        String header = request.header("X-Pasar-Signature");
        String t = header.substring(2, header.indexOf(','));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(request.body()));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode problem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).as(response.body()).isEqualTo(code);
        return problem;
    }

    private void dueNow(String deliveryId) throws Exception {
        sql("UPDATE webhooks.deliveries SET next_attempt_at = now() WHERE id = ? AND state = 'PENDING'", deliveryId);
    }

    private static void sql(String statement, String id) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, UUID.fromString(id));
            assertThat(update.executeUpdate()).as(statement).isEqualTo(1);
        }
    }

    private byte[] storedSecret() throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement query = connection
                    .prepareStatement("SELECT secret FROM webhooks.endpoints WHERE seller_id = ?")) {
            query.setObject(1, UUID.fromString(seller.sellerId()));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    private static int incompletePublicationsAbout(String id) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM gateway.event_publication "
                        + "WHERE completion_date IS NULL AND serialized_event LIKE ?")) {
            query.setString(1, "%" + id + "%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

}
