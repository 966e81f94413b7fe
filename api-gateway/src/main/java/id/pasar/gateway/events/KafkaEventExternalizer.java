package id.pasar.gateway.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the events of {@link EventTopics} to Kafka from the outbox. A listener after
 * commit like the modules' own, so Spring Modulith stores a publication for it in the
 * publishing transaction and marks it complete only when the broker has acknowledged the
 * record; a send that fails leaves it incomplete, to be sent again by the outbox's retry
 * job or at the next start (ADR 0019). So a record may reach Kafka twice, with the same
 * event id, never not at all.
 *
 * <p>
 * It runs in the committing thread, not on the asynchronous listeners' pool, and hands
 * each record to one sending thread: records are handed to the producer in the order
 * their transactions committed on this instance, and the idempotent producer keeps that
 * order within a partition, so the events of one key arrive in order. A slow or absent
 * broker stalls that thread, never a request.
 */
@Slf4j
class KafkaEventExternalizer implements ConditionalEventListener, DisposableBean {

    private final EventExternalizationConfiguration configuration;

    private final KafkaOperations<String, byte[]> kafka;

    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pasar-kafka-events");
        thread.setDaemon(true);
        return thread;
    });

    KafkaEventExternalizer(EventExternalizationConfiguration configuration, KafkaOperations<String, byte[]> kafka) {
        this.configuration = configuration;
        this.kafka = kafka;
    }

    @Override
    public boolean supports(Object event) {
        return configuration.supports(event);
    }

    /**
     * Completes, with nothing, when the broker has the record; fails when it could not be
     * sent.
     */
    @TransactionalEventListener
    public CompletableFuture<Void> externalize(Object event) {
        ProducerRecord<String, byte[]> record;
        try {
            record = EventTopics.record(event);
        }
        catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
        return CompletableFuture.supplyAsync(() -> kafka.send(record), sender)
            .thenCompose(Function.identity())
            .<Void>thenApply(sent -> null)
            .whenComplete((done, failure) -> {
                if (failure != null) {
                    log.warn("{} for {} not sent to {}, left in the outbox: {}", event.getClass().getSimpleName(),
                            record.key(), record.topic(), failure.toString());
                }
            });
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }

}
