package id.pasar.orders.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.extern.slf4j.Slf4j;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Midtrans Core API: {@code POST /v2/charge}, {@code GET /v2/{order_id}/status},
 * {@code POST /v2/{order_id}/cancel}, {@code POST /v2/{order_id}/refund}, with Basic auth
 * of the server key and an empty password. Midtrans answers its own {@code status_code}
 * in the body (often with HTTP 200): 2xx is success, 5xx the gateway down (503 to our
 * caller), anything else a refusal we cannot show the shopper (502). OVO and DANA are not
 * Core API methods: 422 PAYMENT_METHOD_UNSUPPORTED.
 */
@Slf4j
class MidtransPaymentGateway implements PaymentGateway {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final DateTimeFormatter ORDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z",
            Locale.ROOT);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;

    private final Clock clock;

    MidtransPaymentGateway(String baseUrl, String serverKey, Duration connectTimeout, Duration readTimeout,
            Clock clock) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        String basic = Base64.getEncoder().encodeToString((serverKey + ":").getBytes(StandardCharsets.UTF_8));
        this.http = RestClient.builder()
            .baseUrl(baseUrl)
            .requestFactory(requests)
            .defaultHeader("Authorization", "Basic " + basic)
            .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
            .build();
        this.clock = clock;
    }

    @Override
    public boolean confirmsSettlements() {
        return true;
    }

    @Override
    public Instructions charge(Charge charge) {
        Map<String, Object> body = new LinkedHashMap<>();
        String channel = charge.channel() == null ? null : charge.channel().toLowerCase(Locale.ROOT);
        switch (charge.method()) {
            case BANK_TRANSFER -> {
                if ("mandiri".equals(channel)) {
                    body.put("payment_type", "echannel");
                    body.put("echannel", Map.of("bill_info1", "Payment:", "bill_info2", "Pasar order"));
                }
                else {
                    body.put("payment_type", "bank_transfer");
                    body.put("bank_transfer", Map.of("bank", channel));
                }
            }
            case QRIS -> {
                body.put("payment_type", "qris");
                body.put("qris", Map.of("acquirer", "gopay"));
            }
            case EWALLET -> {
                if (!"gopay".equals(channel) && !"shopeepay".equals(channel)) {
                    throw new PaymentProblems.MethodUnsupported(charge.channel());
                }
                body.put("payment_type", channel);
            }
        }
        body.put("transaction_details",
                Map.of("order_id", charge.gatewayOrderId(), "gross_amount", charge.amountIdr()));
        long minutes = Math.max(1, Duration.between(clock.instant(), charge.expiresAt()).toSeconds() / 60);
        body.put("custom_expiry", Map.of("order_time", ORDER_TIME.format(clock.instant().atZone(JAKARTA)),
                "expiry_duration", minutes, "unit", "minute"));
        Map<String, Object> answer = call("charge",
                () -> http.post()
                    .uri("/v2/charge")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> read(response)));
        requireSuccess("charge", answer);
        return switch (charge.method()) {
            case BANK_TRANSFER -> "mandiri".equals(channel)
                    ? new Instructions(null, text(answer, "bill_key"), text(answer, "biller_code"), null, null)
                    : new Instructions(vaNumber(answer), null, null, null, null);
            case QRIS -> new Instructions(null, null, null, text(answer, "qr_string"), null);
            case EWALLET -> new Instructions(null, null, null, null, action(answer, "deeplink-redirect"));
        };
    }

    @Override
    public void cancel(String gatewayOrderId) {
        Map<String, Object> answer = call("cancel",
                () -> http.post()
                    .uri("/v2/{orderId}/cancel", gatewayOrderId)
                    .exchange((request, response) -> read(response)));
        int code = statusCode(answer);
        if (code >= 500) {
            throw unavailable("cancel", answer);
        }
        if (code >= 300) {
            // Already settled, expired or unknown: nothing left to cancel.
            log.info("Midtrans did not cancel {}: {} {}", gatewayOrderId, code, answer.get("status_message"));
        }
    }

    @Override
    public TransactionStatus status(String gatewayOrderId) {
        Map<String, Object> answer = call("status",
                () -> http.get()
                    .uri("/v2/{orderId}/status", gatewayOrderId)
                    .exchange((request, response) -> read(response)));
        if (statusCode(answer) >= 500) {
            throw unavailable("status", answer);
        }
        return new TransactionStatus(text(answer, "status_code"), text(answer, "transaction_status"),
                text(answer, "fraud_status"), text(answer, "gross_amount"));
    }

    @Override
    public RefundResult refund(String gatewayOrderId, String refundKey, long amountIdr, String reason) {
        try {
            Map<String, Object> answer = call("refund",
                    () -> http.post()
                        .uri("/v2/{orderId}/refund", gatewayOrderId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("refund_key", refundKey, "amount", amountIdr, "reason", reason))
                        .exchange((request, response) -> read(response)));
            int code = statusCode(answer);
            if (code >= 200 && code < 300) {
                return new RefundResult.Succeeded();
            }
            return new RefundResult.Failed("midtrans " + code + ": " + answer.get("status_message"));
        }
        catch (PaymentProblems.GatewayUnavailable e) {
            return new RefundResult.Failed("midtrans unavailable");
        }
    }

    private interface Call {

        Map<String, Object> run();

    }

    private static Map<String, Object> call(String what, Call call) {
        try {
            return call.run();
        }
        catch (RestClientException e) {
            log.warn("Midtrans {} failed: {}", what, e.toString());
            throw new PaymentProblems.GatewayUnavailable(HttpStatus.SERVICE_UNAVAILABLE,
                    "The payment gateway did not answer; retry shortly.");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(ClientHttpResponse response) throws IOException {
        int httpStatus = response.getStatusCode().value();
        Map<String, Object> body;
        try {
            body = new LinkedHashMap<>(JSON.readValue(response.getBody(), Map.class));
        }
        catch (RuntimeException notJson) {
            body = new LinkedHashMap<>();
        }
        if (httpStatus >= 500 || !(body.get("status_code") instanceof String)) {
            body.put("status_code", Integer.toString(httpStatus >= 300 ? httpStatus : 502));
        }
        return body;
    }

    private static int statusCode(Map<String, Object> answer) {
        try {
            return Integer.parseInt(String.valueOf(answer.get("status_code")));
        }
        catch (NumberFormatException e) {
            return 502;
        }
    }

    private static void requireSuccess(String what, Map<String, Object> answer) {
        int code = statusCode(answer);
        if (code >= 500) {
            throw unavailable(what, answer);
        }
        if (code < 200 || code >= 300) {
            log.warn("Midtrans refused the {}: {} {}", what, code, answer.get("status_message"));
            throw new PaymentProblems.GatewayUnavailable(HttpStatus.BAD_GATEWAY,
                    "The payment gateway refused the request.");
        }
    }

    private static PaymentProblems.GatewayUnavailable unavailable(String what, Map<String, Object> answer) {
        log.warn("Midtrans {} unavailable: {} {}", what, answer.get("status_code"), answer.get("status_message"));
        return new PaymentProblems.GatewayUnavailable(HttpStatus.SERVICE_UNAVAILABLE,
                "The payment gateway is unavailable; retry shortly.");
    }

    private static String text(Map<String, Object> answer, String field) {
        Object value = answer.get(field);
        return value == null ? null : value.toString();
    }

    private static String vaNumber(Map<String, Object> answer) {
        if (answer.get("permata_va_number") != null) {
            return text(answer, "permata_va_number");
        }
        if (answer.get("va_numbers") instanceof List<?> numbers && !numbers.isEmpty()
                && numbers.get(0) instanceof Map<?, ?> first && first.get("va_number") != null) {
            return first.get("va_number").toString();
        }
        throw missing("va_numbers");
    }

    private static String action(Map<String, Object> answer, String name) {
        if (answer.get("actions") instanceof List<?> actions) {
            for (Object action : actions) {
                if (action instanceof Map<?, ?> map && name.equals(map.get("name")) && map.get("url") != null) {
                    return map.get("url").toString();
                }
            }
        }
        throw missing(name);
    }

    private static PaymentProblems.GatewayUnavailable missing(String field) {
        log.warn("Midtrans charge answer without {}", field);
        return new PaymentProblems.GatewayUnavailable(HttpStatus.BAD_GATEWAY,
                "The payment gateway answered without payment instructions.");
    }

}
