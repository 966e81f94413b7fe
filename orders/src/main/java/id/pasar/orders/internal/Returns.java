package id.pasar.orders.internal;

import id.pasar.orders.OrderStatus;
import id.pasar.orders.ReturnRequested;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns of delivered seller orders ({@link ReturnRequest} has the states). Every change
 * locks the order first, then the return, so that a return and the completion job never
 * cross: a seller order completes only with no return open.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class Returns {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private static final Instant START_OF_TIME = Instant.EPOCH;

    private static final UUID FIRST_ID = new UUID(0L, 0L);

    private static final UUID LAST_ID = new UUID(-1L, -1L);

    private final OrderRepository orders;

    private final ReturnRequestRepository returns;

    private final OrderBook book;

    private final OrdersProperties properties;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    /**
     * The shopper asks to return a delivered seller order, within the return window.
     * @throws OrderProblems.InvalidState when it is not DELIVERED, the window has passed,
     * or a return of it was already asked for
     */
    @Transactional
    public ReturnRequest request(UUID shopperId, UUID orderId, UUID sellerOrderId, ReturnRequest.Reason reason,
            String description, List<String> photoUrls) {
        Order order = orders.lockById(orderId)
            .filter(o -> o.getShopperId().equals(shopperId))
            .orElseThrow(OrderProblems.OrderNotFound::new);
        SellerOrder sellerOrder = order.sellerOrder(sellerOrderId);
        Instant now = clock.instant();
        if (sellerOrder.getStatus() != OrderStatus.DELIVERED) {
            throw new OrderProblems.InvalidState(sellerOrder.getStatus());
        }
        if (sellerOrder.getDeliveredAt().plus(properties.returnWindow()).isBefore(now)) {
            throw new OrderProblems.ReturnWindowClosed(sellerOrder.getDeliveredAt().plus(properties.returnWindow()));
        }
        if (returns.existsBySellerOrderId(sellerOrderId)) {
            throw new OrderProblems.ReturnAlreadyRequested();
        }
        ReturnRequest request = returns
            .save(new ReturnRequest(order, sellerOrder, reason, description, photoUrls, now));
        events.publishEvent(new ReturnRequested(request.getId(), orderId, sellerOrderId, sellerOrder.getSellerId(),
                reason.name(), now));
        log.info("Return {} of seller order {} requested ({})", request.getId(), sellerOrderId, reason);
        return request;
    }

    @Transactional(readOnly = true)
    public List<ReturnRequest> ofOrder(UUID shopperId, UUID orderId) {
        orders.findByIdAndShopperId(orderId, shopperId).orElseThrow(OrderProblems.OrderNotFound::new);
        return returns.findByOrderIdOrderByRequestedAt(orderId);
    }

    @Transactional
    public ReturnRequest escalate(UUID shopperId, UUID orderId, UUID returnId) {
        ReturnRequest request = lock(returnId,
                r -> r.getShopperId().equals(shopperId) && r.getOrderId().equals(orderId));
        request.escalate(properties.returnDecisionWindow(), clock.instant());
        log.info("Return {} escalated to the compliance officers", returnId);
        return request;
    }

    @Transactional
    public ReturnRequest shipBack(UUID shopperId, UUID orderId, UUID returnId, String courier, String trackingNumber) {
        ReturnRequest request = lock(returnId,
                r -> r.getShopperId().equals(shopperId) && r.getOrderId().equals(orderId));
        request.shipBack(courier, trackingNumber, clock.instant());
        return request;
    }

    @Transactional(readOnly = true)
    public List<ReturnRequest> pageOfSeller(UUID sellerId, Instant beforeRequested, UUID beforeId, int size) {
        return returns.pageBySeller(sellerId, beforeRequested != null ? beforeRequested : END_OF_TIME,
                beforeId != null ? beforeId : LAST_ID, Limit.of(size));
    }

    @Transactional
    public ReturnRequest accept(UUID sellerId, UUID returnId) {
        ReturnRequest request = lock(returnId, r -> r.getSellerId().equals(sellerId));
        request.accept(ReturnRequest.DecidedBy.SELLER, clock.instant());
        return request;
    }

    @Transactional
    public ReturnRequest refuse(UUID sellerId, UUID returnId, String why) {
        ReturnRequest request = lock(returnId, r -> r.getSellerId().equals(sellerId));
        request.refuse(why, clock.instant());
        return request;
    }

    /**
     * The seller has the parcel back: the return is refunded, and its seller order is
     * RETURNED and refunded whole.
     */
    @Transactional
    public ReturnRequest receive(UUID sellerId, UUID returnId) {
        ReturnRequest request = lock(returnId, r -> r.getSellerId().equals(sellerId));
        Instant now = clock.instant();
        request.refund(now);
        book.returned(request.getOrderId(), request.getSellerOrderId());
        log.info("Return {} received by its seller; seller order {} refunded", returnId, request.getSellerOrderId());
        return request;
    }

    /** The officers' queue: escalated returns, oldest first. */
    @Transactional(readOnly = true)
    public List<ReturnRequest> pageInState(ReturnRequest.State state, Instant afterRequested, UUID afterId, int size) {
        return returns.pageInState(state, afterRequested != null ? afterRequested : START_OF_TIME,
                afterId != null ? afterId : FIRST_ID, Limit.of(size));
    }

    @Transactional
    public ReturnRequest decideAsOfficer(UUID officerId, UUID returnId, boolean accepted, String note) {
        ReturnRequest request = lock(returnId, r -> true);
        request.decideAsOfficer(officerId, accepted, note, clock.instant());
        log.info("Escalated return {} {} by an officer", returnId, accepted ? "accepted" : "rejected");
        return request;
    }

    /** Returns whose seller did not decide in time: their ids. */
    @Transactional(readOnly = true)
    List<UUID> undecided(int limit) {
        return returns.requestedBy(ReturnRequest.State.REQUESTED,
                clock.instant().minus(properties.returnDecisionWindow()), Limit.of(limit));
    }

    /** Accepted returns that their shoppers never sent back: their ids. */
    @Transactional(readOnly = true)
    List<UUID> neverSentBack(int limit) {
        return returns.decidedBy(ReturnRequest.State.ACCEPTED, clock.instant().minus(properties.returnShipBackWindow()),
                Limit.of(limit));
    }

    @Transactional
    boolean acceptIfUndecided(UUID returnId) {
        ReturnRequest request = lock(returnId, r -> true);
        Instant now = clock.instant();
        if (request.getState() != ReturnRequest.State.REQUESTED
                || request.getRequestedAt().plus(properties.returnDecisionWindow()).isAfter(now)) {
            return false;
        }
        request.accept(ReturnRequest.DecidedBy.SYSTEM, now);
        return true;
    }

    @Transactional
    boolean lapseIfNeverSentBack(UUID returnId) {
        ReturnRequest request = lock(returnId, r -> true);
        Instant now = clock.instant();
        if (request.getState() != ReturnRequest.State.ACCEPTED
                || request.getDecidedAt().plus(properties.returnShipBackWindow()).isAfter(now)) {
            return false;
        }
        request.lapse(now);
        return true;
    }

    /**
     * Locks the return's order, then the return; one that {@code mine} refuses is 404.
     */
    private ReturnRequest lock(UUID returnId, Predicate<ReturnRequest> mine) {
        UUID orderId = returns.orderOf(returnId).orElseThrow(OrderProblems.ReturnNotFound::new);
        orders.lockById(orderId);
        return returns.lockById(returnId).filter(mine).orElseThrow(OrderProblems.ReturnNotFound::new);
    }

}
