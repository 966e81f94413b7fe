package id.pasar.webhooks.internal;

import id.pasar.ledger.PayoutPaid;
import id.pasar.orders.OrderPaid;
import id.pasar.orders.OrderStatus;
import id.pasar.orders.ReturnRequested;
import id.pasar.orders.SellerOrderClosed;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events sellers are notified of, each turned into one delivery per seller that has
 * an endpoint then. Fed by the outbox ({@link WebhookEvents}) or, with Kafka on, by
 * {@link WebhookEventsConsumer}; either delivers at least once, and a replay inserts
 * nothing (the delivery's event key is unique). A new event type is one method here and
 * one in each feeder.
 */
@Component
@RequiredArgsConstructor
class WebhookIntake {

    private final WebhookDeliveries deliveries;

    /** ORDER_PAID: one per seller order of the paid order, to its own seller. */
    @Transactional
    void orderPaid(OrderPaid paid) {
        for (OrderPaid.SellerOrderPaid part : paid.sellerOrders()) {
            deliveries.take(new WebhookEvent("ORDER_PAID", part.sellerOrderId(), part.sellerId(), paid.paidAt(),
                    data("orderId", paid.orderId(), "sellerOrderId", part.sellerOrderId(), "subtotalIdr",
                            part.subtotalIdr(), "shippingIdr", part.shippingIdr(), "paidAt", paid.paidAt())));
        }
    }

    /** SELLER_ORDER_CANCELLED: a paid seller order cancelled (and refunded). */
    @Transactional
    void sellerOrderClosed(SellerOrderClosed closed) {
        if (closed.status() != OrderStatus.CANCELLED) {
            return;
        }
        deliveries.take(
                new WebhookEvent("SELLER_ORDER_CANCELLED", closed.sellerOrderId(), closed.sellerId(), closed.closedAt(),
                        data("orderId", closed.orderId(), "sellerOrderId", closed.sellerOrderId(), "subtotalIdr",
                                closed.subtotalIdr(), "shippingIdr", closed.shippingIdr(), "cancelledAt",
                                closed.closedAt())));
    }

    /** RETURN_REQUESTED: a shopper asked to return a delivered seller order. */
    @Transactional
    void returnRequested(ReturnRequested requested) {
        deliveries.take(new WebhookEvent("RETURN_REQUESTED", requested.returnId(), requested.sellerId(),
                requested.requestedAt(),
                data("orderId", requested.orderId(), "sellerOrderId", requested.sellerOrderId(), "returnId",
                        requested.returnId(), "reason", requested.reason(), "requestedAt", requested.requestedAt())));
    }

    /**
     * PAYOUT_PAID: a payout reached the seller's bank; the account number masked, as the
     * seller sees it.
     */
    @Transactional
    void payoutPaid(PayoutPaid paid) {
        deliveries.take(new WebhookEvent("PAYOUT_PAID", paid.payoutId(), paid.sellerId(), paid.paidAt(),
                data("payoutId", paid.payoutId(), "amountIdr", paid.amountIdr(), "paidAt", paid.paidAt(), "bankCode",
                        paid.bankCode(), "accountNumberMasked", paid.maskedAccountNumber())));
    }

    /** The body's {@code data}, in the order given; times as ISO-8601 text. */
    private static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            data.put((String) namesAndValues[i],
                    value == null ? null : value instanceof Number ? value : value.toString());
        }
        return data;
    }

}
