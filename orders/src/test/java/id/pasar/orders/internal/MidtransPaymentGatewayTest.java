package id.pasar.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import id.pasar.kernel.ProblemException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Midtrans adapter against a local stub that answers Midtrans' documented shapes and
 * records what it was sent (auth header, body).
 */
class MidtransPaymentGatewayTest {

    static final String SERVER_KEY = "SB-Mid-server-test";

    static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");

    static final JsonMapper JSON = JsonMapper.builder().build();

    HttpServer server;

    final List<Recorded> requests = new CopyOnWriteArrayList<>();

    /** The answer per path: HTTP status and body. */
    final Map<String, Map.Entry<Integer, String>> answers = new ConcurrentHashMap<>();

    MidtransPaymentGateway gateway;

    record Recorded(String method, String path, String authorization, JsonNode body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    body.isEmpty() ? null : JSON.readTree(body)));
            Map.Entry<Integer, String> answer = answers.getOrDefault(exchange.getRequestURI().getPath(),
                    Map.entry(404, "{\"status_code\":\"404\",\"status_message\":\"not found\"}"));
            byte[] bytes = answer.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.getKey(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        gateway = new MidtransPaymentGateway("http://127.0.0.1:" + server.getAddress().getPort(), SERVER_KEY,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aBcaTransferIsChargedWithBasicAuthAndAnswersTheVaNumber() {
        answers.put("/v2/charge", Map.entry(200, """
                {"status_code":"201","status_message":"Success, Bank Transfer transaction is created",
                 "transaction_id":"9aed5972","order_id":"o-1","gross_amount":"150000.00","payment_type":"bank_transfer",
                 "transaction_status":"pending","fraud_status":"accept",
                 "va_numbers":[{"bank":"bca","va_number":"12208123456789"}]}"""));
        PaymentGateway.Instructions instructions = gateway.charge(new PaymentGateway.Charge("o-1", 150_000,
                PaymentMethod.BANK_TRANSFER, "BCA", NOW.plus(Duration.ofMinutes(30))));
        assertThat(instructions.vaNumber()).isEqualTo("12208123456789");

        Recorded sent = requests.get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.authorization()).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString((SERVER_KEY + ":").getBytes(StandardCharsets.UTF_8)));
        assertThat(sent.body().get("payment_type").asString()).isEqualTo("bank_transfer");
        assertThat(sent.body().get("bank_transfer").get("bank").asString()).isEqualTo("bca");
        assertThat(sent.body().get("transaction_details").get("order_id").asString()).isEqualTo("o-1");
        assertThat(sent.body().get("transaction_details").get("gross_amount").asLong()).isEqualTo(150_000);
        assertThat(sent.body().get("custom_expiry").get("expiry_duration").asLong()).isEqualTo(30);
        assertThat(sent.body().get("custom_expiry").get("unit").asString()).isEqualTo("minute");
        assertThat(sent.body().get("custom_expiry").get("order_time").asString())
            .isEqualTo("2026-03-01 10:00:00 +0700");
    }

    @Test
    void permataMandiriQrisGopayAndShopeepayUseTheirOwnShapes() {
        answers.put("/v2/charge", Map.entry(200, """
                {"status_code":"201","permata_va_number":"8778000002332015"}"""));
        assertThat(charge(PaymentMethod.BANK_TRANSFER, "PERMATA").vaNumber()).isEqualTo("8778000002332015");
        assertThat(lastBody().get("bank_transfer").get("bank").asString()).isEqualTo("permata");

        answers.put("/v2/charge", Map.entry(200, """
                {"status_code":"201","payment_type":"echannel","bill_key":"990000000260","biller_code":"70012"}"""));
        PaymentGateway.Instructions mandiri = charge(PaymentMethod.BANK_TRANSFER, "MANDIRI");
        assertThat(mandiri.billKey()).isEqualTo("990000000260");
        assertThat(mandiri.billerCode()).isEqualTo("70012");
        assertThat(lastBody().get("payment_type").asString()).isEqualTo("echannel");
        assertThat(lastBody().get("echannel").get("bill_info1").asString()).isNotBlank();

        answers.put("/v2/charge", Map.entry(200, """
                {"status_code":"201","payment_type":"qris","qr_string":"00020101021226...6304ABCD","acquirer":"gopay",
                 "actions":[{"name":"generate-qr-code","method":"GET","url":"https://x/qr-code"}]}"""));
        assertThat(charge(PaymentMethod.QRIS, null).qrString()).isEqualTo("00020101021226...6304ABCD");
        assertThat(lastBody().get("payment_type").asString()).isEqualTo("qris");

        answers.put("/v2/charge", Map.entry(200, """
                {"status_code":"201","payment_type":"gopay","actions":[
                 {"name":"generate-qr-code","method":"GET","url":"https://api.midtrans.com/v2/gopay/1/qr-code"},
                 {"name":"deeplink-redirect","method":"GET","url":"gojek://gopay/merchanttransfer?tref=1"}]}"""));
        assertThat(charge(PaymentMethod.EWALLET, "GOPAY").deeplink())
            .isEqualTo("gojek://gopay/merchanttransfer?tref=1");
        assertThat(lastBody().get("payment_type").asString()).isEqualTo("gopay");

        answers.put("/v2/charge", Map.entry(200, """
                {"status_code":"201","payment_type":"shopeepay","actions":[
                 {"name":"deeplink-redirect","method":"GET","url":"https://wsa.wallet.airpay.co.id/pay?token=x"}]}"""));
        assertThat(charge(PaymentMethod.EWALLET, "SHOPEEPAY").deeplink()).startsWith("https://wsa.wallet.airpay");
        assertThat(lastBody().get("payment_type").asString()).isEqualTo("shopeepay");
    }

    @Test
    void ovoAndDanaAreNotCoreApiMethods() {
        assertThatThrownBy(() -> charge(PaymentMethod.EWALLET, "OVO")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.getBody().getProperties()).containsEntry("code", "PAYMENT_METHOD_UNSUPPORTED"));
        assertThatThrownBy(() -> charge(PaymentMethod.EWALLET, "DANA")).isInstanceOf(ProblemException.class);
        assertThat(requests).isEmpty();
    }

    @Test
    void aGatewayDownIs503AndARefusalIs502() {
        answers.put("/v2/charge", Map.entry(200, """
                {"status_code":"500","status_message":"Sorry. Our system is recovering from unexpected issues."}"""));
        assertThatThrownBy(() -> charge(PaymentMethod.QRIS, null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
        answers.put("/v2/charge", Map.entry(503, "<html>down</html>"));
        assertThatThrownBy(() -> charge(PaymentMethod.QRIS, null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(503));
        answers.put("/v2/charge", Map.entry(200, """
                {"status_code":"406","status_message":"The request could not be completed due to a conflict"}"""));
        assertThatThrownBy(() -> charge(PaymentMethod.QRIS, null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.getStatusCode().value()).isEqualTo(502));
        server.stop(0);
        assertThatThrownBy(() -> charge(PaymentMethod.QRIS, null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.getBody().getProperties()).containsEntry("code", "PAYMENT_GATEWAY_UNAVAILABLE"));
    }

    @Test
    void statusCancelAndRefundSpeakTheCoreApi() {
        answers.put("/v2/o-1/status", Map.entry(200, """
                {"status_code":"200","transaction_status":"settlement","fraud_status":"accept",
                 "gross_amount":"150000.00","order_id":"o-1"}"""));
        PaymentGateway.TransactionStatus status = gateway.status("o-1");
        assertThat(status).isEqualTo(new PaymentGateway.TransactionStatus("200", "settlement", "accept", "150000.00"));
        assertThat(requests.get(0).method()).isEqualTo("GET");

        answers.put("/v2/o-1/cancel", Map.entry(200, """
                {"status_code":"412","status_message":"Merchant cannot modify the status of the transaction"}"""));
        gateway.cancel("o-1");
        assertThat(requests.get(1).path()).isEqualTo("/v2/o-1/cancel");

        answers.put("/v2/o-1/refund", Map.entry(200, """
                {"status_code":"200","status_message":"Success, refund request is approved","refund_amount":"50000.00",
                 "refund_key":"r-1"}"""));
        assertThat(gateway.refund("o-1", "r-1", 50_000, "seller cancelled"))
            .isInstanceOf(PaymentGateway.RefundResult.Succeeded.class);
        JsonNode refund = requests.get(2).body();
        assertThat(refund.get("refund_key").asString()).isEqualTo("r-1");
        assertThat(refund.get("amount").asLong()).isEqualTo(50_000);
        assertThat(refund.get("reason").asString()).isEqualTo("seller cancelled");

        answers.put("/v2/o-1/refund", Map.entry(200, """
                {"status_code":"412","status_message":"Transaction status cannot be updated"}"""));
        assertThat(gateway.refund("o-1", "r-2", 50_000, "x")).isInstanceOfSatisfying(
                PaymentGateway.RefundResult.Failed.class, f -> assertThat(f.reason()).contains("412"));
        server.stop(0);
        assertThat(gateway.refund("o-1", "r-2", 50_000, "x")).isInstanceOf(PaymentGateway.RefundResult.Failed.class);
    }

    private PaymentGateway.Instructions charge(PaymentMethod method, String channel) {
        return gateway
            .charge(new PaymentGateway.Charge("o-1", 150_000, method, channel, NOW.plus(Duration.ofMinutes(30))));
    }

    private JsonNode lastBody() {
        return requests.get(requests.size() - 1).body();
    }

}
