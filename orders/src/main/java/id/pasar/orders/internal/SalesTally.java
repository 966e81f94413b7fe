package id.pasar.orders.internal;

import id.pasar.orders.OrderPlaced;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The sales tally's in-process listener: counts placed orders after the order's
 * transaction has committed, from the event publication registry (the outbox): if the
 * process dies before this runs, the publication is still there and is delivered again on
 * restart; {@link SalesTallyCounter} makes a second delivery count nothing.
 *
 * <p>
 * Only while Kafka is off ({@code pasar.kafka.bootstrap-servers} empty, the default):
 * with Kafka on, {@link SalesTallyConsumer} counts from the {@code pasar.orders} topic
 * instead, and this listener does not exist, so no publication is stored for it and no
 * order is counted twice (ADR 0031).
 */
@Component
@ConditionalOnExpression("'${pasar.kafka.bootstrap-servers:}' == ''")
@RequiredArgsConstructor
class SalesTally {

    private final SalesTallyCounter counter;

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        counter.count(placed);
    }

}
