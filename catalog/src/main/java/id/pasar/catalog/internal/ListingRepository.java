package id.pasar.catalog.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ListingRepository extends JpaRepository<Listing, UUID> {

    Optional<Listing> findByIdAndSellerId(UUID id, UUID sellerId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Listing l where l.id = :id and l.sellerId = :sellerId")
    Optional<Listing> lockByIdAndSellerId(UUID id, UUID sellerId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Listing l where l.id = :id")
    Optional<Listing> lockById(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Listing l where l.sellerId = :sellerId and l.status = id.pasar.catalog.internal.Listing.Status.PUBLISHED order by l.id")
    List<Listing> lockPublishedBySeller(UUID sellerId);

    /**
     * Listings passed under one of {@code ruleSetVersions}, from index
     * {@code listings_published_by_rule_set}.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select l from Listing l where l.status = id.pasar.catalog.internal.Listing.Status.PUBLISHED
            and l.ruleSetVersion in :ruleSetVersions order by l.ruleSetVersion, l.id""")
    List<Listing> lockPublishedPassedUnder(Collection<String> ruleSetVersions, Limit limit);

    @Query("""
            select l from Listing l where l.sellerId = :sellerId
            and (l.createdAt < :beforeCreated or (l.createdAt = :beforeCreated and l.id < :beforeId))
            order by l.createdAt desc, l.id desc""")
    List<Listing> pageBySeller(UUID sellerId, Instant beforeCreated, UUID beforeId, Limit limit);

}
