package id.pasar.orders.internal;

import id.pasar.orders.OrderStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.BatchSize;

/** The part of an order that one seller fulfils. */
@Entity
@Table(schema = "orders", name = "seller_orders")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SellerOrder {

    @Id
    private UUID id;

    @Column(name = "seller_id")
    private UUID sellerId;

    @Column(name = "subtotal_idr")
    private long subtotalIdr;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private String courier;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(name = "shipped_at")
    private Instant shippedAt;

    @Column(name = "order_id", insertable = false, updatable = false)
    private UUID orderId;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Its place in the order, written by this row's INSERT. */
    private int position;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @BatchSize(size = 50)
    @JoinColumn(name = "seller_order_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<OrderLine> lines = new ArrayList<>();

    SellerOrder(UUID sellerId, List<OrderLine> lines, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.createdAt = createdAt;
        this.sellerId = sellerId;
        this.lines = new ArrayList<>(lines);
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).placeAt(i);
        }
        this.subtotalIdr = lines.stream().mapToLong(OrderLine::lineTotalIdr).sum();
        this.status = OrderStatus.PENDING_PAYMENT;
    }

    /** What the shopper pays for this seller order: its items (shipping to come). */
    public long totalIdr() {
        return subtotalIdr;
    }

    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    void placeAt(int position) {
        this.position = position;
    }

    void moveTo(OrderStatus next) {
        this.status = next;
    }

    void ship(String courier, String trackingNumber, Instant now) {
        this.courier = courier;
        this.trackingNumber = trackingNumber;
        this.shippedAt = now;
        this.status = OrderStatus.SHIPPED;
    }

}
