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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.BatchSize;

/**
 * The part of an order that one seller fulfils; it moves on its own (docs/orders.md), and
 * only through its {@link Order}, which derives its own status from its seller orders.
 */
@Entity
@Table(schema = "orders", name = "seller_orders")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SellerOrder {

    /** Who closed a seller order without delivery. */
    public enum ClosedBy {

        SHOPPER, SELLER, PAYMENT_GATEWAY, SYSTEM

    }

    @Id
    private UUID id;

    @Column(name = "seller_id")
    private UUID sellerId;

    @Column(name = "subtotal_idr")
    private long subtotalIdr;

    @Column(name = "shipping_courier")
    private String shippingCourier;

    @Column(name = "shipping_service")
    private String shippingService;

    @Column(name = "shipping_idr")
    private long shippingIdr;

    @Column(name = "shipping_eta_days")
    private Integer shippingEtaDays;

    @Column(name = "weight_grams")
    private long weightGrams;

    @Column(name = "origin_regency_code")
    private String originRegencyCode;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    private String courier;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(name = "shipped_at")
    private Instant shippedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_by")
    private ClosedBy closedBy;

    @Column(name = "close_reason")
    private String closeReason;

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

    SellerOrder(UUID sellerId, List<OrderLine> lines, ShippingChoice shipping, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.createdAt = createdAt;
        this.sellerId = sellerId;
        this.lines = new ArrayList<>(lines);
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).placeAt(i);
        }
        this.subtotalIdr = lines.stream().mapToLong(OrderLine::lineTotalIdr).reduce(0, Math::addExact);
        this.shippingCourier = shipping.courier();
        this.shippingService = shipping.service();
        this.shippingIdr = shipping.costIdr();
        this.shippingEtaDays = shipping.etaDays();
        this.weightGrams = shipping.weightGrams();
        this.originRegencyCode = shipping.originRegencyCode();
        this.status = OrderStatus.PENDING_PAYMENT;
    }

    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    /** What the shopper pays for this part: its items and its shipping. */
    public long totalIdr() {
        return Math.addExact(subtotalIdr, shippingIdr);
    }

    /** Its units per variant, as they would go back to the shelf. */
    Map<UUID, Integer> units() {
        Map<UUID, Integer> quantities = new HashMap<>();
        lines.forEach(line -> quantities.merge(line.getVariantId(), line.getQuantity(), Integer::sum));
        return quantities;
    }

    void placeAt(int position) {
        this.position = position;
    }

    void pay() {
        this.status = OrderStatus.PAID;
    }

    void close(OrderStatus closing, ClosedBy by, String reason, Instant now) {
        this.status = closing;
        this.closedAt = now;
        this.closedBy = by;
        this.closeReason = reason;
    }

    void ship(String courier, String trackingNumber, Instant now) {
        this.courier = courier;
        this.trackingNumber = trackingNumber;
        this.shippedAt = now;
        this.status = OrderStatus.SHIPPED;
    }

    void deliver(Instant now) {
        this.deliveredAt = now;
        this.status = OrderStatus.DELIVERED;
    }

    void finish(OrderStatus finished, Instant now) {
        this.status = finished;
        this.closedAt = now;
    }

}
