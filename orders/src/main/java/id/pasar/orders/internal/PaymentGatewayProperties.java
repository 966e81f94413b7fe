package id.pasar.orders.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paymentGateway {@code sandbox} (default: realistic instructions, nothing
 * charged) or {@code midtrans} ({@code MARKETPLACE_PAYMENT_GATEWAY})
 * @param midtransBaseUrl the Core API's base URL ({@code MARKETPLACE_MIDTRANS_BASE_URL})
 * @param midtransConnectTimeout how long to wait for a connection to the gateway
 * @param midtransReadTimeout how long to wait for its answer
 * @param refundMaxAttempts how many times a refund is tried before it stays FAILED
 * @param refundRetryBackoff the wait after the first failed try; doubled after each
 */
@ConfigurationProperties("pasar.orders")
public record PaymentGatewayProperties(@DefaultValue("sandbox") String paymentGateway,
        @DefaultValue("https://api.sandbox.midtrans.com") String midtransBaseUrl,
        @DefaultValue("5s") Duration midtransConnectTimeout, @DefaultValue("15s") Duration midtransReadTimeout,
        @DefaultValue("8") int refundMaxAttempts, @DefaultValue("1m") Duration refundRetryBackoff) {

    public boolean sandbox() {
        return "sandbox".equalsIgnoreCase(paymentGateway);
    }

}
