package id.pasar.ledger;

import static id.pasar.ledger.LedgerFixtures.balance;
import static id.pasar.ledger.LedgerFixtures.number;
import static id.pasar.ledger.PayoutFixtures.PAYOUTS;
import static id.pasar.ledger.PayoutFixtures.credit;
import static id.pasar.ledger.PayoutFixtures.requestPayout;
import static id.pasar.ledger.PayoutFixtures.withBankAccount;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.ledger.internal.PayoutJobs;
import id.pasar.social.SocialFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application on the {@code iris} disbursement, against a local stub of the Midtrans
 * Payouts API built from its documented shapes: a payout is created there with the
 * creator's key and the payout's id as its idempotency key, approved with the approver's,
 * and ends by Iris's notification, which counts only when signed with the merchant key.
 * (A context of its own: it starts once more.)
 */
@IntegrationTest
class PayoutsIrisTest {

    static final String CREATOR_KEY = "IRIS-creator-" + UUID.randomUUID();

    static final String APPROVER_KEY = "IRIS-approver-" + UUID.randomUUID();

    static final String MERCHANT_KEY = "IRIS-merchant-" + UUID.randomUUID();

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Stub IRIS = new Stub();

    @LocalServerPort
    int port;

    @Autowired
    PayoutJobs jobs;

    Api api;

    Seller seller;

    @DynamicPropertySource
    static void iris(DynamicPropertyRegistry registry) {
        registry.add("pasar.ledger.disbursement", () -> "iris");
        registry.add("pasar.ledger.iris.base-url", () -> "http://127.0.0.1:" + IRIS.port() + "/iris");
        registry.add("pasar.ledger.iris.creator-key", () -> CREATOR_KEY);
        registry.add("pasar.ledger.iris.approver-key", () -> APPROVER_KEY);
        registry.add("pasar.ledger.iris.merchant-key", () -> MERCHANT_KEY);
    }

    @AfterAll
    static void stop() {
        IRIS.server.stop(0);
    }

    @BeforeEach
    void setUp() {
        api = new Api(port);
        seller = CatalogFixtures.verifiedSeller(api);
        credit(seller, 200_000);
        withBankAccount(api, seller, "0611223344");
    }

    @Test
    void aPayoutIsCreatedAtIrisAndPaidOnlyByASignedNotification() throws Exception {
        String payoutId = requestPayout(api, seller, 150_000, UUID.randomUUID().toString()).expect(201)
            .json()
            .get("payoutId")
            .asString();

        jobs.sendDuePayouts();

        Stub.Call create = IRIS.created(payoutId);
        assertThat(create.authorization()).isEqualTo(basic(CREATOR_KEY));
        JsonNode sent = JSON.readTree(create.body()).get("payouts").get(0);
        assertThat(sent.get("beneficiary_name").asString()).isEqualTo(PayoutFixtures.HOLDER);
        assertThat(sent.get("beneficiary_account").asString()).isEqualTo("0611223344");
        assertThat(sent.get("beneficiary_bank").asString()).isEqualTo("bca");
        assertThat(sent.get("amount").asString()).isEqualTo("150000.00");
        String reference = IRIS.referenceOf(payoutId);
        assertThat(IRIS.approvals).as("approved with the approver's key")
            .contains(basic(APPROVER_KEY) + " " + reference);
        JsonNode payout = api.get(PAYOUTS + "/" + payoutId).bearer(seller.token()).send().expect(200).json();
        assertThat(payout.get("state").asString()).isEqualTo("SENT");
        assertThat(balance(api, seller).get("payoutsInFlightIdr").asLong()).isEqualTo(150_000);

        String completed = notification(reference, "150000.00", "completed");
        Api.Response forged = notify(completed, irisSignatureOf(completed, "not-the-merchant-key")).expect(401);
        assertThat(forged.json().get("code").asString()).isEqualTo("INVALID_SIGNATURE");
        notify(completed, null).expect(401);
        notify(completed.replace("150000.00", "1500000.00"), irisSignatureOf(completed, MERCHANT_KEY)).expect(401);
        assertThat(state(payoutId)).as("nothing changed by unsigned notifications").isEqualTo("SENT");
        String unknown = notification("ref-" + UUID.randomUUID(), "150000.00", "completed");
        assertThat(notify(unknown, irisSignatureOf(unknown, MERCHANT_KEY)).expect(404).json().get("code").asString())
            .isEqualTo("PAYOUT_NOT_FOUND");

        assertThat(
                notify(completed, irisSignatureOf(completed, MERCHANT_KEY)).expect(200).json().get("result").asString())
            .isEqualTo("paid");
        assertThat(state(payoutId)).isEqualTo("PAID");
        // a replay, or a late "failed", changes nothing
        assertThat(
                notify(completed, irisSignatureOf(completed, MERCHANT_KEY)).expect(200).json().get("result").asString())
            .isEqualTo("ignored");
        String late = notification(reference, "150000.00", "failed");
        notify(late, irisSignatureOf(late, MERCHANT_KEY)).expect(200);
        assertThat(state(payoutId)).isEqualTo("PAID");
        assertThat(number("SELECT count(*) FROM ledger.transactions WHERE source_key IN (?, ?)",
                "payout-paid:" + payoutId, "payout-failed:" + payoutId))
            .isEqualTo(1);
        JsonNode after = balance(api, seller);
        assertThat(after.get("availableIdr").asLong()).isEqualTo(50_000);
        assertThat(after.get("payoutsInFlightIdr").asLong()).isZero();
    }

    @Test
    void aFailedTransferAtIrisReturnsTheMoney() {
        String payoutId = requestPayout(api, seller, 60_000, UUID.randomUUID().toString()).expect(201)
            .json()
            .get("payoutId")
            .asString();
        jobs.sendDuePayouts();
        String failed = notification(IRIS.referenceOf(payoutId), "60000.00", "failed");
        assertThat(notify(failed, irisSignatureOf(failed, MERCHANT_KEY)).expect(200).json().get("result").asString())
            .isEqualTo("failed");
        assertThat(state(payoutId)).isEqualTo("FAILED");
        assertThat(balance(api, seller).get("availableIdr").asLong()).isEqualTo(200_000);
    }

    @Test
    void aLostAnswerIsRetriedUnderTheSameKeyAndARefusalFailsThePayout() {
        String payoutId = requestPayout(api, seller, 40_000, UUID.randomUUID().toString()).expect(201)
            .json()
            .get("payoutId")
            .asString();
        // Iris creates the payout but its answer is lost: the payout stays REQUESTED
        IRIS.lose.add(payoutId);
        jobs.sendDuePayouts();
        assertThat(state(payoutId)).isEqualTo("REQUESTED");
        jobs.sendDuePayouts();
        assertThat(state(payoutId)).isEqualTo("SENT");
        assertThat(IRIS.calls.stream().filter(c -> payoutId.equals(c.idempotencyKey())).count())
            .as("sent twice, under one key")
            .isEqualTo(2);
        assertThat(IRIS.created.get(payoutId)).as("created at Iris once").isNotNull();
        assertThat(IRIS.creations.stream().filter(payoutId::equals).count()).isEqualTo(1);

        // an account Iris refuses: the payout fails at once, the money is back
        String refused = requestPayout(api, seller, 30_000, UUID.randomUUID().toString()).expect(201)
            .json()
            .get("payoutId")
            .asString();
        IRIS.refuse.add(refused);
        jobs.sendDuePayouts();
        assertThat(state(refused)).isEqualTo("FAILED");
        assertThat(balance(api, seller).get("availableIdr").asLong()).isEqualTo(200_000 - 40_000);
    }

    @Test
    void aCreatorsPayoutGoesThroughIrisAndItsNotificationsAsASellersDoes() {
        SocialFixtures.Creator creator = SocialFixtures.verifiedCreator(api);
        credit(creator, 100_000);
        withBankAccount(api, creator, "0699887766");
        String failing = requestPayout(api, creator, 70_000, UUID.randomUUID().toString()).expect(201)
            .json()
            .get("payoutId")
            .asString();
        jobs.sendDuePayouts();
        JsonNode sent = JSON.readTree(IRIS.created(failing).body()).get("payouts").get(0);
        assertThat(sent.get("beneficiary_name").asString()).isEqualTo(PayoutFixtures.HOLDER);
        assertThat(sent.get("beneficiary_account").asString()).isEqualTo("0699887766");
        String failed = notification(IRIS.referenceOf(failing), "70000.00", "failed");
        assertThat(notify(failed, irisSignatureOf(failed, MERCHANT_KEY)).expect(200).json().get("result").asString())
            .isEqualTo("failed");
        JsonNode back = api.get("/api/v1/creators/me/balance").bearer(creator.token()).send().expect(200).json();
        assertThat(back.get("availableIdr").asLong()).isEqualTo(100_000);
        assertThat(back.get("payoutsInFlightIdr").asLong()).isZero();

        String paying = requestPayout(api, creator, 90_000, UUID.randomUUID().toString()).expect(201)
            .json()
            .get("payoutId")
            .asString();
        jobs.sendDuePayouts();
        String completed = notification(IRIS.referenceOf(paying), "90000.00", "completed");
        assertThat(
                notify(completed, irisSignatureOf(completed, MERCHANT_KEY)).expect(200).json().get("result").asString())
            .isEqualTo("paid");
        JsonNode payout = api.get(PayoutFixtures.CREATOR_PAYOUTS + "/" + paying)
            .bearer(creator.token())
            .send()
            .expect(200)
            .json();
        assertThat(payout.get("state").asString()).isEqualTo("PAID");
        JsonNode after = api.get("/api/v1/creators/me/balance").bearer(creator.token()).send().expect(200).json();
        assertThat(after.get("availableIdr").asLong()).isEqualTo(10_000);
        assertThat(after.get("payoutsInFlightIdr").asLong()).isZero();
    }

    private String state(String payoutId) {
        return api.get(PAYOUTS + "/" + payoutId)
            .bearer(seller.token())
            .send()
            .expect(200)
            .json()
            .get("state")
            .asString();
    }

    private Api.Response notify(String body, String signature) {
        Api.Request request = api.post("/api/v1/payouts/notifications", body);
        if (signature != null) {
            request.header("Iris-Signature", signature);
        }
        return request.send();
    }

    private static String notification(String reference, String amount, String status) {
        return """
                {"reference_no":"%s","amount":"%s","status":"%s","updated_at":"2026-12-06T10:00:00Z"%s}""".formatted(
                reference, amount, status,
                "failed".equals(status) ? ",\"error_code\":\"001\",\"error_message\":\"Account closed\"" : "");
    }

    /** Written independently of the application's: hex SHA-512 of body + key. */
    private static String irisSignatureOf(String body, String key) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-512").digest((body + key).getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Iris's Payouts API as documented: create (201, queued, a reference_no; the same
     * X-Idempotency-Key answers the same payout), approve; a 400 for an account it
     * refuses.
     */
    static final class Stub {

        record Call(String path, String authorization, String idempotencyKey, String body) {
        }

        final HttpServer server;

        final List<Call> calls = new CopyOnWriteArrayList<>();

        /** Reference by idempotency key (the payout's id). */
        final Map<String, String> created = new ConcurrentHashMap<>();

        final List<String> creations = new CopyOnWriteArrayList<>();

        final List<String> approvals = new CopyOnWriteArrayList<>();

        /** Payouts whose next answer is lost (created, then a 504). */
        final ConcurrentLinkedQueue<String> lose = new ConcurrentLinkedQueue<>();

        /** Payouts whose account Iris refuses. */
        final ConcurrentLinkedQueue<String> refuse = new ConcurrentLinkedQueue<>();

        Stub() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/iris/api/v1/payouts", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                String key = exchange.getRequestHeaders().getFirst("X-Idempotency-Key");
                calls.add(new Call(path, authorization, key, body));
                int status;
                String answer;
                if (path.endsWith("/approve")) {
                    JsonNode references = JSON.readTree(body).get("reference_nos");
                    references.forEach(r -> approvals.add(authorization + " " + r.asString()));
                    status = basic(APPROVER_KEY).equals(authorization) ? 200 : 401;
                    answer = "{\"status\":\"ok\"}";
                }
                else if (!basic(CREATOR_KEY).equals(authorization)) {
                    status = 401;
                    answer = "{\"error_message\":\"Unauthorized\"}";
                }
                else if (key != null && refuse.remove(key)) {
                    status = 400;
                    answer = """
                            {"error_message":"An error occurred when creating payouts","errors":{"0":["Beneficiary account is not valid"]}}""";
                }
                else {
                    String reference = created.computeIfAbsent(key, k -> {
                        creations.add(k);
                        return "ref" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                    });
                    status = key != null && lose.remove(key) ? 504 : 201;
                    answer = status == 504 ? "<html>Gateway Timeout</html>" : """
                            {"payouts":[{"status":"queued","reference_no":"%s"}]}""".formatted(reference);
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        Call created(String payoutId) {
            return calls.stream()
                .filter(c -> payoutId.equals(c.idempotencyKey()) && c.path().endsWith("/payouts"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("payout " + payoutId + " never sent to Iris"));
        }

        String referenceOf(String payoutId) {
            return created.get(payoutId);
        }

    }

}
