package id.pasar.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.ledger.PayoutFixtures;
import id.pasar.ledger.internal.PayoutJobs;
import id.pasar.webhooks.internal.DeliveryJobs;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PAYOUT_PAID (docs/webhooks.md): a paid payout reaches its seller's endpoint with the
 * amount, the bank and the account number masked, never the whole number or the name.
 */
@IntegrationTest
class PayoutWebhookTest {

    @LocalServerPort
    int port;

    @Autowired
    PayoutJobs payoutJobs;

    @Autowired
    DeliveryJobs deliveryJobs;

    @Test
    void aPaidPayoutIsDeliveredWithTheAccountNumberMasked() {
        Api api = new Api(port);
        Seller seller = CatalogFixtures.verifiedSeller(api);
        try (Receiver receiver = new Receiver()) {
            api.put("/api/v1/sellers/me/webhook", Map.of("url", receiver.url()))
                .bearer(seller.token())
                .send()
                .expect(201);
            PayoutFixtures.credit(seller, 75_000);
            PayoutFixtures.withBankAccount(api, seller, "7778889999");
            String payoutId = PayoutFixtures.requestPayout(api, seller, 75_000, UUID.randomUUID().toString())
                .expect(201)
                .json()
                .get("payoutId")
                .asString();

            payoutJobs.sendDuePayouts();
            await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/v1/sellers/me/webhook/deliveries")
                    .bearer(seller.token())
                    .send()
                    .expect(200)
                    .json()
                    .get("items")
                    .size() == 1);
            deliveryJobs.deliverDue();

            assertThat(receiver.received()).hasSize(1);
            Receiver.Received request = receiver.received().get(0);
            assertThat(request.header("X-Pasar-Event")).isEqualTo("PAYOUT_PAID");
            JsonNode body = JsonMapper.builder().build().readTree(request.text());
            assertThat(body.get("type").asString()).isEqualTo("PAYOUT_PAID");
            JsonNode data = body.get("data");
            assertThat(data.get("payoutId").asString()).isEqualTo(payoutId);
            assertThat(data.get("amountIdr").asLong()).isEqualTo(75_000);
            assertThat(data.get("bankCode").asString()).isEqualTo("014");
            assertThat(data.get("accountNumberMasked").asString()).isEqualTo("******9999");
            assertThat(data.get("paidAt").asString()).isNotBlank();
            assertThat(request.text()).doesNotContain("7778889999").doesNotContainIgnoringCase("santoso");
        }
    }

}
