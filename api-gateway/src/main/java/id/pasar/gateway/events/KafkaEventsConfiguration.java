package id.pasar.gateway.events;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

/**
 * Kafka, when {@code pasar.kafka.bootstrap-servers} is set (ADR 0031): the producer and
 * the externalizer that sends the outbox's events to it, the topics, and what the
 * modules' {@code @KafkaListener}s need (the sales tally, seller webhooks). Spring Boot's
 * own Kafka auto-configuration is not on the class path: with the property empty this
 * class is skipped whole, so no Kafka client, thread or connection exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${pasar.kafka.bootstrap-servers:}' != ''")
@EnableKafka
@EnableConfigurationProperties(KafkaEventsProperties.class)
class KafkaEventsConfiguration {

    @Bean
    EventExternalizationConfiguration eventExternalizationConfiguration() {
        return EventTopics.configuration();
    }

    @Bean
    KafkaEventExternalizer kafkaEventExternalizer(EventExternalizationConfiguration configuration,
            KafkaTemplate<String, byte[]> kafka) {
        return new KafkaEventExternalizer(configuration, kafka);
    }

    @Bean
    ProducerFactory<String, byte[]> kafkaProducerFactory(KafkaEventsProperties properties) {
        Map<String, Object> config = common(properties);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "pasar-events");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // Kafka's defaults, said out loud: every in-sync replica has a record before it
        // counts as sent, and retries neither duplicate nor reorder within a partition.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A broker that does not answer fails a send within 10 s; the outbox keeps it.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.putAll(properties.properties());
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, byte[]> kafkaTemplate(ProducerFactory<String, byte[]> producers) {
        return new KafkaTemplate<>(producers);
    }

    @Bean
    ConsumerFactory<String, byte[]> kafkaConsumerFactory(KafkaEventsProperties properties) {
        Map<String, Object> config = common(properties);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // A consumer group's first start reads the topic from its beginning: no event
        // published before it is skipped.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Offsets are committed by the container after the records were handled (at
        // least once); the consumers are idempotent.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putAll(properties.properties());
        return new DefaultKafkaConsumerFactory<>(config);
    }

    /**
     * The modules' listeners: a record whose handling fails is tried again, backing off
     * from half a second to 30 seconds, without end (a database outage must not skip
     * events); one whose JSON cannot be read is logged and skipped, since no retry can
     * read it.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
            ConsumerFactory<String, byte[]> consumers) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler errors = new DefaultErrorHandler(backOff);
        errors.addNotRetryableExceptions(JacksonException.class);
        factory.setCommonErrorHandler(errors);
        return factory;
    }

    @Bean
    KafkaAdmin kafkaAdmin(KafkaEventsProperties properties) {
        Map<String, Object> config = common(properties);
        config.putAll(properties.properties());
        return new KafkaAdmin(config);
    }

    /**
     * The topics, created at start when missing
     * ({@link KafkaEventsProperties#partitions}).
     */
    @Bean
    KafkaAdmin.NewTopics pasarTopics(KafkaEventsProperties properties) {
        return new KafkaAdmin.NewTopics(EventTopics.ALL.stream().map(name -> {
            TopicBuilder topic = TopicBuilder.name(name).partitions(properties.partitions());
            if (properties.replicas() != null) {
                topic.replicas(properties.replicas());
            }
            return topic.build();
        }).toArray(NewTopic[]::new));
    }

    private static Map<String, Object> common(KafkaEventsProperties properties) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        return config;
    }

}
