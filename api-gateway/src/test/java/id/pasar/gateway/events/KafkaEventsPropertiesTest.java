package id.pasar.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A real cluster's client settings reach Kafka as its own names from environment
 * variables (README: {@code PASAR_KAFKA_PROPERTIES_*}).
 */
class KafkaEventsPropertiesTest {

    @Test
    void clientSettingsFromTheEnvironmentKeepKafkasNames() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources()
            .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of("PASAR_KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9093,kafka-1:9093",
                                    "PASAR_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL",
                                    "PASAR_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")));

        KafkaEventsProperties properties = new Binder(ConfigurationPropertySources.get(environment))
            .bindOrCreate("pasar.kafka", KafkaEventsProperties.class);

        assertThat(properties.bootstrapServers()).isEqualTo("kafka-0:9093,kafka-1:9093");
        assertThat(properties.partitions()).isEqualTo(12);
        assertThat(properties.replicas()).isNull();
        assertThat(properties.properties()).containsEntry("security.protocol", "SASL_SSL")
            .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }

}
