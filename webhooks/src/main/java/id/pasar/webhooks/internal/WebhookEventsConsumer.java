package id.pasar.webhooks.internal;

import id.pasar.kernel.EventRecords;
import id.pasar.ledger.PayoutPaid;
import id.pasar.orders.OrderPaid;
import id.pasar.orders.ReturnRequested;
import id.pasar.orders.SellerOrderClosed;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

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

    private final WebhookIntake intake;

    @KafkaListener(id = LISTENER_ID, groupId = "pasar.seller-webhooks", topics = { "pasar.orders", "pasar.ledger" })
    void on(ConsumerRecord<String, byte[]> record) {
        String type = EventRecords.type(record);
        if (type == null) {
            return;
        }
        switch (type) {
            case "OrderPaid" -> intake.orderPaid(EventRecords.read(record, OrderPaid.class));
            case "SellerOrderClosed" -> intake.sellerOrderClosed(EventRecords.read(record, SellerOrderClosed.class));
            case "ReturnRequested" -> intake.returnRequested(EventRecords.read(record, ReturnRequested.class));
            case "PayoutPaid" -> intake.payoutPaid(EventRecords.read(record, PayoutPaid.class));
            default -> {
                // not for sellers
            }
        }
    }

}
