package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderFixtures.notification;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on the {@code midtrans} adapter, against a local stub of the Core API:
 * a payment is charged there, a settlement pays only once the status API confirms it, and
 * a gateway that is down is a 503 problem. (A context of its own: it starts once more.)
 */
@IntegrationTest
class MidtransPaymentsTest {

    static final HttpServer STUB = stub();

    /** The answer per path. */
    static final Map<String, String> ANSWERS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void midtrans(DynamicPropertyRegistry registry) {
        registry.add("pasar.orders.payment-gateway", () -> "midtrans");
        registry.add("pasar.orders.midtrans-base-url", () -> "http://127.0.0.1:" + STUB.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        STUB.stop(0);
    }

    @Test
    void aSettlementPaysOnlyWhenTheStatusApiConfirmsIt() {
        Api api = new Api(port);
        String shopper = api.newAccount("SHOPPER");
        String listing = listingWithStock(api, CatalogFixtures.verifiedSeller(api), 5, 45_000);
        String orderId = place(api, shopper, order(listing, 1)).expect(201).json().get("orderId").asString();
        String gross = OrderFixtures.grossOf(api, shopper, orderId);
        ANSWERS.put("/v2/charge",
                """
                        {"status_code":"201","transaction_status":"pending","va_numbers":[{"bank":"bni","va_number":"9880123456789012"}]}""");
        Api.Response started = api
            .post("/api/v1/orders/" + orderId + "/payments", Map.of("method", "BANK_TRANSFER", "bank", "BNI"))
            .bearer(shopper)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send()
            .expect(201);
        assertThat(started.json().get("vaNumber").asString()).isEqualTo("9880123456789012");

        ANSWERS.put("/v2/" + orderId + "/status", """
                {"status_code":"201","transaction_status":"pending","gross_amount":"%s"}""".formatted(gross));
        Api.Response unconfirmed = api
            .post("/api/v1/payments/notifications", notification(orderId, "settlement", gross))
            .send()
            .expect(422);
        assertThat(unconfirmed.json().get("code").asString()).isEqualTo("NOTIFICATION_NOT_CONFIRMED");
        assertThat(status(api, shopper, orderId)).isEqualTo("PENDING_PAYMENT");

        ANSWERS.put("/v2/" + orderId + "/status", """
                {"status_code":"200","transaction_status":"settlement","fraud_status":"accept","gross_amount":"%s"}"""
            .formatted(gross));
        api.post("/api/v1/payments/notifications", notification(orderId, "settlement", gross)).send().expect(200);
        assertThat(status(api, shopper, orderId)).isEqualTo("PAID");
        // no sandbox here
        api.post("/api/v1/sandbox/payments/" + started.json().get("paymentId").asString() + "/settle", Map.of())
            .bearer(shopper)
            .send()
            .expect(404);
    }

    @Test
    void aGatewayThatIsDownIsA503ProblemAndTheKeyMayTryAgain() {
        Api api = new Api(port);
        String shopper = api.newAccount("SHOPPER");
        String listing = listingWithStock(api, CatalogFixtures.verifiedSeller(api), 5, 15_000);
        String orderId = place(api, shopper, order(listing, 1)).expect(201).json().get("orderId").asString();
        ANSWERS.put("/v2/charge", """
                {"status_code":"503","status_message":"Midtrans is under maintenance"}""");
        String key = UUID.randomUUID().toString();
        Api.Response down = api.post("/api/v1/orders/" + orderId + "/payments", Map.of("method", "QRIS"))
            .bearer(shopper)
            .header("Idempotency-Key", key)
            .send()
            .expect(503);
        assertThat(down.json().get("code").asString()).isEqualTo("PAYMENT_GATEWAY_UNAVAILABLE");
        Api.Response ovo = api
            .post("/api/v1/orders/" + orderId + "/payments", Map.of("method", "EWALLET", "ewallet", "OVO"))
            .bearer(shopper)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send()
            .expect(422);
        assertThat(ovo.json().get("code").asString()).isEqualTo("PAYMENT_METHOD_UNSUPPORTED");

        ANSWERS.put("/v2/charge", """
                {"status_code":"201","qr_string":"00020101021226570011ID.DANA.WWW6304ABCD"}""");
        api.post("/api/v1/orders/" + orderId + "/payments", Map.of("method", "QRIS"))
            .bearer(shopper)
            .header("Idempotency-Key", key)
            .send()
            .expect(201);
    }

    private static String status(Api api, String shopper, String orderId) {
        return api.get("/api/v1/orders/" + orderId).bearer(shopper).send().expect(200).json().get("status").asString();
    }

    private static HttpServer stub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                String answer = auth != null && auth.startsWith("Basic ")
                        ? ANSWERS.getOrDefault(exchange.getRequestURI().getPath(), "{\"status_code\":\"404\"}")
                        : "{\"status_code\":\"401\"}";
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
