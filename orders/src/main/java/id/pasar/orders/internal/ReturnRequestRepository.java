package id.pasar.orders.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReturnRequestRepository extends JpaRepository<ReturnRequest, UUID> {

    boolean existsBySellerOrderId(UUID sellerOrderId);

    List<ReturnRequest> findByOrderIdOrderByRequestedAt(UUID orderId);

    @Query("select r.orderId from ReturnRequest r where r.id = :id")
    Optional<UUID> orderOf(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ReturnRequest r where r.id = :id")
    Optional<ReturnRequest> lockById(UUID id);

    @Query("""
            select r from ReturnRequest r where r.sellerId = :sellerId
            and (r.requestedAt < :beforeRequested or (r.requestedAt = :beforeRequested and r.id < :beforeId))
            order by r.requestedAt desc, r.id desc""")
    List<ReturnRequest> pageBySeller(UUID sellerId, Instant beforeRequested, UUID beforeId, Limit limit);

    @Query("""
            select r from ReturnRequest r where r.state = :state
            and (r.requestedAt > :afterRequested or (r.requestedAt = :afterRequested and r.id > :afterId))
            order by r.requestedAt, r.id""")
    List<ReturnRequest> pageInState(ReturnRequest.State state, Instant afterRequested, UUID afterId, Limit limit);

    @Query("select r.id from ReturnRequest r where r.state = :state and r.requestedAt <= :before order by r.requestedAt")
    List<UUID> requestedBy(ReturnRequest.State state, Instant before, Limit limit);

    @Query("select r.id from ReturnRequest r where r.state = :state and r.decidedAt <= :before order by r.decidedAt")
    List<UUID> decidedBy(ReturnRequest.State state, Instant before, Limit limit);

}
