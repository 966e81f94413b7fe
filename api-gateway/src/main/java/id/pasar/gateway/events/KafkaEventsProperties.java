package id.pasar.gateway.events;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka's settings ({@code pasar.kafka.*}; ADR 0031).
 *
 * @param bootstrapServers {@code MARKETPLACE_KAFKA_BOOTSTRAP_SERVERS}: host:port,...;
 * empty (the default) keeps events in the process and starts nothing of Kafka
 * @param partitions the partitions of each topic, created at start when missing; an
 * existing topic with fewer is grown to this many, which moves keys to other partitions
 * (raise it only with the consumers caught up: ADR 0031), one with more is left alone
 * @param replicas the replicas of such a topic; null: the broker's default
 * @param properties further Kafka client settings, given as they are to the producer, the
 * consumers and the admin client: {@code security.protocol}, {@code sasl.*},
 * {@code ssl.*} for a real cluster
 */
@ConfigurationProperties("pasar.kafka")
record KafkaEventsProperties(String bootstrapServers, @DefaultValue("12") int partitions, Integer replicas,
        Map<String, String> properties) {

    KafkaEventsProperties {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

}
