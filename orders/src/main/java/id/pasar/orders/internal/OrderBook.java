package id.pasar.orders.internal;

import id.pasar.catalog.ListingStock;
import id.pasar.orders.OrderCancelled;
import id.pasar.orders.OrderStatus;
import id.pasar.orders.SellerOrderClosed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders after checkout: what shoppers and sellers see and do, expiry, and the moves that
 * time makes (delivery assumed, completion). Every change locks its order first.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class OrderBook {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private static final UUID LAST_ID = new UUID(-1L, -1L);

    private final OrderRepository orders;

    private final ListingStock stock;

    private final OrdersProperties properties;

    private final Refunds refunds;

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

    /**
     * The shopper cancels what has not shipped: an unpaid order whole, or every paid
     * seller order still waiting for its seller.
     */
    @Transactional
    public Order cancel(UUID shopperId, UUID orderId, String reason) {
        Order order = lockOwn(shopperId, orderId);
        closed(order, order.cancel(reason, clock.instant()));
        log.info("Order {} cancelled by its shopper", orderId);
        return order;
    }

    /** The shopper cancels one paid seller order before it ships. */
    @Transactional
    public Order cancel(UUID shopperId, UUID orderId, UUID sellerOrderId, String reason) {
        Order order = lockOwn(shopperId, orderId);
        closed(order, List.of(order.cancel(sellerOrderId, SellerOrder.ClosedBy.SHOPPER, reason, clock.instant())));
        log.info("Seller order {} cancelled by its shopper", sellerOrderId);
        return order;
    }

    @Transactional
    public Order confirmDelivery(UUID shopperId, UUID orderId) {
        Order order = lockOwn(shopperId, orderId);
        order.confirmDelivery(clock.instant());
        return order;
    }

    @Transactional
    public Order confirmDelivery(UUID shopperId, UUID orderId, UUID sellerOrderId) {
        Order order = lockOwn(shopperId, orderId);
        order.confirmDelivery(sellerOrderId, clock.instant());
        return order;
    }

    @Transactional(readOnly = true)
    public List<SellerOrder> pageOfSeller(UUID sellerId, Instant beforeCreated, UUID beforeId, int size) {
        return orders.pageBySeller(sellerId, beforeCreated != null ? beforeCreated : END_OF_TIME,
                beforeId != null ? beforeId : LAST_ID, Limit.of(size));
    }

    /** A seller's seller order with its order (for the address); another's is 404. */
    @Transactional(readOnly = true)
    public Order ofSeller(UUID sellerId, UUID sellerOrderId) {
        return orders.findBySellerOrder(sellerOrderId, sellerId).orElseThrow(OrderProblems.OrderNotFound::new);
    }

    @Transactional
    public Order ship(UUID sellerId, UUID sellerOrderId, String courier, String trackingNumber) {
        Order order = lockOfSeller(sellerId, sellerOrderId);
        order.ship(sellerOrderId, courier, trackingNumber, clock.instant());
        return order;
    }

    /**
     * The seller cannot fulfil a paid seller order: its units go back, it is refunded.
     */
    @Transactional
    public Order cancelBySeller(UUID sellerId, UUID sellerOrderId, String reason) {
        Order order = lockOfSeller(sellerId, sellerOrderId);
        closed(order, List.of(order.cancel(sellerOrderId, SellerOrder.ClosedBy.SELLER, reason, clock.instant())));
        log.info("Seller order {} cancelled by its seller ({})", sellerOrderId, reason);
        return order;
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
        closed(order, order.getSellerOrders());
        log.info("Order {} expired unpaid; stock given back", orderId);
        return true;
    }

    /**
     * The gateway gave up on an unpaid order (expire, cancel, deny); false when it was
     * not unpaid.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean cancelUnpaid(Order order) {
        if (!order.cancelUnpaid(clock.instant())) {
            return false;
        }
        closed(order, order.getSellerOrders());
        return true;
    }

    @Transactional(readOnly = true)
    public List<UUID> unpaidExpired(int limit) {
        return orders.unpaidExpiredBy(clock.instant(), Limit.of(limit));
    }

    /** Shipped seller orders whose shopper has not confirmed in time: their ids. */
    @Transactional(readOnly = true)
    List<UUID> dueForDelivery(int limit) {
        return orders.shippedBy(clock.instant().minus(properties.deliveredAfter()), Limit.of(limit));
    }

    /** Delivered seller orders whose return window has passed: their ids. */
    @Transactional(readOnly = true)
    List<UUID> dueForCompletion(int limit) {
        Instant now = clock.instant();
        return orders.completable(now.minus(properties.returnWindow()), now.minus(properties.returnDecisionWindow()),
                limit);
    }

    @Transactional
    boolean deliverIfDue(UUID sellerOrderId) {
        Order order = lockOfSellerOrder(sellerOrderId);
        return order.deliverIfDue(sellerOrderId, properties.deliveredAfter(), clock.instant());
    }

    @Transactional
    boolean completeIfDue(UUID sellerOrderId) {
        Order order = lockOfSellerOrder(sellerOrderId);
        Instant now = clock.instant();
        boolean returnOpen = orders.returnOpen(sellerOrderId, now.minus(properties.returnDecisionWindow()));
        boolean completed = order.completeIfDue(sellerOrderId, properties.returnWindow(), returnOpen, now);
        if (completed) {
            events.publishEvent(closedEvent(order, order.sellerOrder(sellerOrderId)));
        }
        return completed;
    }

    /**
     * A return came back to its seller: the seller order is RETURNED and refunded whole.
     * Its units do not go back to the shelf by themselves: the seller restocks what can
     * be sold again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void returned(UUID orderId, UUID sellerOrderId) {
        Order order = orders.lockById(orderId).orElseThrow(OrderProblems.OrderNotFound::new);
        SellerOrder sellerOrder = order.markReturned(sellerOrderId, clock.instant());
        refund(order, List.of(sellerOrder), "RETURN");
        events.publishEvent(closedEvent(order, sellerOrder));
    }

    /**
     * Seller orders that closed before shipping: their units go back to the shelf, and
     * each that was paid is refunded whole (items and shipping).
     */
    private void closed(Order order, List<SellerOrder> closed) {
        stock.giveBack(Order.units(closed));
        if (order.getPaidAt() != null) {
            refund(order, closed, closed.get(0).getClosedBy() + ":" + closed.get(0).getCloseReason());
            closed.forEach(sellerOrder -> events.publishEvent(closedEvent(order, sellerOrder)));
        }
        if (order.getStatus() == OrderStatus.CANCELLED || order.getStatus() == OrderStatus.EXPIRED) {
            events.publishEvent(new OrderCancelled(order.getId(), order.getStatus(), order.getClosedAt()));
        }
    }

    /** Each seller order refunded whole: its items and its shipping. */
    private void refund(Order order, List<SellerOrder> refunded, String reason) {
        refunded.forEach(
                sellerOrder -> refunds.request(order.getId(), sellerOrder.getId(), sellerOrder.totalIdr(), reason));
    }

    static SellerOrderClosed closedEvent(Order order, SellerOrder sellerOrder) {
        return new SellerOrderClosed(order.getId(), sellerOrder.getId(), sellerOrder.getSellerId(),
                sellerOrder.getStatus(), sellerOrder.getSubtotalIdr(), sellerOrder.getShippingIdr(),
                sellerOrder.getClosedAt());
    }

    private Order lockOwn(UUID shopperId, UUID orderId) {
        Order order = orders.lockById(orderId).orElseThrow(OrderProblems.OrderNotFound::new);
        if (!order.getShopperId().equals(shopperId)) {
            throw new OrderProblems.OrderNotFound();
        }
        return order;
    }

    private Order lockOfSeller(UUID sellerId, UUID sellerOrderId) {
        UUID orderId = orders.orderOf(sellerOrderId, sellerId).orElseThrow(OrderProblems.OrderNotFound::new);
        return orders.lockById(orderId).orElseThrow(OrderProblems.OrderNotFound::new);
    }

    private Order lockOfSellerOrder(UUID sellerOrderId) {
        UUID orderId = orders.orderOf(sellerOrderId).orElseThrow(OrderProblems.OrderNotFound::new);
        return orders.lockById(orderId).orElseThrow(OrderProblems.OrderNotFound::new);
    }

}
