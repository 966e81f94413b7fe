package id.pasar.orders.internal;

import java.time.Instant;

/**
 * The payment gateway (port): {@code sandbox} by default, {@code midtrans} for real money
 * ({@code pasar.orders.payment-gateway}). Charge, cancel and status throw
 * {@link PaymentProblems.GatewayUnavailable} (502/503) when the gateway is down or
 * answers nonsense; a refund never throws, it answers {@link RefundResult.Failed} to
 * retry later.
 */
public interface PaymentGateway {

    /** Payment instructions for one attempt, expiring with the order. */
    Instructions charge(Charge charge);

    /** Cancels a pending charge; one that cannot be cancelled any more is left alone. */
    void cancel(String gatewayOrderId);

    /** The gateway's own view of a transaction, to confirm a notification with. */
    TransactionStatus status(String gatewayOrderId);

    /**
     * Gives (part of) a settled transaction back; {@code refundKey} makes a retry safe.
     */
    RefundResult refund(String gatewayOrderId, String refundKey, long amountIdr, String reason);

    /**
     * Whether a settlement notification is confirmed with {@link #status} before the
     * order is paid.
     */
    default boolean confirmsSettlements() {
        return false;
    }

    /**
     * @param channel the bank (BCA, BNI, BRI, MANDIRI, PERMATA) or e-wallet (GOPAY, OVO,
     * DANA, SHOPEEPAY); null for QRIS
     */
    record Charge(String gatewayOrderId, long amountIdr, PaymentMethod method, String channel, Instant expiresAt) {
    }

    /** What the shopper needs to pay: the fields of the method, the others null. */
    record Instructions(String vaNumber, String billKey, String billerCode, String qrString, String deeplink) {
    }

    record TransactionStatus(String statusCode, String transactionStatus, String fraudStatus, String grossAmount) {
    }

    sealed interface RefundResult permits RefundResult.Succeeded, RefundResult.Failed {

        record Succeeded() implements RefundResult {
        }

        record Failed(String reason) implements RefundResult {
        }

    }

}
