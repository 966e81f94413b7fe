package id.pasar.webhooks.internal;

import id.pasar.ledger.PayoutPaid;
import id.pasar.orders.OrderPaid;
import id.pasar.orders.ReturnRequested;
import id.pasar.orders.SellerOrderClosed;
import java.nio.charset.StandardCharsets;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seller webhooks with Kafka on ({@code pasar.kafka.bootstrap-servers} set): reads the
 * order and payout events sellers are notified of from {@code pasar.orders} and
 * {@code pasar.ledger} as the consumer group {@code pasar.seller-webhooks}, at least
 * once, and hands them to {@link WebhookIntake}, where a replay inserts nothing. Other
 * types are skipped. The schema is docs/events.md; ADR 0031.
 */
@Component
@ConditionalOnExpression("'${pasar.kafka.bootstrap-servers:}' != ''")
@RequiredArgsConstructor
class WebhookEventsConsumer {

    static final String LISTENER_ID = "seller-webhooks";

    /** Version 1 of the schema; fields added later in version 1 are ignored here. */
    private static final JsonMapper EVENTS = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private final WebhookIntake intake;

    @KafkaListener(id = LISTENER_ID, groupId = "pasar.seller-webhooks", topics = { "pasar.orders", "pasar.ledger" })
    void on(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "pasar-event-type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "OrderPaid" -> intake.orderPaid(read(record, OrderPaid.class));
            case "SellerOrderClosed" -> intake.sellerOrderClosed(read(record, SellerOrderClosed.class));
            case "ReturnRequested" -> intake.returnRequested(read(record, ReturnRequested.class));
            case "PayoutPaid" -> intake.payoutPaid(read(record, PayoutPaid.class));
            default -> {
                // not for sellers
            }
        }
    }

    private static <T> T read(ConsumerRecord<String, byte[]> record, Class<T> type) {
        String version = header(record, "pasar-event-version");
        if (!"1".equals(version)) {
            // A version this code does not know: fail (the container retries, backing
            // off) rather than skip and lose the seller's notification.
            throw new IllegalStateException(type.getSimpleName() + " version " + version + " at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + " is not known here");
        }
        return EVENTS.readValue(record.value(), type);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

}
