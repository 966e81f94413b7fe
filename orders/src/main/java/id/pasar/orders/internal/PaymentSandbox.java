package id.pasar.orders.internal;

import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * The sandbox's settle button: a settlement notification built and signed as Midtrans
 * does (status_code 200, gross_amount "N.00", the server key's signature), handed to
 * {@link Payments#receive} exactly as a real one.
 */
@Service
@RequiredArgsConstructor
@ConditionalOnProperty(name = "pasar.orders.payment-gateway", havingValue = "sandbox", matchIfMissing = true)
public class PaymentSandbox {

    private final PaymentRecords payments;

    private final OrderRepository orders;

    private final PaymentServerKey serverKey;

    private final Payments notifications;

    /**
     * @param shopperId the caller, who must be the order's shopper; null for an ADMIN
     * @return the notification's result (PAID, UNCHANGED, REFUND_REQUESTED ...)
     */
    public String settle(UUID paymentId, UUID shopperId) {
        PaymentView payment = payments.byId(paymentId)
            .filter(p -> shopperId == null || orders.findByIdAndShopperId(p.orderId(), shopperId).isPresent())
            .orElseThrow(OrderProblems.OrderNotFound::new);
        String grossAmount = payment.amountIdr() + ".00";
        return notifications.receive(new Payments.Notification(payment.gatewayOrderId(), "200", grossAmount,
                "settlement", "accept", serverKey.sign(payment.gatewayOrderId(), "200", grossAmount)));
    }

}
