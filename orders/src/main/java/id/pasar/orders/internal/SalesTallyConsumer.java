package id.pasar.orders.internal;

import id.pasar.kernel.EventRecords;
import id.pasar.orders.OrderPlaced;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The sales tally with Kafka on ({@code pasar.kafka.bootstrap-servers} set): reads
 * {@code OrderPlaced} from the {@code pasar.orders} topic as the consumer group
 * {@code pasar.sales-tally}, at least once (offsets are committed after the records are
 * counted), and counts each order once however often it arrives
 * ({@link SalesTallyCounter}). The other types on the topic are skipped. The schema is
 * docs/events.md; ADR 0031.
 */
@Component
@ConditionalOnExpression("'${pasar.kafka.bootstrap-servers:}' != ''")
@RequiredArgsConstructor
class SalesTallyConsumer {

    static final String LISTENER_ID = "sales-tally";

    private final SalesTallyCounter counter;

    @KafkaListener(id = LISTENER_ID, groupId = "pasar.sales-tally", topics = "pasar.orders")
    void on(ConsumerRecord<String, byte[]> record) {
        if ("OrderPlaced".equals(EventRecords.type(record))) {
            counter.count(EventRecords.read(record, OrderPlaced.class));
        }
    }

}
