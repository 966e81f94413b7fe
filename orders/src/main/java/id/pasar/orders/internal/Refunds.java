package id.pasar.orders.internal;

import id.pasar.orders.RefundSucceeded;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds: requested in the transaction that decides them (an order cancelled after
 * payment, a settlement that came too late), sent by {@link RefundJobs} through the
 * gateway, each in its own transaction, retried with backoff up to a limit. One refund
 * per seller order and settled gateway transaction: a second request answers the first.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class Refunds {

    private static final String COLUMNS = """
            id, order_id, seller_order_id, gateway_order_id, amount_idr, reason, state, attempts, last_failure,
            created_at, updated_at, succeeded_at""";

    private final JdbcClient jdbc;

    private final PaymentRecords payments;

    private final PaymentGateway gateway;

    private final PaymentGatewayProperties properties;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    /**
     * Requests the refund of a seller order of a paid order, in the caller's transaction.
     * It goes back through the transaction that paid the order. Idempotent: a second
     * request for the same seller order answers the existing refund.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Refund request(UUID orderId, UUID sellerOrderId, long amountIdr, String reason) {
        String paidBy = payments.ofOrder(orderId)
            .stream()
            .filter(p -> "PAID".equals(p.status()))
            .map(PaymentView::gatewayOrderId)
            .findFirst()
            .orElse(orderId.toString());
        return request(orderId, sellerOrderId, paidBy, amountIdr, reason).refund();
    }

    /** Whether it was created now (false: it existed). */
    record Requested(Refund refund, boolean created) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Requested request(UUID orderId, UUID sellerOrderId, String gatewayOrderId, long amountIdr, String reason) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("INSERT INTO orders.refunds (" + COLUMNS + ", next_attempt_at" + """
                ) VALUES (:id, :order, :sellerOrder, :gateway, :amount, :reason, 'REQUESTED', 0, NULL, :now, :now, NULL,
                :now) ON CONFLICT (seller_order_id, gateway_order_id) DO NOTHING""")
            .param("id", UUID.randomUUID())
            .param("order", orderId)
            .param("sellerOrder", sellerOrderId)
            .param("gateway", gatewayOrderId)
            .param("amount", amountIdr)
            .param("reason", reason)
            .param("now", Timestamp.from(now))
            .update();
        Refund refund = jdbc
            .sql("SELECT " + COLUMNS
                    + " FROM orders.refunds WHERE seller_order_id = :sellerOrder AND gateway_order_id = :gateway")
            .param("sellerOrder", sellerOrderId)
            .param("gateway", gatewayOrderId)
            .query(Refunds::map)
            .single();
        if (inserted == 1) {
            log.info("Refund {} of Rp {} requested for seller order {}", refund.id(), amountIdr, sellerOrderId);
        }
        return new Requested(refund, inserted == 1);
    }

    @Transactional(readOnly = true)
    public List<Refund> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders.refunds WHERE order_id = :order ORDER BY created_at, id")
            .param("order", orderId)
            .query(Refunds::map)
            .list();
    }

    /** The refunds of these orders, by order id. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Refund>> ofOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM orders.refunds WHERE order_id = ANY (:orders) ORDER BY created_at, id")
            .param("orders", orderIds.toArray(UUID[]::new))
            .query(Refunds::map)
            .list()
            .stream()
            .collect(Collectors.groupingBy(Refund::orderId));
    }

    /** Refunds due now: never sent, or failed and past their backoff, under the limit. */
    @Transactional(readOnly = true)
    public List<UUID> due(int limit) {
        return jdbc.sql("""
                SELECT id FROM orders.refunds WHERE state IN ('REQUESTED', 'FAILED') AND next_attempt_at <= :now
                AND attempts < :max ORDER BY next_attempt_at LIMIT :limit""")
            .param("now", Timestamp.from(clock.instant()))
            .param("max", properties.refundMaxAttempts())
            .param("limit", limit)
            .query(UUID.class)
            .list();
    }

    /**
     * Sends one refund, if it is still due and no one else is sending it (its row locked,
     * SKIP LOCKED: safe on two instances). The refund key is the refund's id, so a retry
     * after a lost answer does not refund twice. Returns the refund as it is now, empty
     * when it was not due.
     */
    @Transactional
    public Optional<Refund> send(UUID refundId) {
        Instant now = clock.instant();
        Optional<Refund> locked = jdbc.sql("SELECT " + COLUMNS + """
                 FROM orders.refunds WHERE id = :id AND state IN ('REQUESTED', 'FAILED') AND next_attempt_at <= :now
                AND attempts < :max FOR UPDATE SKIP LOCKED""")
            .param("id", refundId)
            .param("now", Timestamp.from(now))
            .param("max", properties.refundMaxAttempts())
            .query(Refunds::map)
            .optional();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Refund refund = locked.get();
        PaymentGateway.RefundResult result = gateway.refund(refund.gatewayOrderId(), refund.id().toString(),
                refund.amountIdr(), refund.reason());
        int attempts = refund.attempts() + 1;
        if (result instanceof PaymentGateway.RefundResult.Failed failed) {
            Duration backoff = properties.refundRetryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
            jdbc.sql("""
                    UPDATE orders.refunds SET state = 'FAILED', attempts = :attempts, last_failure = :failure,
                    updated_at = :now, next_attempt_at = :next WHERE id = :id""")
                .param("attempts", attempts)
                .param("failure", failed.reason())
                .param("now", Timestamp.from(now))
                .param("next", Timestamp.from(now.plus(backoff)))
                .param("id", refund.id())
                .update();
            log.warn("Refund {} failed (attempt {} of {}): {}", refund.id(), attempts, properties.refundMaxAttempts(),
                    failed.reason());
        }
        else {
            jdbc.sql("""
                    UPDATE orders.refunds SET state = 'SUCCEEDED', attempts = :attempts, updated_at = :now,
                    succeeded_at = :now WHERE id = :id""")
                .param("attempts", attempts)
                .param("now", Timestamp.from(now))
                .param("id", refund.id())
                .update();
            events.publishEvent(new RefundSucceeded(refund.id(), refund.orderId(), refund.sellerOrderId(),
                    refund.amountIdr(), refund.reason(), now));
            log.info("Refund {} of Rp {} succeeded", refund.id(), refund.amountIdr());
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders.refunds WHERE id = :id")
            .param("id", refund.id())
            .query(Refunds::map)
            .optional();
    }

    private static Refund map(ResultSet rs, int row) throws SQLException {
        Timestamp succeeded = rs.getTimestamp("succeeded_at");
        return new Refund(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("seller_order_id", UUID.class), rs.getString("gateway_order_id"), rs.getLong("amount_idr"),
                rs.getString("reason"), rs.getString("state"), rs.getInt("attempts"), rs.getString("last_failure"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                succeeded == null ? null : succeeded.toInstant());
    }

}
