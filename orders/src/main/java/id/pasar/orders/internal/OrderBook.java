package id.pasar.orders.internal;

import id.pasar.catalog.ListingStock;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import id.pasar.orders.OrderCancelled;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders after checkout: what shoppers and sellers see and do, payments, expiry. */
@Slf4j
@Service
@RequiredArgsConstructor
public class OrderBook {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private static final UUID LAST_ID = new UUID(-1L, -1L);

    private final OrderRepository orders;

    private final ListingStock stock;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    @Transactional(readOnly = true)
    public Order ofShopper(UUID shopperId, UUID orderId) {
        return orders.findByIdAndShopperId(orderId, shopperId).orElseThrow(OrderProblems.OrderNotFound::new);
    }

    @Transactional(readOnly = true)
    public List<Order> pageOfShopper(UUID shopperId, Instant beforeCreated, UUID beforeId, int size) {
        return orders.pageByShopper(shopperId, beforeCreated != null ? beforeCreated : END_OF_TIME,
                beforeId != null ? beforeId : LAST_ID, Limit.of(size));
    }

    @Transactional
    public Order cancel(UUID shopperId, UUID orderId) {
        Order order = lockOwn(shopperId, orderId);
        order.cancel(clock.instant());
        stock.giveBack(order.releasableStock());
        events.publishEvent(new OrderCancelled(orderId, order.getStatus(), order.getClosedAt()));
        log.info("Order {} cancelled by its shopper", orderId);
        return order;
    }

    @Transactional
    public Order confirmDelivery(UUID shopperId, UUID orderId) {
        Order order = lockOwn(shopperId, orderId);
        order.confirmDelivery(clock.instant());
        return order;
    }

    @Transactional(readOnly = true)
    public List<SellerOrder> pageOfSeller(UUID sellerId, Instant beforeCreated, UUID beforeId, int size) {
        return orders.pageBySeller(sellerId, beforeCreated != null ? beforeCreated : END_OF_TIME,
                beforeId != null ? beforeId : LAST_ID, Limit.of(size));
    }

    @Transactional
    public SellerOrder ship(UUID sellerId, UUID sellerOrderId, String courier, String trackingNumber) {
        Order order = orders.findBySellerOrder(sellerOrderId, sellerId).orElseThrow(OrderProblems.OrderNotFound::new);
        order = orders.lockById(order.getId()).orElseThrow(OrderProblems.OrderNotFound::new);
        order.ship(sellerOrderId, courier, trackingNumber, clock.instant());
        return order.sellerOrder(sellerOrderId);
    }

    /**
     * Expires one unpaid order whose time is up; false when it was paid or cancelled
     * meanwhile.
     */
    @Transactional
    public boolean expire(UUID orderId) {
        Order order = orders.lockById(orderId).orElseThrow(OrderProblems.OrderNotFound::new);
        if (!order.expire(clock.instant())) {
            return false;
        }
        stock.giveBack(order.releasableStock());
        events.publishEvent(new OrderCancelled(orderId, order.getStatus(), order.getClosedAt()));
        log.info("Order {} expired unpaid; stock given back", orderId);
        return true;
    }

    @Transactional(readOnly = true)
    public List<UUID> unpaidExpired(int limit) {
        return orders.unpaidExpiredBy(clock.instant(), Limit.of(limit));
    }

    private Order lockOwn(UUID shopperId, UUID orderId) {
        Order order = orders.lockById(orderId).orElseThrow(OrderProblems.OrderNotFound::new);
        if (!order.getShopperId().equals(shopperId)) {
            throw new OrderProblems.OrderNotFound();
        }
        return order;
    }

}
