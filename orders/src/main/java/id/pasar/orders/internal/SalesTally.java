package id.pasar.orders.internal;

import id.pasar.orders.OrderPlaced;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The sales tally's in-process listener: counts placed orders after the order's
 * transaction has committed, from the event publication registry (the outbox): if the
 * process dies before this runs, the publication is still there and is delivered again on
 * restart; {@link SalesTallyCounter} makes a second delivery count nothing.
 */
@Component
@RequiredArgsConstructor
class SalesTally {

    private final SalesTallyCounter counter;

    @ApplicationModuleListener
    void on(OrderPlaced placed) {
        counter.count(placed);
    }

}
