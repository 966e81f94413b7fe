package id.pasar.orders.internal;

import id.pasar.kernel.ProblemException;
import id.pasar.orders.OrderPaid;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Payment gateway notifications (Midtrans-style). Only a notification signed with our
 * server key is believed:
 * {@code signature_key = hex(SHA-512(order_id + status_code + gross_amount + serverKey))},
 * compared in constant time. Notifications repeat and arrive out of order, so each only
 * moves an order forward from where it is, and a repeat changes nothing.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class Payments {

    private final OrderRepository orders;

    private final OrderBook book;

    private final OrdersProperties properties;

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    public record Notification(String orderId, String statusCode, String grossAmount, String transactionStatus,
            String fraudStatus, String signatureKey) {
    }

    /** What the notification did: PAID, CANCELLED, or UNCHANGED. */
    @Transactional
    public String receive(Notification notification) {
        if (!signedByGateway(notification)) {
            log.warn("Payment notification with a bad signature refused (order_id {})", notification.orderId());
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE", "Invalid signature",
                    "The notification is not signed with this merchant's server key.");
        }
        UUID orderId = parse(notification.orderId());
        Order order = orders.lockById(orderId).orElseThrow(OrderProblems.OrderNotFound::new);
        BigDecimal paid = amount(notification.grossAmount());
        if (paid.compareTo(BigDecimal.valueOf(order.getTotalIdr())) != 0) {
            record(orderId, notification, "AMOUNT_MISMATCH");
            log.warn("Payment notification for order {} refused: amount {} but the order totals {}", orderId,
                    notification.grossAmount(), order.getTotalIdr());
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "PAYMENT_AMOUNT_MISMATCH",
                    "Amount does not match", "The notified amount is not the order's total.");
        }
        String outcome = apply(order, notification);
        record(orderId, notification, outcome);
        return outcome;
    }

    private String apply(Order order, Notification notification) {
        String status = notification.transactionStatus() == null ? ""
                : notification.transactionStatus().toLowerCase(Locale.ROOT);
        switch (status) {
            case "settlement", "capture" -> {
                boolean challenged = "capture".equals(status)
                        && "challenge".equalsIgnoreCase(notification.fraudStatus());
                if (!challenged && order.markPaid(clock.instant())) {
                    events.publishEvent(new OrderPaid(order.getId(), order.getTotalIdr(), order.getPaidAt()));
                    log.info("Order {} paid", order.getId());
                    return "PAID";
                }
                if (order.getStatus().isClosed() && !challenged) {
                    log.warn("Payment settled for order {} that is already {}: refund needed", order.getId(),
                            order.getStatus());
                }
                return "UNCHANGED";
            }
            case "expire", "cancel", "deny" -> {
                if (book.cancelUnpaid(order)) {
                    log.info("Order {} cancelled by the payment gateway ({})", order.getId(), status);
                    return "CANCELLED";
                }
                return "UNCHANGED";
            }
            default -> {
                return "UNCHANGED";
            }
        }
    }

    private boolean signedByGateway(Notification n) {
        String serverKey = properties.paymentServerKey();
        if (!StringUtils.hasText(serverKey) || n.signatureKey() == null || n.orderId() == null || n.statusCode() == null
                || n.grossAmount() == null) {
            return false;
        }
        String expected = sha512(n.orderId() + n.statusCode() + n.grossAmount() + serverKey);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                n.signatureKey().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private void record(UUID orderId, Notification n, String outcome) {
        jdbc.sql(
                """
                        INSERT INTO orders.payment_notifications (order_id, transaction_status, status_code, gross_amount, outcome, received_at)
                        VALUES (:order, :status, :code, :amount, :outcome, :at)""")
            .param("order", orderId)
            .param("status", n.transactionStatus())
            .param("code", n.statusCode())
            .param("amount", n.grossAmount())
            .param("outcome", outcome)
            .param("at", Timestamp.from(clock.instant()))
            .update();
    }

    private static UUID parse(String orderId) {
        try {
            return UUID.fromString(orderId);
        }
        catch (IllegalArgumentException e) {
            throw new OrderProblems.OrderNotFound();
        }
    }

    private static BigDecimal amount(String grossAmount) {
        try {
            return new BigDecimal(grossAmount);
        }
        catch (NumberFormatException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed amount",
                    "gross_amount is not a decimal.");
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
