package id.pasar.catalog.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The variants this instance saw sold out a moment ago ({@link #MEMORY}): what lets a
 * flash sale's late orders be refused without a transaction (ADR 0016, "Sold out"). Seen,
 * never guessed: a listing is remembered only when a read of its committed row found no
 * stock, and forgotten at once when stock comes back through this instance (a cancelled
 * or expired order, the seller's restock or edit); stock that comes back through another
 * instance is seen here once the memory expires.
 */
@Component
class SoldOutListings {

    static final Duration MEMORY = Duration.ofSeconds(2);

    /** Far more hot listings than any sale has at once; a cold one is just forgotten. */
    private static final int MAX_ENTRIES = 10_000;

    /** The variants seen sold out, each with its listing. */
    private final Cache<UUID, UUID> seen;

    SoldOutListings(Clock clock) {
        this.seen = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterWrite(MEMORY)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .executor(Runnable::run)
            .build();
    }

    /** A variant's committed stock just read: remembered when it is none. */
    void read(UUID variantId, UUID listingId, int stock) {
        if (stock <= 0) {
            seen.put(variantId, listingId);
        }
    }

    /**
     * Stock came back, or may have: forgotten now and again once the caller's transaction
     * commits, since an order that read the row before the commit may have remembered it
     * meanwhile.
     */
    void forget(UUID variantId) {
        seen.invalidate(variantId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    seen.invalidate(variantId);
                }
            });
        }
    }

    /** The variant's listing, when the variant was seen sold out. */
    Optional<UUID> soldOut(UUID variantId) {
        return Optional.ofNullable(seen.getIfPresent(variantId));
    }

}
