package id.pasar.orders.internal;

import id.pasar.kernel.ProblemException;
import id.pasar.orders.OrderPaid;
import id.pasar.orders.OrderStatus;
import id.pasar.orders.SettlementNotTaken;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment gateway notifications (Midtrans-style). Only a notification signed with our
 * server key is believed:
 * {@code signature_key = hex(SHA-512(order_id + status_code + gross_amount + serverKey))},
 * compared in constant time; its {@code status_code} must agree with its
 * {@code transaction_status} (200 settlement/capture, 201 pending, 202
 * deny/cancel/expire), so that a signed pending cannot be replayed as a settlement; a
 * capture pays only with fraud_status accept; on a gateway that confirms (midtrans) the
 * status API must confirm a settlement. Notifications repeat and arrive out of order, so
 * each only moves an order forward, and a repeat changes nothing. A settlement that can
 * no longer pay its order (closed, or paid by another attempt) is refunded, once. Every
 * notification is recorded with its outcome, a refusal in a transaction of its own so
 * that the refusal's rollback keeps it.
 */
@Slf4j
@Service
public class Payments {

    private static final Map<String, String> STATUS_CODES = Map.of("settlement", "200", "capture", "200", "pending",
            "201", "deny", "202", "cancel", "202", "expire", "202");

    private final OrderRepository orders;

    private final OrderBook book;

    private final PaymentServerKey serverKey;

    private final PaymentRecords payments;

    private final PaymentGateway gateway;

    private final Refunds refunds;

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transactions;

    private final TransactionTemplate ownTransaction;

    private final Clock clock;

    Payments(OrderRepository orders, OrderBook book, PaymentServerKey serverKey, PaymentRecords payments,
            PaymentGateway gateway, Refunds refunds, JdbcClient jdbc, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.orders = orders;
        this.book = book;
        this.serverKey = serverKey;
        this.payments = payments;
        this.gateway = gateway;
        this.refunds = refunds;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public record Notification(String orderId, String statusCode, String grossAmount, String transactionStatus,
            String fraudStatus, String signatureKey) {
    }

    /** A refusal, recorded with its outcome before the problem is answered. */
    private static final class Refused extends RuntimeException {

        private final transient UUID orderId;

        private final String outcome;

        private final boolean verified;

        private final ProblemException problem;

        Refused(UUID orderId, String outcome, boolean verified, ProblemException problem) {
            super(outcome, null, false, false);
            this.orderId = orderId;
            this.outcome = outcome;
            this.verified = verified;
            this.problem = problem;
        }

    }

    /**
     * What the notification did: PAID, CANCELLED, REFUND_REQUESTED, NOT_PAID (a capture
     * not accepted by fraud detection) or UNCHANGED.
     */
    public String receive(Notification notification) {
        try {
            return transactions.execute(tx -> process(notification));
        }
        catch (Refused refused) {
            ownTransaction
                .executeWithoutResult(tx -> record(refused.orderId, notification, refused.verified, refused.outcome));
            log.warn("Payment notification for {} refused: {}", notification.orderId(), refused.outcome);
            throw refused.problem;
        }
    }

    private String process(Notification n) {
        if (!signedByGateway(n)) {
            throw new Refused(null, "BAD_SIGNATURE", false,
                    new ProblemException(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE", "Invalid signature",
                            "The notification is not signed with this merchant's server key."));
        }
        String status = n.transactionStatus() == null ? "" : n.transactionStatus().toLowerCase(Locale.ROOT);
        String expectedCode = STATUS_CODES.get(status);
        if (expectedCode != null && !expectedCode.equals(n.statusCode())) {
            throw new Refused(null, "INCONSISTENT_STATUS", true, new PaymentProblems.NotificationInconsistent());
        }
        Optional<PaymentView> payment = payments.byGatewayOrderId(n.orderId());
        UUID orderId = payment.map(PaymentView::orderId).orElseGet(() -> parse(n.orderId()));
        Order order = orderId == null ? null : orders.lockById(orderId).orElse(null);
        if (order == null) {
            throw new Refused(null, "UNKNOWN_ORDER", true, new OrderProblems.OrderNotFound());
        }
        BigDecimal notified = amount(n.grossAmount(), order.getId());
        long expected = payment.map(PaymentView::amountIdr).orElse(order.getTotalIdr());
        if (notified.compareTo(BigDecimal.valueOf(expected)) != 0) {
            throw new Refused(order.getId(), "AMOUNT_MISMATCH", true,
                    new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "PAYMENT_AMOUNT_MISMATCH",
                            "Amount does not match", "The notified amount is not the order's total."));
        }
        String outcome = switch (status) {
            case "settlement", "capture" -> settle(order, payment, n, status);
            case "expire", "cancel", "deny" -> fail(order, payment, status);
            default -> "UNCHANGED";
        };
        record(order.getId(), n, true, outcome);
        return outcome;
    }

    private String settle(Order order, Optional<PaymentView> payment, Notification n, String status) {
        if ("capture".equals(status) && !"accept".equalsIgnoreCase(n.fraudStatus())) {
            log.warn("Capture of {} not paid: fraud_status {}", n.orderId(), n.fraudStatus());
            return "NOT_PAID";
        }
        if (gateway.confirmsSettlements()) {
            confirm(order.getId(), n);
        }
        String paidBy = paidBy(order);
        if (n.orderId().equals(paidBy)) {
            return "UNCHANGED";
        }
        if (paidBy == null && order.markPaid(clock.instant())) {
            payment.ifPresent(p -> payments.setStatus(p.id(), "PAID"));
            events.publishEvent(paid(order));
            log.info("Order {} paid through {}", order.getId(), n.orderId());
            return "PAID";
        }
        if (paidBy == null && order.getStatus() == OrderStatus.PENDING_PAYMENT) {
            return "UNCHANGED";
        }
        // The order is closed unpaid, or another attempt paid it: this money goes back.
        boolean created = false;
        String reason = paidBy == null ? "LATE_SETTLEMENT: order " + order.getStatus()
                : "DUPLICATE_PAYMENT: order paid by " + paidBy;
        for (SellerOrder sellerOrder : order.getSellerOrders()) {
            created |= refunds.request(order.getId(), sellerOrder.getId(), n.orderId(), sellerOrder.totalIdr(), reason)
                .created();
        }
        payment.ifPresent(p -> payments.setStatus(p.id(), "REFUNDED"));
        if (created) {
            events.publishEvent(new SettlementNotTaken(order.getId(), n.orderId(), order.getTotalIdr(),
                    reason.substring(0, reason.indexOf(':')), clock.instant()));
            log.warn("Payment {} settled for order {} that cannot take it ({}): refund requested", n.orderId(),
                    order.getId(), reason);
            return "REFUND_REQUESTED";
        }
        return "UNCHANGED";
    }

    private static OrderPaid paid(Order order) {
        return new OrderPaid(order.getId(), order.getTotalIdr(), order.getPaidAt(), order.getCreatedAt(),
                order.getSellerOrders()
                    .stream()
                    .map(sellerOrder -> new OrderPaid.SellerOrderPaid(sellerOrder.getId(), sellerOrder.getSellerId(),
                            sellerOrder.getSubtotalIdr(), sellerOrder.getShippingIdr(),
                            sellerOrder.getLines()
                                .stream()
                                .collect(Collectors.groupingBy(
                                        line -> line.getCategoryCode() == null ? OrderPaid.UNKNOWN_CATEGORY
                                                : line.getCategoryCode(),
                                        TreeMap::new, Collectors.summingLong(OrderLine::lineTotalIdr))),
                            sellerOrder.getLines()
                                .stream()
                                .filter(line -> line.getAffiliateCreatorId() != null)
                                .map(line -> new OrderPaid.AffiliateLine(line.getAffiliateCreatorId(),
                                        line.getCommissionPercent(), line.lineTotalIdr()))
                                .toList()))
                    .toList());
    }

    /**
     * The gateway transaction that paid the order: its PAID attempt, or the order id
     * itself for an order paid without one; null when unpaid.
     */
    private String paidBy(Order order) {
        if (order.getPaidAt() == null) {
            return null;
        }
        return payments.ofOrder(order.getId())
            .stream()
            .filter(p -> "PAID".equals(p.status()))
            .map(PaymentView::gatewayOrderId)
            .findFirst()
            .orElse(order.getId().toString());
    }

    private void confirm(UUID orderId, Notification n) {
        PaymentGateway.TransactionStatus confirmed;
        try {
            confirmed = gateway.status(n.orderId());
        }
        catch (PaymentProblems.GatewayUnavailable unavailable) {
            throw new Refused(orderId, "GATEWAY_UNAVAILABLE", true, unavailable);
        }
        String status = confirmed.transactionStatus() == null ? ""
                : confirmed.transactionStatus().toLowerCase(Locale.ROOT);
        boolean settled = "settlement".equals(status)
                || ("capture".equals(status) && "accept".equalsIgnoreCase(confirmed.fraudStatus()));
        if (!settled || !sameAmount(confirmed.grossAmount(), n.grossAmount())) {
            throw new Refused(orderId, "NOT_CONFIRMED", true, new PaymentProblems.NotificationNotConfirmed());
        }
    }

    private String fail(Order order, Optional<PaymentView> payment, String status) {
        if (payment.isPresent() && !"PENDING".equals(payment.get().status())) {
            // A replaced (or settled) attempt ends: the order goes on with the current
            // one.
            return "UNCHANGED";
        }
        payment.ifPresent(p -> payments.setStatus(p.id(), "FAILED"));
        if (book.cancelUnpaid(order)) {
            log.info("Order {} cancelled by the payment gateway ({})", order.getId(), status);
            return "CANCELLED";
        }
        return "UNCHANGED";
    }

    private boolean signedByGateway(Notification n) {
        String key = serverKey.value();
        if (key == null || n.signatureKey() == null || n.orderId() == null || n.statusCode() == null
                || n.grossAmount() == null) {
            return false;
        }
        String expected = sha512(n.orderId() + n.statusCode() + n.grossAmount() + key);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                n.signatureKey().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private void record(UUID orderId, Notification n, boolean verified, String outcome) {
        jdbc.sql("""
                INSERT INTO orders.payment_notifications (order_id, gateway_order_id, transaction_status, status_code,
                gross_amount, fraud_status, verified, outcome, received_at)
                VALUES (:order, :gateway, :status, :code, :amount, :fraud, :verified, :outcome, :at)""")
            .param("order", orderId)
            .param("gateway", n.orderId())
            .param("status", n.transactionStatus())
            .param("code", n.statusCode())
            .param("amount", n.grossAmount())
            .param("fraud", n.fraudStatus())
            .param("verified", verified)
            .param("outcome", outcome)
            .param("at", Timestamp.from(clock.instant()))
            .update();
    }

    private static UUID parse(String orderId) {
        try {
            return UUID.fromString(orderId);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal amount(String grossAmount, UUID orderId) {
        try {
            return new BigDecimal(grossAmount);
        }
        catch (NumberFormatException e) {
            throw new Refused(orderId, "MALFORMED_AMOUNT", true, new ProblemException(HttpStatus.BAD_REQUEST,
                    "MALFORMED_REQUEST", "Malformed amount", "gross_amount is not a decimal."));
        }
    }

    private static boolean sameAmount(String a, String b) {
        try {
            return a != null && new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        }
        catch (NumberFormatException e) {
            return false;
        }
    }

    static String sha512(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
