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
 * A shopper's order: one seller order per seller, every state change recorded with its
 * time. The aggregate is small and always used whole, so its parts load with it. Stock
 * goes back exactly once, on the one transition out of an unshipped state into CANCELLED
 * or EXPIRED ({@link #releasableStock()} tells what).
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
        this.totalIdr = sellerOrders.stream().mapToLong(SellerOrder::getSubtotalIdr).sum();
        this.createdAt = now;
        this.expiresAt = expiresAt;
        moveTo(OrderStatus.PENDING_PAYMENT, null, now);
    }

    public List<SellerOrder> getSellerOrders() {
        return Collections.unmodifiableList(sellerOrders);
    }

    public List<StatusChange> getHistory() {
        return Collections.unmodifiableList(history);
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
        sellerOrders.forEach(sellerOrder -> sellerOrder.moveTo(OrderStatus.PAID));
        moveTo(OrderStatus.PAID, null, now);
        return true;
    }

    /** The shopper cancels before anything shipped. */
    void cancel(Instant now) {
        if (status != OrderStatus.PENDING_PAYMENT && status != OrderStatus.PAID) {
            throw new OrderProblems.NotCancellable(status);
        }
        close(OrderStatus.CANCELLED, now);
    }

    /**
     * The payment gateway gave up on an unpaid order. Returns false when it was not
     * unpaid.
     */
    boolean cancelUnpaid(Instant now) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            return false;
        }
        close(OrderStatus.CANCELLED, now);
        return true;
    }

    boolean expire(Instant now) {
        if (status != OrderStatus.PENDING_PAYMENT || expiresAt.isAfter(now)) {
            return false;
        }
        close(OrderStatus.EXPIRED, now);
        return true;
    }

    void ship(UUID sellerOrderId, String courier, String trackingNumber, Instant now) {
        SellerOrder sellerOrder = sellerOrder(sellerOrderId);
        if (sellerOrder.getStatus() != OrderStatus.PAID) {
            throw new OrderProblems.NotShippable(sellerOrder.getStatus());
        }
        sellerOrder.ship(courier, trackingNumber, now);
        moveTo(OrderStatus.SHIPPED, sellerOrderId, now);
        if (sellerOrders.stream().allMatch(s -> s.getStatus() == OrderStatus.SHIPPED)) {
            this.status = OrderStatus.SHIPPED;
        }
    }

    void confirmDelivery(Instant now) {
        if (status != OrderStatus.SHIPPED) {
            throw new OrderProblems.NotDeliverable(status);
        }
        sellerOrders.forEach(sellerOrder -> sellerOrder.moveTo(OrderStatus.COMPLETED));
        this.closedAt = now;
        moveTo(OrderStatus.COMPLETED, null, now);
    }

    /** What goes back to the shelf when this order is cancelled or expires. */
    Map<UUID, Integer> releasableStock() {
        Map<UUID, Integer> quantities = new HashMap<>();
        sellerOrders.forEach(sellerOrder -> sellerOrder.getLines()
            .forEach(line -> quantities.merge(line.getListingId(), line.getQuantity(), Integer::sum)));
        return quantities;
    }

    SellerOrder sellerOrder(UUID sellerOrderId) {
        return sellerOrders.stream()
            .filter(s -> s.getId().equals(sellerOrderId))
            .findFirst()
            .orElseThrow(OrderProblems.OrderNotFound::new);
    }

    private void close(OrderStatus closing, Instant now) {
        sellerOrders.forEach(sellerOrder -> sellerOrder.moveTo(closing));
        this.closedAt = now;
        moveTo(closing, null, now);
    }

    private void moveTo(OrderStatus next, UUID sellerOrderId, Instant now) {
        this.status = next == OrderStatus.SHIPPED ? status : next;
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
