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

interface OrderRepository extends JpaRepository<Order, UUID> {

    Optional<Order> findByIdAndShopperId(UUID id, UUID shopperId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Order o where o.id = :id")
    Optional<Order> lockById(UUID id);

    @Query("""
            select o from Order o where o.shopperId = :shopperId
            and (o.createdAt < :beforeCreated or (o.createdAt = :beforeCreated and o.id < :beforeId))
            order by o.createdAt desc, o.id desc""")
    List<Order> pageByShopper(UUID shopperId, Instant beforeCreated, UUID beforeId, Limit limit);

    @Query("""
            select o.id from Order o where o.status = id.pasar.orders.OrderStatus.PENDING_PAYMENT and o.expiresAt <= :now
            order by o.expiresAt""")
    List<UUID> unpaidExpiredBy(Instant now, Limit limit);

    @Query("select o from Order o join o.sellerOrders s where s.id = :sellerOrderId and s.sellerId = :sellerId")
    Optional<Order> findBySellerOrder(UUID sellerOrderId, UUID sellerId);

    @Query("""
            select s from SellerOrder s where s.sellerId = :sellerId
            and (s.createdAt < :beforeCreated or (s.createdAt = :beforeCreated and s.id < :beforeId))
            order by s.createdAt desc, s.id desc""")
    List<SellerOrder> pageBySeller(UUID sellerId, Instant beforeCreated, UUID beforeId, Limit limit);

}
