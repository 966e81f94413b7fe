package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.TestApplicationInitializer;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.orders.internal.OrderBook;
import id.pasar.orders.internal.Refund;
import id.pasar.orders.internal.RefundJobs;
import id.pasar.orders.internal.Refunds;
import id.pasar.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Starting payments on the sandbox gateway, settling them through signed notifications,
 * the notifications refused (and recorded), and refunds of money that came too late.
 */
@IntegrationTest
class PaymentsTest {

    @LocalServerPort
    int port;

    @Autowired
    OrderBook book;

    @Autowired
    Refunds refunds;

    @Autowired
    RefundJobs refundJobs;

    @Autowired
    TransactionTemplate transactions;

    Api api;

    Seller seller;

    String shopper;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        seller = CatalogFixtures.verifiedSeller(api);
        shopper = api.newAccount("SHOPPER");
    }

    @Test
    void everyMethodGivesWellFormedInstructionsAndANewMethodReplacesThePendingOne() throws Exception {
        JsonNode placed = placeOrder(125_000);
        String orderId = placed.get("orderId").asString();

        JsonNode bca = start(orderId, Map.of("method", "BANK_TRANSFER", "bank", "BCA")).expect(201).json();
        assertThat(bca.get("vaNumber").asString()).matches("12208\\d{11}");
        assertThat(bca.get("method").asString()).isEqualTo("BANK_TRANSFER");
        assertThat(bca.get("bank").asString()).isEqualTo("BCA");
        long total = placed.get("totalIdr").asLong();
        assertThat(total).as("items and shipping").isGreaterThan(125_000);
        assertThat(bca.get("amountIdr").asLong()).isEqualTo(total);
        assertThat(bca.get("status").asString()).isEqualTo("PENDING");
        assertThat(OffsetDateTime.parse(bca.get("expiresAt").asString()).toInstant()).as("the order's")
            .isCloseTo(OffsetDateTime.parse(placed.get("expiresAt").asString()).toInstant(),
                    within(1, ChronoUnit.MILLIS));

        assertThat(start(orderId, Map.of("method", "BANK_TRANSFER", "bank", "BNI")).expect(201)
            .json()
            .get("vaNumber")
            .asString()).matches("8\\d{15}");
        JsonNode mandiri = start(orderId, Map.of("method", "BANK_TRANSFER", "bank", "MANDIRI")).expect(201).json();
        assertThat(mandiri.get("billKey").asString()).matches("\\d{12}");
        assertThat(mandiri.get("billerCode").asString()).isEqualTo("70012");
        assertThat(mandiri.has("vaNumber")).isFalse();

        String qr = start(orderId, Map.of("method", "QRIS")).expect(201).json().get("qrString").asString();
        assertThat(qr).startsWith("000201010212")
            .contains("5303360")
            .contains("54" + String.format("%02d", String.valueOf(total).length()) + total)
            .contains("5802ID");
        assertThat(qr.substring(qr.length() - 8, qr.length() - 4)).isEqualTo("6304");
        assertThat(qr.substring(qr.length() - 4))
            .isEqualTo(String.format(Locale.ROOT, "%04X", crc16(qr.substring(0, qr.length() - 4))));

        assertThat(start(orderId, Map.of("method", "EWALLET", "ewallet", "SHOPEEPAY")).expect(201)
            .json()
            .get("deeplink")
            .asString()).startsWith("https://");
        JsonNode gopay = start(orderId, Map.of("method", "EWALLET", "ewallet", "gopay")).expect(201).json();
        assertThat(gopay.get("deeplink").asString()).startsWith("gojek://");
        assertThat(gopay.get("ewallet").asString()).isEqualTo("GOPAY");

        List<JsonNode> attempts = list(
                api.get("/api/v1/orders/" + orderId + "/payments").bearer(shopper).send().expect(200).json());
        assertThat(attempts).hasSize(6);
        assertThat(attempts.get(0).get("paymentId").asString()).isEqualTo(gopay.get("paymentId").asString());
        assertThat(attempts.stream().map(a -> a.get("status").asString())).containsExactly("PENDING", "REPLACED",
                "REPLACED", "REPLACED", "REPLACED", "REPLACED");
        assertThat(gatewayOrderIds(orderId)).containsExactly(orderId, orderId + "-2", orderId + "-3", orderId + "-4",
                orderId + "-5", orderId + "-6");
    }

    @Test
    void theSameKeyReplaysAnotherBodyUnderItIsRefusedAndOthersOrdersAreNotFound() {
        String orderId = placeOrder(50_000).get("orderId").asString();
        String key = UUID.randomUUID().toString();
        Api.Response first = start(orderId, Map.of("method", "QRIS"), key).expect(201);
        Api.Response replay = start(orderId, Map.of("method", "QRIS"), key).expect(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(list(api.get("/api/v1/orders/" + orderId + "/payments").bearer(shopper).send().json())).hasSize(1);
        Api.Response reused = start(orderId, Map.of("method", "BANK_TRANSFER", "bank", "BRI"), key).expect(422);
        assertThat(reused.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        String other = api.newAccount("SHOPPER");
        api.post("/api/v1/orders/" + orderId + "/payments", Map.of("method", "QRIS"))
            .bearer(other)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send()
            .expect(404);
        api.get("/api/v1/orders/" + orderId + "/payments").bearer(other).send().expect(404);
        api.post("/api/v1/sandbox/payments/" + first.json().get("paymentId").asString() + "/settle", Map.of())
            .bearer(other)
            .send()
            .expect(404);
    }

    @Test
    void aBadMethodBankOrEwalletIsRefusedNamingTheField() {
        String orderId = placeOrder(50_000).get("orderId").asString();
        assertField(start(orderId, Map.of("method", "BANK_TRANSFER")), "bank");
        assertField(start(orderId, Map.of("method", "BANK_TRANSFER", "bank", "JAGO")), "bank");
        assertField(start(orderId, Map.of("method", "EWALLET", "ewallet", "PAYPAL")), "ewallet");
        assertField(start(orderId, Map.of("method", "CASH")), "method");
        api.post("/api/v1/orders/" + orderId + "/payments", Map.of("method", "QRIS"))
            .bearer(shopper)
            .send()
            .expect(400);
    }

    @Test
    void theSandboxSettlesThroughASignedNotificationAndAPaidOrderTakesNoNewPayment() throws Exception {
        String orderId = placeOrder(80_000).get("orderId").asString();
        String paymentId = start(orderId, Map.of("method", "BANK_TRANSFER", "bank", "PERMATA")).expect(201)
            .json()
            .get("paymentId")
            .asString();
        JsonNode settled = api.post("/api/v1/sandbox/payments/" + paymentId + "/settle", Map.of())
            .bearer(shopper)
            .send()
            .expect(200)
            .json();
        assertThat(settled.get("result").asString()).isEqualTo("PAID");
        assertThat(status(orderId)).isEqualTo("PAID");
        assertThat(notifications(orderId)).containsExactly("settlement 200 true PAID");
        assertThat(list(api.get("/api/v1/orders/" + orderId + "/payments").bearer(shopper).send().json()).get(0)
            .get("status")
            .asString()).isEqualTo("PAID");

        Api.Response paid = start(orderId, Map.of("method", "QRIS")).expect(409);
        assertThat(paid.json().get("code").asString()).isEqualTo("INVALID_STATE");
        assertThat(paid.json().get("state").asString()).isEqualTo("PAID");
        // an ADMIN may settle too; a repeat changes nothing
        assertThat(api.post("/api/v1/sandbox/payments/" + paymentId + "/settle", Map.of())
            .bearer(api.adminToken())
            .send()
            .expect(200)
            .json()
            .get("result")
            .asString()).isEqualTo("UNCHANGED");
        assertThat(refunds.ofOrder(UUID.fromString(orderId))).isEmpty();
    }

    @Test
    void refusedNotificationsChangeNothingAndAreRecordedWithTheirReason() throws Exception {
        JsonNode placed = placeOrder(70_000);
        String orderId = placed.get("orderId").asString();
        String gross = placed.get("totalIdr").asLong() + ".00";

        Api.Response replayed = notify(orderId, "201", gross, "settlement", null, KEY).expect(422);
        assertThat(replayed.json().get("code").asString()).isEqualTo("NOTIFICATION_INCONSISTENT");
        notify(orderId, "200", gross, "settlement", null, "guessed-key").expect(401);
        Api.Response mismatch = notify(orderId, "200", "7000.00", "settlement", null, KEY).expect(422);
        assertThat(mismatch.json().get("code").asString()).isEqualTo("PAYMENT_AMOUNT_MISMATCH");
        assertThat(
                notify(orderId, "200", gross, "capture", "challenge", KEY).expect(200).json().get("result").asString())
            .isEqualTo("NOT_PAID");
        notify(UUID.randomUUID().toString(), "200", gross, "settlement", null, KEY).expect(404);
        assertThat(status(orderId)).isEqualTo("PENDING_PAYMENT");

        assertThat(notifications(orderId)).containsExactly("settlement 201 true INCONSISTENT_STATUS",
                "settlement 200 false BAD_SIGNATURE", "settlement 200 true AMOUNT_MISMATCH",
                "capture 200 true NOT_PAID");

        assertThat(notify(orderId, "200", gross, "capture", "accept", KEY).expect(200).json().get("result").asString())
            .isEqualTo("PAID");
    }

    @Test
    void aSettlementAfterExpiryIsRefundedOnceAndTheJobSendsIt() throws Exception {
        Seller other = CatalogFixtures.verifiedSeller(api);
        String a = listingWithStock(api, seller, 5, 30_000);
        String b = listingWithStock(api, other, 5, 20_000);
        JsonNode placed = place(api, shopper, order(Map.of(a, 1, b, 2))).expect(201).json();
        String orderId = placed.get("orderId").asString();
        String paymentId = start(orderId, Map.of("method", "QRIS")).expect(201).json().get("paymentId").asString();
        try (Connection connection = TestDatabase.instance().connect()) {
            connection.createStatement()
                .executeUpdate("UPDATE orders.orders SET expires_at = now() - interval '1 minute' WHERE id = '"
                        + orderId + "'");
        }
        assertThat(book.expire(UUID.fromString(orderId))).isTrue();

        assertThat(settle(paymentId)).isEqualTo("REFUND_REQUESTED");
        assertThat(settle(paymentId)).isEqualTo("UNCHANGED");
        assertThat(status(orderId)).isEqualTo("EXPIRED");
        List<Refund> requested = refunds.ofOrder(UUID.fromString(orderId));
        assertThat(requested).hasSize(2).allMatch(r -> r.state().equals("REQUESTED"));
        assertThat(requested.stream().mapToLong(Refund::amountIdr).sum()).as("items and shipping, whole")
            .isEqualTo(placed.get("totalIdr").asLong());

        refundJobs.sendDueRefunds();
        assertThat(refunds.ofOrder(UUID.fromString(orderId))).hasSize(2)
            .allMatch(r -> r.state().equals("SUCCEEDED") && r.attempts() == 1 && r.succeededAt() != null);
        assertThat(settle(paymentId)).isEqualTo("UNCHANGED");
        assertThat(refunds.ofOrder(UUID.fromString(orderId))).hasSize(2);
    }

    @Test
    void aSettlementOfAReplacedPaymentOfAPaidOrderIsRefunded() {
        String orderId = placeOrder(40_000).get("orderId").asString();
        String replaced = start(orderId, Map.of("method", "QRIS")).expect(201).json().get("paymentId").asString();
        String current = start(orderId, Map.of("method", "EWALLET", "ewallet", "DANA")).expect(201)
            .json()
            .get("paymentId")
            .asString();
        assertThat(settle(current)).isEqualTo("PAID");
        assertThat(settle(replaced)).isEqualTo("REFUND_REQUESTED");
        assertThat(settle(replaced)).isEqualTo("UNCHANGED");
        List<Refund> requested = refunds.ofOrder(UUID.fromString(orderId));
        assertThat(requested).singleElement()
            .satisfies(r -> assertThat(r.reason()).startsWith("DUPLICATE_PAYMENT"))
            .satisfies(r -> assertThat(r.gatewayOrderId()).isEqualTo(orderId));
        assertThat(status(orderId)).isEqualTo("PAID");
    }

    @Test
    void aFailingRefundGoesFailedAndIsRetriedAfterItsBackoff() throws Exception {
        JsonNode placed = placeOrder(60_000);
        String orderId = placed.get("orderId").asString();
        UUID sellerOrderId = UUID.fromString(placed.get("sellerOrders").get(0).get("sellerOrderId").asString());
        String paymentId = start(orderId, Map.of("method", "QRIS")).expect(201).json().get("paymentId").asString();
        assertThat(settle(paymentId)).isEqualTo("PAID");

        Refund refund = transactions.execute(tx -> refunds.request(UUID.fromString(orderId), sellerOrderId, 60_000,
                "seller cancelled SANDBOX_FAIL"));
        Refund again = transactions
            .execute(tx -> refunds.request(UUID.fromString(orderId), sellerOrderId, 60_000, "seller cancelled"));
        assertThat(again.id()).isEqualTo(refund.id());
        assertThat(refund.gatewayOrderId()).isEqualTo(orderId);

        refundJobs.sendDueRefunds();
        Refund failed = refunds.ofOrder(UUID.fromString(orderId)).get(0);
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastFailure()).contains("SANDBOX_FAIL");
        refundJobs.sendDueRefunds();
        assertThat(refunds.ofOrder(UUID.fromString(orderId)).get(0).attempts()).as("not before its backoff")
            .isEqualTo(1);

        try (Connection connection = TestDatabase.instance().connect()) {
            connection.createStatement()
                .executeUpdate("UPDATE orders.refunds SET next_attempt_at = now() - interval '1 second', "
                        + "reason = 'seller cancelled' WHERE id = '" + refund.id() + "'");
        }
        refundJobs.sendDueRefunds();
        Refund retried = refunds.ofOrder(UUID.fromString(orderId)).get(0);
        assertThat(retried.state()).isEqualTo("SUCCEEDED");
        assertThat(retried.attempts()).isEqualTo(2);
    }

    private static final String KEY = TestApplicationInitializer.PAYMENT_SERVER_KEY;

    private JsonNode placeOrder(long price) {
        return place(api, shopper, order(listingWithStock(api, seller, 5, price), 1)).expect(201).json();
    }

    private Api.Response start(String orderId, Map<String, Object> body) {
        return start(orderId, body, UUID.randomUUID().toString());
    }

    private Api.Response start(String orderId, Map<String, Object> body, String key) {
        return api.post("/api/v1/orders/" + orderId + "/payments", body)
            .bearer(shopper)
            .header("Idempotency-Key", key)
            .send();
    }

    private String settle(String paymentId) {
        return api.post("/api/v1/sandbox/payments/" + paymentId + "/settle", Map.of())
            .bearer(shopper)
            .send()
            .expect(200)
            .json()
            .get("result")
            .asString();
    }

    private Api.Response notify(String orderId, String statusCode, String amount, String status, String fraud,
            String key) {
        Map<String, String> body = new HashMap<>(
                Map.of("order_id", orderId, "status_code", statusCode, "gross_amount", amount, "transaction_status",
                        status, "signature_key", OrderFixtures.sha512(orderId + statusCode + amount + key)));
        if (fraud != null) {
            body.put("fraud_status", fraud);
        }
        return api.post("/api/v1/payments/notifications", body).send();
    }

    private String status(String orderId) {
        return api.get("/api/v1/orders/" + orderId).bearer(shopper).send().expect(200).json().get("status").asString();
    }

    private static void assertField(Api.Response response, String field) {
        response.expect(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    /** "transaction_status status_code verified outcome" of each recorded, in order. */
    private static List<String> notifications(String gatewayOrderId) throws Exception {
        return strings("""
                SELECT transaction_status || ' ' || status_code || ' ' || verified || ' ' || outcome
                FROM orders.payment_notifications WHERE gateway_order_id = ? ORDER BY id""", gatewayOrderId);
    }

    private static List<String> gatewayOrderIds(String orderId) throws Exception {
        return strings("SELECT gateway_order_id FROM orders.payments WHERE order_id = ?::uuid ORDER BY attempt",
                orderId);
    }

    private static List<String> strings(String sql, String parameter) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString(1));
                }
            }
        }
        return rows;
    }

    private static int crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            for (int i = 0; i < 8; i++) {
                boolean bit = ((b >> (7 - i)) & 1) == 1;
                boolean top = ((crc >> 15) & 1) == 1;
                crc = (crc << 1) & 0xFFFF;
                if (bit ^ top) {
                    crc ^= 0x1021;
                }
            }
        }
        return crc;
    }

}
