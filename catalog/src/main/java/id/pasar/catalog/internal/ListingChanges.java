package id.pasar.catalog.internal;

import jakarta.persistence.PostUpdate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hears every write of a listing row through its entity, and once the transaction commits
 * hands the changed listings to the search index ({@link IndexedListings}), one batch per
 * transaction: so no way on or off the shelf (publishing, an edit, unpublishing, a
 * take-down, a revocation, a rule set's re-check) can forget the index. Does nothing
 * unless the search backend is OpenSearch, nor when Kafka is on: then the index is fed
 * from the listings' events ({@link SearchIndexConsumer}), which the outbox keeps until
 * sent and the consumer until written. A JPA entity listener that Spring creates
 * (Hibernate's bean container is Spring's under Spring Boot).
 */
class ListingChanges {

    private final ObjectProvider<IndexedListings> index;

    ListingChanges(ObjectProvider<IndexedListings> index) {
        this.index = index;
    }

    /** A new listing is a draft, not on the shelf: only updates can concern the index. */
    @PostUpdate
    void changed(Listing listing) {
        IndexedListings indexed = index.getIfAvailable();
        if (indexed == null || indexed.fedFromKafka()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            indexed.refreshLater(Set.of(listing.getId()));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<UUID> changed = (Set<UUID>) TransactionSynchronizationManager.getResource(ListingChanges.class);
        if (changed == null) {
            Set<UUID> ids = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(ListingChanges.class, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ListingChanges.class);
                    if (status == STATUS_COMMITTED) {
                        // on the index's own thread: it reads the rows in a transaction
                        // of its own, and the request does not wait for OpenSearch
                        indexed.refreshLater(ids);
                    }
                }
            });
            changed = ids;
        }
        changed.add(listing.getId());
    }

}
