package id.pasar.orders.internal;

import id.pasar.orders.OrderStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.BatchSize;

/**
 * A shopper's order: one seller order per seller, each moving on its own, and the order's
 * status derived from theirs ({@link #derivedFrom}); every change recorded with its time.
 * The aggregate is small and always used whole, so its parts load with it. Stock goes
 * back exactly once, for the seller orders that a cancellation or an expiry closed before
 * they shipped (the verbs answer which).
 */
@Entity
@Table(schema = "orders", name = "orders")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Order {

    @Id
    private UUID id;

    @Column(name = "shopper_id")
    private UUID shopperId;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    @Column(name = "total_idr")
    private long totalIdr;

    @Column(name = "recipient_name")
    private String recipientName;

    private String phone;

    private String street;

    @Column(name = "regency_code")
    private String regencyCode;

    @Column(name = "postal_code")
    private String postalCode;

    @Column(name = "district_code")
    private String districtCode;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /**
     * A wrapper, null until first stored: Spring Data then persists a new order instead
     * of merging it (a SELECT per row).
     */
    @Version
    private Long version;

    /**
     * The key and the position are written by the children's own INSERTs (not updatable
     * here, and the position a column of the child), so storing an order sends no UPDATE
     * after its INSERTs.
     */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @BatchSize(size = 50)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<SellerOrder> sellerOrders = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 50)
    @CollectionTable(schema = "orders", name = "order_status_changes", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<StatusChange> history = new ArrayList<>();

    Order(UUID shopperId, ShippingAddress address, List<SellerOrder> sellerOrders, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.shopperId = shopperId;
        this.recipientName = address.recipientName();
        this.phone = address.phone();
        this.street = address.street();
        this.regencyCode = address.regencyCode();
        this.postalCode = address.postalCode();
        this.districtCode = address.districtCode();
        this.sellerOrders = new ArrayList<>(sellerOrders);
        for (int i = 0; i < sellerOrders.size(); i++) {
            sellerOrders.get(i).placeAt(i);
        }
        this.totalIdr = Math.addExact(itemsTotalIdr(), shippingTotalIdr());
        this.createdAt = now;
        this.expiresAt = expiresAt;
        derive(now);
    }

    public List<SellerOrder> getSellerOrders() {
        return Collections.unmodifiableList(sellerOrders);
    }

    public List<StatusChange> getHistory() {
        return Collections.unmodifiableList(history);
    }

    /** What the shopper pays: every seller order's items and shipping. */
    public long itemsTotalIdr() {
        return sellerOrders.stream().mapToLong(SellerOrder::getSubtotalIdr).reduce(0, Math::addExact);
    }

    public long shippingTotalIdr() {
        return sellerOrders.stream().mapToLong(SellerOrder::getShippingIdr).reduce(0, Math::addExact);
    }

    /**
     * Payment settled. Returns false when there is nothing to do (already paid, or
     * closed).
     */
    boolean markPaid(Instant now) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            return false;
        }
        this.paidAt = now;
        sellerOrders.forEach(SellerOrder::pay);
        derive(now);
        return true;
    }

    /**
     * The shopper cancels: an unpaid order whole; a paid one, every seller order that has
     * not shipped. Returns the seller orders it cancelled, whose units go back to stock
     * and, when paid, are refunded.
     * @throws OrderProblems.InvalidState when nothing is left to cancel
     */
    List<SellerOrder> cancel(String reason, Instant now) {
        if (status == OrderStatus.PENDING_PAYMENT) {
            close(OrderStatus.CANCELLED, SellerOrder.ClosedBy.SHOPPER, reason, now);
            return List.copyOf(sellerOrders);
        }
        List<SellerOrder> unshipped = sellerOrders.stream().filter(s -> s.getStatus() == OrderStatus.PAID).toList();
        if (unshipped.isEmpty()) {
            throw new OrderProblems.InvalidState(status);
        }
        unshipped.forEach(sellerOrder -> closeOne(sellerOrder, SellerOrder.ClosedBy.SHOPPER, reason, now));
        derive(now);
        return unshipped;
    }

    /**
     * One paid seller order cancelled before it shipped, by the shopper or its seller.
     * @throws OrderProblems.InvalidState when it is not PAID
     */
    SellerOrder cancel(UUID sellerOrderId, SellerOrder.ClosedBy by, String reason, Instant now) {
        SellerOrder sellerOrder = sellerOrder(sellerOrderId);
        if (sellerOrder.getStatus() != OrderStatus.PAID) {
            throw new OrderProblems.InvalidState(sellerOrder.getStatus());
        }
        closeOne(sellerOrder, by, reason, now);
        derive(now);
        return sellerOrder;
    }

    /**
     * The payment gateway gave up on an unpaid order. Returns false when it was not
     * unpaid.
     */
    boolean cancelUnpaid(Instant now) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            return false;
        }
        close(OrderStatus.CANCELLED, SellerOrder.ClosedBy.PAYMENT_GATEWAY, null, now);
        return true;
    }

    boolean expire(Instant now) {
        if (status != OrderStatus.PENDING_PAYMENT || expiresAt.isAfter(now)) {
            return false;
        }
        close(OrderStatus.EXPIRED, SellerOrder.ClosedBy.SYSTEM, null, now);
        return true;
    }

    void ship(UUID sellerOrderId, String courier, String trackingNumber, Instant now) {
        SellerOrder sellerOrder = sellerOrder(sellerOrderId);
        if (sellerOrder.getStatus() != OrderStatus.PAID) {
            throw new OrderProblems.InvalidState(sellerOrder.getStatus());
        }
        String chosen = sellerOrder.getShippingCourier();
        String given = courier == null || courier.isBlank() ? null : courier.strip();
        if (chosen != null && given != null && !chosen.equalsIgnoreCase(given)) {
            throw new OrderProblems.CourierNotChosen(chosen);
        }
        if (chosen == null && given == null) {
            throw new OrderProblems.CourierNotChosen(null);
        }
        sellerOrder.ship(chosen != null ? chosen : given, trackingNumber, now);
        record(OrderStatus.SHIPPED, sellerOrderId, now);
        derive(now);
    }

    /**
     * The shopper confirms that a shipped seller order arrived.
     * @throws OrderProblems.InvalidState when it is not SHIPPED
     */
    SellerOrder confirmDelivery(UUID sellerOrderId, Instant now) {
        SellerOrder sellerOrder = sellerOrder(sellerOrderId);
        if (sellerOrder.getStatus() != OrderStatus.SHIPPED) {
            throw new OrderProblems.InvalidState(sellerOrder.getStatus());
        }
        deliver(sellerOrder, now);
        return sellerOrder;
    }

    /**
     * The shopper confirms everything that has shipped.
     * @throws OrderProblems.InvalidState when nothing is on its way
     */
    List<SellerOrder> confirmDelivery(Instant now) {
        List<SellerOrder> shipped = sellerOrders.stream().filter(s -> s.getStatus() == OrderStatus.SHIPPED).toList();
        if (shipped.isEmpty()) {
            throw new OrderProblems.InvalidState(status);
        }
        shipped.forEach(sellerOrder -> deliver(sellerOrder, now));
        return shipped;
    }

    /**
     * Delivered without the shopper's word, once {@code after} has passed since shipping
     * (the courier's time and some). Returns false when it is not due or not shipped.
     */
    boolean deliverIfDue(UUID sellerOrderId, Duration after, Instant now) {
        SellerOrder sellerOrder = sellerOrder(sellerOrderId);
        if (sellerOrder.getStatus() != OrderStatus.SHIPPED || sellerOrder.getShippedAt().plus(after).isAfter(now)) {
            return false;
        }
        deliver(sellerOrder, now);
        return true;
    }

    /**
     * COMPLETED once the return window after delivery has passed with no return open.
     * Returns false when it is not due.
     */
    boolean completeIfDue(UUID sellerOrderId, Duration returnWindow, boolean returnOpen, Instant now) {
        SellerOrder sellerOrder = sellerOrder(sellerOrderId);
        if (sellerOrder.getStatus() != OrderStatus.DELIVERED || returnOpen
                || sellerOrder.getDeliveredAt().plus(returnWindow).isAfter(now)) {
            return false;
        }
        sellerOrder.finish(OrderStatus.COMPLETED, now);
        record(OrderStatus.COMPLETED, sellerOrderId, now);
        derive(now);
        return true;
    }

    /**
     * A return of a delivered seller order came back to its seller and is refunded.
     * @throws OrderProblems.InvalidState when it is not DELIVERED
     */
    SellerOrder markReturned(UUID sellerOrderId, Instant now) {
        SellerOrder sellerOrder = sellerOrder(sellerOrderId);
        if (sellerOrder.getStatus() != OrderStatus.DELIVERED) {
            throw new OrderProblems.InvalidState(sellerOrder.getStatus());
        }
        sellerOrder.finish(OrderStatus.RETURNED, now);
        record(OrderStatus.RETURNED, sellerOrderId, now);
        derive(now);
        return sellerOrder;
    }

    /** What goes back to the shelf when these seller orders are cancelled or expire. */
    static Map<UUID, Integer> units(List<SellerOrder> closed) {
        Map<UUID, Integer> quantities = new HashMap<>();
        closed.forEach(
                sellerOrder -> sellerOrder.units().forEach((listing, n) -> quantities.merge(listing, n, Integer::sum)));
        return quantities;
    }

    public SellerOrder sellerOrder(UUID sellerOrderId) {
        return sellerOrders.stream()
            .filter(s -> s.getId().equals(sellerOrderId))
            .findFirst()
            .orElseThrow(OrderProblems.OrderNotFound::new);
    }

    /**
     * The order's status as its seller orders make it (docs/orders.md): unpaid, expired
     * or cancelled when all of them are; otherwise, among those not cancelled, the least
     * advanced, and once all of them are done, COMPLETED (or RETURNED when every one came
     * back).
     */
    static OrderStatus derivedFrom(List<OrderStatus> parts) {
        for (OrderStatus whole : List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.EXPIRED, OrderStatus.CANCELLED)) {
            if (parts.stream().allMatch(part -> part == whole)) {
                return whole;
            }
        }
        List<OrderStatus> live = parts.stream().filter(part -> part != OrderStatus.CANCELLED).toList();
        for (OrderStatus least : List.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED)) {
            if (live.contains(least)) {
                return least;
            }
        }
        return live.contains(OrderStatus.COMPLETED) ? OrderStatus.COMPLETED : OrderStatus.RETURNED;
    }

    private void deliver(SellerOrder sellerOrder, Instant now) {
        sellerOrder.deliver(now);
        record(OrderStatus.DELIVERED, sellerOrder.getId(), now);
        derive(now);
    }

    private void closeOne(SellerOrder sellerOrder, SellerOrder.ClosedBy by, String reason, Instant now) {
        sellerOrder.close(OrderStatus.CANCELLED, by, reason, now);
        record(OrderStatus.CANCELLED, sellerOrder.getId(), now);
    }

    private void close(OrderStatus closing, SellerOrder.ClosedBy by, String reason, Instant now) {
        sellerOrders.forEach(sellerOrder -> sellerOrder.close(closing, by, reason, now));
        derive(now);
    }

    /** Sets the order's status from its seller orders, recording a change. */
    private void derive(Instant now) {
        OrderStatus derived = derivedFrom(sellerOrders.stream().map(SellerOrder::getStatus).toList());
        if (derived == status) {
            return;
        }
        this.status = derived;
        if (derived.isClosed()) {
            this.closedAt = now;
        }
        record(derived, null, now);
    }

    private void record(OrderStatus next, UUID sellerOrderId, Instant now) {
        history.add(new StatusChange(next, sellerOrderId, now));
    }

    @Embeddable
    @Getter
    @NoArgsConstructor(access = AccessLevel.PROTECTED)
    public static class StatusChange {

        @Enumerated(EnumType.STRING)
        private OrderStatus status;

        @Column(name = "seller_order_id")
        private UUID sellerOrderId;

        @Column(name = "changed_at")
        private Instant changedAt;

        StatusChange(OrderStatus status, UUID sellerOrderId, Instant changedAt) {
            this.status = status;
            this.sellerOrderId = sellerOrderId;
            this.changedAt = changedAt;
        }

    }

}
