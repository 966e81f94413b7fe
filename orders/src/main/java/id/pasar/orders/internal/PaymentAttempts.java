package id.pasar.orders.internal;

import id.pasar.orders.OrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starting a payment of an unpaid order, once per Idempotency-Key (the protocol of
 * {@code POST /orders}: claim, complete in the payment's transaction, release on any
 * failure). A new method replaces the pending attempt: it is cancelled at the gateway
 * (best effort: a settlement of it still arrives and is dealt with) and marked REPLACED.
 * The order stays locked while the gateway charges, so two starts of one order queue.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class PaymentAttempts {

    private final OrderRepository orders;

    private final IdempotencyKeys keys;

    private final KeyedRequests keyed;

    private final PaymentGateway gateway;

    private final PaymentRecords payments;

    private final TransactionTemplate transactions;

    private final Clock clock;

    /**
     * @param channel the bank or e-wallet, upper case; null for QRIS
     */
    public record Start(PaymentMethod method, String channel) {
    }

    /** {@code created} false when this is a replay of the stored response. */
    public record Result(boolean created, int status, String body) {
    }

    public Result start(UUID shopperId, UUID orderId, String idempotencyKey, String requestHash, Start start,
            Function<PaymentView, String> render) {
        return keyed.once(shopperId, idempotencyKey, requestHash, (status, body) -> new Result(false, status, body),
                () -> transactions.execute(tx -> startClaimed(shopperId, orderId, idempotencyKey, start, render)));
    }

    private Result startClaimed(UUID shopperId, UUID orderId, String idempotencyKey, Start start,
            Function<PaymentView, String> render) {
        PaymentRecords.Payable order = payments.lockPayable(orderId)
            .filter(o -> o.shopperId().equals(shopperId))
            .orElseThrow(OrderProblems.OrderNotFound::new);
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw new OrderProblems.InvalidState(order.status());
        }
        List<PaymentView> previous = payments.ofOrder(orderId);
        int attempt = previous.isEmpty() ? 1 : previous.get(0).attempt() + 1;
        String gatewayOrderId = attempt == 1 ? orderId.toString() : orderId + "-" + attempt;
        PaymentGateway.Instructions instructions = gateway.charge(new PaymentGateway.Charge(gatewayOrderId,
                order.totalIdr(), start.method(), start.channel(), order.expiresAt()));
        for (PaymentView replaced : previous) {
            if ("PENDING".equals(replaced.status())) {
                try {
                    gateway.cancel(replaced.gatewayOrderId());
                }
                catch (RuntimeException e) {
                    log.warn("Replaced payment {} not cancelled at the gateway: {}", replaced.id(), e.toString());
                }
                payments.setStatus(replaced.id(), "REPLACED");
            }
        }
        Instant now = clock.instant();
        PaymentView payment = new PaymentView(UUID.randomUUID(), orderId, attempt, gatewayOrderId, start.method(),
                start.channel(), order.totalIdr(), "PENDING", instructions.vaNumber(), instructions.billKey(),
                instructions.billerCode(), instructions.qrString(), instructions.deeplink(), order.expiresAt(), now);
        payments.insert(payment);
        String body = render.apply(payment);
        keys.complete(shopperId, idempotencyKey, 201, body);
        log.info("Payment {} of order {} started: {} {}", payment.id(), orderId, start.method(), start.channel());
        return new Result(true, 201, body);
    }

    /** The shopper's attempts for an order, newest first; another's order is 404. */
    @Transactional(readOnly = true)
    public List<PaymentView> ofOrder(UUID shopperId, UUID orderId) {
        orders.findByIdAndShopperId(orderId, shopperId).orElseThrow(OrderProblems.OrderNotFound::new);
        return payments.ofOrder(orderId);
    }

    /**
     * A payment with the shopper of its order; empty when there is none. For the
     * sandbox's settle endpoint.
     */
    @Transactional(readOnly = true)
    public Optional<Owned> byId(UUID paymentId) {
        return payments.byId(paymentId)
            .flatMap(p -> orders.findById(p.orderId()).map(order -> new Owned(p, order.getShopperId())));
    }

    public record Owned(PaymentView payment, UUID shopperId) {
    }

}
