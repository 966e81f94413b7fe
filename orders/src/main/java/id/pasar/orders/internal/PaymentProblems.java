package id.pasar.orders.internal;

import id.pasar.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** The refusals of payments and their notifications, each with its stable code. */
public final class PaymentProblems {

    private PaymentProblems() {
    }

    public static final class MethodUnsupported extends ProblemException {

        MethodUnsupported(String channel) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "PAYMENT_METHOD_UNSUPPORTED", "Payment method unsupported",
                    channel + " is not offered by the payment gateway in use; choose another.");
            property("channel", channel);
        }

    }

    /** 503 when the gateway is unreachable or down, 502 when it answers nonsense. */
    public static final class GatewayUnavailable extends ProblemException {

        GatewayUnavailable(HttpStatus status, String detail) {
            super(status, "PAYMENT_GATEWAY_UNAVAILABLE", "Payment gateway unavailable", detail);
            getHeaders().set("Retry-After", "5");
        }

    }

    /** A signed notification whose status_code disagrees with its transaction_status. */
    public static final class NotificationInconsistent extends ProblemException {

        NotificationInconsistent() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "NOTIFICATION_INCONSISTENT", "Inconsistent notification",
                    "status_code does not agree with transaction_status.");
        }

    }

    /** The gateway's status API does not confirm the settlement. */
    public static final class NotificationNotConfirmed extends ProblemException {

        NotificationNotConfirmed() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "NOTIFICATION_NOT_CONFIRMED", "Notification not confirmed",
                    "The payment gateway does not confirm this settlement.");
        }

    }

}
