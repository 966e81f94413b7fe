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

    @Query("select s.orderId from SellerOrder s where s.id = :sellerOrderId")
    Optional<UUID> orderOf(UUID sellerOrderId);

    @Query("select s.orderId from SellerOrder s where s.id = :sellerOrderId and s.sellerId = :sellerId")
    Optional<UUID> orderOf(UUID sellerOrderId, UUID sellerId);

    @Query("""
            select s.id from SellerOrder s where s.status = id.pasar.orders.OrderStatus.SHIPPED
            and s.shippedAt <= :before order by s.shippedAt""")
    List<UUID> shippedBy(Instant before, Limit limit);

    /**
     * A return of seller order {@code s} is open until refunded, rejected or lapsed, and
     * a refused one while its shopper may still escalate it (refused after
     * {@code :refusedBefore}): the one definition both queries below use.
     */
    String RETURN_OPEN = """
            EXISTS (SELECT 1 FROM orders.return_requests r WHERE r.seller_order_id = s.id
                AND (r.state IN ('REQUESTED', 'ACCEPTED', 'ESCALATED', 'SHIPPED_BACK')
                     OR (r.state = 'REFUSED' AND r.decided_at > :refusedBefore)))""";

    /** Delivered before {@code before} with no return open. */
    @Query(value = "SELECT s.id FROM orders.seller_orders s WHERE s.status = 'DELIVERED' AND s.delivered_at <= :before"
            + " AND NOT " + RETURN_OPEN + " ORDER BY s.delivered_at LIMIT :limit", nativeQuery = true)
    List<UUID> completable(Instant before, Instant refusedBefore, int limit);

    @Query(value = "SELECT " + RETURN_OPEN + " FROM orders.seller_orders s WHERE s.id = :sellerOrderId",
            nativeQuery = true)
    boolean returnOpen(UUID sellerOrderId, Instant refusedBefore);

    @Query("select o from Order o join o.sellerOrders s where s.id = :sellerOrderId and s.sellerId = :sellerId")
    Optional<Order> findBySellerOrder(UUID sellerOrderId, UUID sellerId);

    @Query("""
            select s from SellerOrder s where s.sellerId = :sellerId
            and (s.createdAt < :beforeCreated or (s.createdAt = :beforeCreated and s.id < :beforeId))
            order by s.createdAt desc, s.id desc""")
    List<SellerOrder> pageBySeller(UUID sellerId, Instant beforeCreated, UUID beforeId, Limit limit);

}
