package id.pasar.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Biteship adapter against a local stub that speaks Biteship's documented rate API
 * ({@code POST /v1/rates/couriers}) and checks what it is sent.
 */
class BiteshipRatesTest {

    static final String KEY = "biteship_test.key";

    /** A documented answer, trimmed: ours, others' and services we do not offer. */
    static final String PRICING = """
            { "success": true, "object": "courier_pricing", "message": "Success to retrieve courier pricing",
              "code": 20001003,
              "origin": { "postal_code": 55281 }, "destination": { "postal_code": 40115 },
              "pricing": [
                { "company": "jne", "courier_name": "JNE", "courier_code": "jne", "courier_service_name": "Reguler",
                  "courier_service_code": "reg", "type": "reg", "service_type": "standard",
                  "duration": "1 - 2 days", "shipment_duration_range": "1 - 2", "shipment_duration_unit": "days",
                  "price": 22000, "available_for_cash_on_delivery": true },
                { "company": "jne", "courier_code": "jne", "courier_service_code": "yes",
                  "shipment_duration_range": "1", "shipment_duration_unit": "days", "price": 38000 },
                { "company": "jne", "courier_code": "jne", "courier_service_code": "oke",
                  "shipment_duration_range": "2 - 3", "shipment_duration_unit": "days", "price": 18000 },
                { "company": "sicepat", "courier_code": "sicepat", "courier_service_code": "reg",
                  "shipment_duration_range": "1 - 2", "shipment_duration_unit": "days", "price": 20500.40 },
                { "company": "gojek", "courier_code": "gojek", "courier_service_code": "instant",
                  "shipment_duration_range": "1 - 3", "shipment_duration_unit": "hours", "price": 31000 },
                { "company": "grab", "courier_code": "grab", "courier_service_code": "instant",
                  "shipment_duration_range": "1 - 3", "shipment_duration_unit": "hours", "price": 30000 },
                { "company": "tiki", "courier_code": "tiki", "courier_service_code": "reg",
                  "shipment_duration_range": "3", "shipment_duration_unit": "days", "price": 19000 }
              ] }""";

    static final ShippingRates.Route ROUTE = new ShippingRates.Route("34.04", "55281", "32.73", "40115", 1_600,
            300_000);

    final JsonMapper json = JsonMapper.builder().build();

    HttpServer server;

    /** What the stub answers: a status and a body. */
    final AtomicReference<Object[]> answer = new AtomicReference<>(new Object[] { 200, PRICING });

    final AtomicReference<Received> received = new AtomicReference<>();

    /** Holds the stub's answer while set, to make the client time out. */
    final CountDownLatch released = new CountDownLatch(1);

    volatile boolean hold;

    record Received(String method, String path, String authorization, String contentType, JsonNode body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("authorization"),
                exchange.getRequestHeaders().getFirst("content-type"), json.readTree(body)));
        if (hold) {
            try {
                released.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Object[] reply = answer.get();
        byte[] bytes = ((String) reply[1]).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders((Integer) reply[0], bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    BiteshipRates adapter() {
        return new BiteshipRates(
                new ShippingProperties.Biteship(KEY, URI.create("http://localhost:" + server.getAddress().getPort()),
                        Duration.ofSeconds(1), Duration.ofMillis(500)),
                route -> {
                    throw new AssertionError("the table was asked");
                });
    }

    @Test
    void asksByPostalCodesAndMapsBiteshipServicesToOurs() {
        List<ShippingOption> options = adapter().rates(ROUTE);

        Received request = received.get();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/rates/couriers");
        assertThat(request.authorization()).isEqualTo(KEY);
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.body().get("origin_postal_code").asInt()).isEqualTo(55281);
        assertThat(request.body().get("destination_postal_code").asInt()).isEqualTo(40115);
        assertThat(request.body().get("couriers").asString().split(",")).contains("jne", "jnt", "sicepat", "pos",
                "gojek");
        JsonNode item = request.body().get("items").get(0);
        assertThat(item.get("weight").asLong()).isEqualTo(1_600);
        assertThat(item.get("value").asLong()).isEqualTo(300_000);
        assertThat(item.get("quantity").asInt()).isEqualTo(1);
        assertThat(item.get("name").asString()).isNotBlank();

        // jne oke, grab and tiki are not ours: dropped. A decimal price is rounded up to
        // the rupiah; hours are a day.
        assertThat(options).containsExactlyInAnyOrder(new ShippingOption("JNE", "REG", 22_000, 2),
                new ShippingOption("JNE", "YES", 38_000, 1), new ShippingOption("SICEPAT", "REG", 20_501, 2),
                new ShippingOption("GOSEND", "INSTANT", 31_000, 1));
    }

    @Test
    void aServerErrorIsServiceUnavailable() {
        answer.set(new Object[] { 502, "<html>Bad gateway</html>" });

        assertThatThrownBy(() -> adapter().rates(ROUTE)).isInstanceOfSatisfying(ShippingProblems.RatesUnavailable.class,
                problem -> {
                    assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.code()).isEqualTo("SHIPPING_RATES_UNAVAILABLE");
                });
    }

    @Test
    void aRefusalOfOurRequestIsServiceUnavailableToo() {
        // A wrong key or a route Biteship cannot price: not the shopper's fault.
        answer.set(new Object[] { 400, """
                { "success": false, "error": "Invalid authorization", "code": 40101001 }""" });

        assertThatThrownBy(() -> adapter().rates(ROUTE)).isInstanceOf(ShippingProblems.RatesUnavailable.class);
    }

    @Test
    void anUnsuccessfulOrUnreadableAnswerIsServiceUnavailable() {
        answer.set(new Object[] { 200, "{ \"success\": false }" });
        assertThatThrownBy(() -> adapter().rates(ROUTE)).isInstanceOf(ShippingProblems.RatesUnavailable.class);

        answer.set(new Object[] { 200, "{ \"success\": true, \"pricing\": [ " });
        assertThatThrownBy(() -> adapter().rates(ROUTE)).isInstanceOf(ShippingProblems.RatesUnavailable.class);
    }

    @Test
    void aSlowAnswerTimesOutAsServiceUnavailable() {
        hold = true;
        long started = System.nanoTime();

        assertThatThrownBy(() -> adapter().rates(ROUTE)).isInstanceOf(ShippingProblems.RatesUnavailable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRouteWithoutPostalCodesIsPricedByTheTable() {
        BiteshipRates adapter = new BiteshipRates(
                new ShippingProperties.Biteship(KEY, URI.create("http://localhost:" + server.getAddress().getPort()),
                        Duration.ofSeconds(1), Duration.ofMillis(500)),
                new RateTable());

        List<ShippingOption> options = adapter
            .rates(new ShippingRates.Route("34.04", null, "32.73", "40115", 1_600, 300_000));

        assertThat(received.get()).as("Biteship was not asked").isNull();
        assertThat(options).isEqualTo(new RateTable().rates(ROUTE));
    }

}
