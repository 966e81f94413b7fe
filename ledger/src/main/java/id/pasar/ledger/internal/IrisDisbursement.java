package id.pasar.ledger.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.extern.slf4j.Slf4j;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Midtrans Iris (Payouts API): {@code POST /api/v1/payouts} with Basic auth of the
 * creator's key, one payout per request, the payout's id as {@code X-Idempotency-Key} (a
 * retry after a lost answer is not paid twice); then, when an approver key is configured,
 * {@code POST /api/v1/payouts/approve} with it. Iris answers {@code queued} and its
 * {@code reference_no}; the end (completed or failed) comes as a signed notification. A
 * 4xx other than 401, 403, 409 and 429 refuses the payout for good; anything else (5xx, a
 * timeout, our key refused) leaves it to the next run.
 */
@Slf4j
class IrisDisbursement implements Disbursement {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;

    private final String creatorAuthorization;

    private final String approverAuthorization;

    IrisDisbursement(PayoutProperties.Iris iris) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(iris.connectTimeout()).build());
        requests.setReadTimeout(iris.readTimeout());
        this.http = RestClient.builder()
            .baseUrl(iris.baseUrl())
            .requestFactory(requests)
            .defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
            .build();
        this.creatorAuthorization = basic(iris.creatorKey());
        this.approverAuthorization = iris.approverKey() == null || iris.approverKey().isBlank() ? null
                : basic(iris.approverKey());
    }

    @Override
    public Outcome send(Transfer transfer) {
        Map<String, Object> payout = new LinkedHashMap<>();
        payout.put("beneficiary_name", transfer.holderName());
        payout.put("beneficiary_account", transfer.accountNumber());
        payout.put("beneficiary_bank", transfer.bank().irisCode());
        payout.put("amount", transfer.amountIdr() + ".00");
        payout.put("notes", transfer.note() == null ? "Pasar payout" : transfer.note());
        Answer answer = call("create",
                () -> http.post()
                    .uri("/api/v1/payouts")
                    .header("Authorization", creatorAuthorization)
                    .header("X-Idempotency-Key", transfer.payoutId().toString())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("payouts", List.of(payout)))
                    .exchange((request, response) -> read(response)));
        if (answer.status() >= 200 && answer.status() < 300) {
            String reference = reference(answer.body());
            if (reference == null) {
                throw unavailable("create", answer);
            }
            approve(reference);
            return new Sent(reference);
        }
        if (answer.status() >= 400 && answer.status() < 500 && !List.of(401, 403, 409, 429).contains(answer.status())) {
            log.warn("Iris refused payout {}: {} {}", transfer.payoutId(), answer.status(),
                    answer.body().get("error_message"));
            return new Refused(
                    "iris " + answer.status() + ": " + answer.body().getOrDefault("error_message", "refused"));
        }
        throw unavailable("create", answer);
    }

    /**
     * A payout the approver does not approve now stays queued at Iris: approved in its
     * dashboard, it is paid, and the notification says so.
     */
    private void approve(String reference) {
        if (approverAuthorization == null) {
            return;
        }
        try {
            Answer answer = call("approve",
                    () -> http.post()
                        .uri("/api/v1/payouts/approve")
                        .header("Authorization", approverAuthorization)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("reference_nos", List.of(reference)))
                        .exchange((request, response) -> read(response)));
            if (answer.status() < 200 || answer.status() >= 300) {
                log.warn("Iris did not approve {}: {} {}", reference, answer.status(),
                        answer.body().get("error_message"));
            }
        }
        catch (DisbursementUnavailable e) {
            log.warn("Iris approval of {} not sent: {}", reference, e.getMessage());
        }
    }

    private interface Call {

        Answer run();

    }

    private record Answer(int status, Map<String, Object> body) {
    }

    private static Answer call(String what, Call call) {
        try {
            return call.run();
        }
        catch (RestClientException e) {
            log.warn("Iris {} failed: {}", what, e.toString());
            throw new DisbursementUnavailable("iris " + what + " did not answer");
        }
    }

    @SuppressWarnings("unchecked")
    private static Answer read(ClientHttpResponse response) throws IOException {
        Map<String, Object> body;
        try {
            body = new LinkedHashMap<>(JSON.readValue(response.getBody(), Map.class));
        }
        catch (RuntimeException notJson) {
            body = new LinkedHashMap<>();
        }
        return new Answer(response.getStatusCode().value(), body);
    }

    private static String reference(Map<String, Object> body) {
        if (body.get("payouts") instanceof List<?> payouts && !payouts.isEmpty()
                && payouts.get(0) instanceof Map<?, ?> first && first.get("reference_no") != null) {
            return first.get("reference_no").toString();
        }
        return null;
    }

    private static DisbursementUnavailable unavailable(String what, Answer answer) {
        log.warn("Iris {} unavailable: {} {}", what, answer.status(), answer.body().get("error_message"));
        return new DisbursementUnavailable("iris " + what + " answered " + answer.status());
    }

    private static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

}
