package id.pasar.catalog.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The search index's feed with Kafka on ({@code pasar.kafka.bootstrap-servers} set) and
 * the OpenSearch backend: reads {@code pasar.listings} as the consumer group
 * {@code pasar.search-index}, a batch of records at a time, and writes the listings they
 * name to the index as PostgreSQL has them now ({@link IndexedListings#write}). Only the
 * record's key is read (the listing id, docs/events.md): the event is a signal, the row
 * is the truth, so every version of every event on the topic is understood, and a record
 * read twice or out of order writes what is true now.
 *
 * <p>
 * A batch is committed only once the index took it: while the node refuses or does not
 * answer, the batch is tried again, backing off up to 30 s (the listener factory's error
 * handler), and nothing is lost. One group for the whole fleet: one index, written once
 * per change. The in-process feed ({@link ListingChanges}) stands down in this mode (ADR
 * 0032).
 */
class SearchIndexConsumer {

    static final String LISTENER_ID = "search-index";

    private final IndexedListings listings;

    SearchIndexConsumer(IndexedListings listings) {
        this.listings = listings;
    }

    @KafkaListener(id = LISTENER_ID, groupId = "pasar.search-index", topics = "pasar.listings", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        Set<UUID> changed = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null) {
                changed.add(UUID.fromString(record.key()));
            }
        }
        listings.write(changed);
    }

}
