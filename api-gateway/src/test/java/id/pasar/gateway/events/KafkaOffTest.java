package id.pasar.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The default start (no {@code MARKETPLACE_KAFKA_BOOTSTRAP_SERVERS}, as every test but
 * KafkaEventsIT runs it): nothing of Kafka exists, not a client, not a thread, and the
 * sales tally and seller webhooks listen in the process (ADR 0031).
 */
@IntegrationTest
class KafkaOffTest {

    @Autowired
    ApplicationContext context;

    @Test
    void withoutBootstrapServersNothingOfKafkaStarts() {
        assertThat(context.getEnvironment().getProperty("pasar.kafka.bootstrap-servers")).isEmpty();
        assertThat(context.getBeanNamesForType(KafkaTemplate.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ProducerFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(KafkaAdmin.class)).isEmpty();
        assertThat(context.getBeanNamesForType(KafkaListenerEndpointRegistry.class)).isEmpty();
        assertThat(context.getBeanNamesForType(KafkaEventExternalizer.class)).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet())
            .noneMatch(thread -> thread.getName().startsWith("kafka") || thread.getName().startsWith("pasar-kafka"));
    }

    @Test
    void theTallyAndTheWebhooksListenInTheProcess() {
        assertThat(context.containsBean("salesTally")).isTrue();
        assertThat(context.containsBean("salesTallyConsumer")).isFalse();
        assertThat(context.containsBean("webhookEvents")).isTrue();
        assertThat(context.containsBean("webhookEventsConsumer")).isFalse();
    }

}
