package id.pasar.catalog.internal;

import jakarta.persistence.PostUpdate;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Hears every write of a listing row through its entity, and once the transaction commits
 * hands the changed listings to the search index ({@link IndexedListings}), one batch per
 * transaction: so no way on or off the shelf (publishing, an edit, unpublishing, a
 * take-down, a revocation, a rule set's re-check) can forget the index. Does nothing
 * unless the search backend is OpenSearch, nor when Kafka is on: then the index is fed
 * from the listings' events ({@link SearchIndexConsumer}), which the outbox keeps until
 * sent and the consumer until written. Stock that orders take and give back is written by
 * SQL, which no entity listener hears: {@link StockKeeper} reports a listing's stock
 * crossing zero itself. A JPA entity listener that Spring creates (Hibernate's bean
 * container is Spring's under Spring Boot).
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
        if (indexed != null) {
            indexed.changedInTransaction(listing.getId());
        }
    }

}
