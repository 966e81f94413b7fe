package id.pasar.webhooks.internal;

import id.pasar.ledger.PayoutPaid;
import id.pasar.orders.OrderPaid;
import id.pasar.orders.ReturnRequested;
import id.pasar.orders.SellerOrderClosed;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The events sellers are notified of, taken from the outbox after their transaction
 * committed (ADR 0019) and handed to {@link WebhookIntake}. Only while Kafka is off
 * ({@code pasar.kafka.bootstrap-servers} empty, the default): with Kafka on,
 * {@link WebhookEventsConsumer} takes them from the topics instead and these listeners do
 * not exist (ADR 0031).
 */
@Component
@ConditionalOnExpression("'${pasar.kafka.bootstrap-servers:}' == ''")
@RequiredArgsConstructor
class WebhookEvents {

    private final WebhookIntake intake;

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        intake.orderPaid(paid);
    }

    @ApplicationModuleListener
    void on(SellerOrderClosed closed) {
        intake.sellerOrderClosed(closed);
    }

    @ApplicationModuleListener
    void on(ReturnRequested requested) {
        intake.returnRequested(requested);
    }

    @ApplicationModuleListener
    void on(PayoutPaid paid) {
        intake.payoutPaid(paid);
    }

}
