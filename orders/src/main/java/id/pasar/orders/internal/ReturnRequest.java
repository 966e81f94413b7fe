package id.pasar.orders.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A shopper's return of a delivered seller order (docs/orders.md): REQUESTED -> ACCEPTED
 * (by the seller, or by the clock when the seller does not decide in time) or REFUSED; a
 * refusal may be ESCALATED to a compliance officer, who accepts or REJECTS it; an
 * accepted return is SHIPPED_BACK by the shopper and, once its seller has received it,
 * REFUNDED. An accepted return never sent back LAPSES.
 */
@Entity
@Table(schema = "orders", name = "return_requests")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ReturnRequest {

    public enum State {

        REQUESTED, ACCEPTED, REFUSED, ESCALATED, REJECTED, SHIPPED_BACK, REFUNDED, LAPSED

    }

    public enum Reason {

        DAMAGED, WRONG_ITEM, NOT_AS_DESCRIBED, INCOMPLETE, NOT_WORKING

    }

    public enum DecidedBy {

        SELLER, SYSTEM, OFFICER

    }

    @Id
    private UUID id;

    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "seller_order_id")
    private UUID sellerOrderId;

    @Column(name = "shopper_id")
    private UUID shopperId;

    @Column(name = "seller_id")
    private UUID sellerId;

    @Enumerated(EnumType.STRING)
    private Reason reason;

    private String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photo_urls")
    private List<String> photoUrls;

    @Enumerated(EnumType.STRING)
    private State state;

    @Enumerated(EnumType.STRING)
    @Column(name = "decided_by")
    private DecidedBy decidedBy;

    @Column(name = "refusal_reason")
    private String refusalReason;

    @Column(name = "officer_id")
    private UUID officerId;

    @Column(name = "officer_note")
    private String officerNote;

    @Column(name = "return_courier")
    private String returnCourier;

    @Column(name = "return_tracking_number")
    private String returnTrackingNumber;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "shipped_back_at")
    private Instant shippedBackAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private Long version;

    ReturnRequest(Order order, SellerOrder sellerOrder, Reason reason, String description, List<String> photoUrls,
            Instant now) {
        this.id = UUID.randomUUID();
        this.orderId = order.getId();
        this.sellerOrderId = sellerOrder.getId();
        this.shopperId = order.getShopperId();
        this.sellerId = sellerOrder.getSellerId();
        this.reason = reason;
        this.description = description;
        this.photoUrls = List.copyOf(photoUrls);
        this.state = State.REQUESTED;
        this.requestedAt = now;
    }

    public List<String> getPhotoUrls() {
        return photoUrls == null ? List.of() : List.copyOf(photoUrls);
    }

    void accept(DecidedBy by, Instant now) {
        expect(by == DecidedBy.OFFICER ? State.ESCALATED : State.REQUESTED);
        this.state = State.ACCEPTED;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    void refuse(String why, Instant now) {
        expect(State.REQUESTED);
        this.state = State.REFUSED;
        this.decidedBy = DecidedBy.SELLER;
        this.refusalReason = why;
        this.decidedAt = now;
    }

    /**
     * The shopper disputes a refusal, within {@code window} of it.
     */
    void escalate(Duration window, Instant now) {
        expect(State.REFUSED);
        if (decidedAt.plus(window).isBefore(now)) {
            throw new OrderProblems.EscalationWindowClosed(decidedAt.plus(window));
        }
        this.state = State.ESCALATED;
        this.escalatedAt = now;
    }

    void decideAsOfficer(UUID officer, boolean accepted, String note, Instant now) {
        expect(State.ESCALATED);
        this.officerId = officer;
        this.officerNote = note;
        if (accepted) {
            accept(DecidedBy.OFFICER, now);
        }
        else {
            this.state = State.REJECTED;
            this.decidedBy = DecidedBy.OFFICER;
            this.decidedAt = now;
            this.closedAt = now;
        }
    }

    void shipBack(String courier, String trackingNumber, Instant now) {
        expect(State.ACCEPTED);
        this.state = State.SHIPPED_BACK;
        this.returnCourier = courier;
        this.returnTrackingNumber = trackingNumber;
        this.shippedBackAt = now;
    }

    void refund(Instant now) {
        expect(State.SHIPPED_BACK);
        this.state = State.REFUNDED;
        this.closedAt = now;
    }

    void lapse(Instant now) {
        expect(State.ACCEPTED);
        this.state = State.LAPSED;
        this.closedAt = now;
    }

    private void expect(State expected) {
        if (state != expected) {
            throw new OrderProblems.InvalidState("return", state);
        }
    }

}
