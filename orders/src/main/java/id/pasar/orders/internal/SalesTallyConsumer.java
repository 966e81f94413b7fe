package id.pasar.orders.internal;

import id.pasar.orders.OrderPlaced;
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

    /**
     * Version 1 of the schema; fields added later in version 1 are ignored here.
     */
    private static final JsonMapper EVENTS = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private final SalesTallyCounter counter;

    @KafkaListener(id = LISTENER_ID, groupId = "pasar.sales-tally", topics = "pasar.orders")
    void on(ConsumerRecord<String, byte[]> record) {
        if (!"OrderPlaced".equals(header(record, "pasar-event-type"))) {
            return;
        }
        String version = header(record, "pasar-event-version");
        if (!"1".equals(version)) {
            // A version this code does not know: fail (the container retries, backing
            // off) rather than skip and lose the order from the tally.
            throw new IllegalStateException("OrderPlaced version " + version + " at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + " is not known here");
        }
        counter.count(EVENTS.readValue(record.value(), OrderPlaced.class));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

}
