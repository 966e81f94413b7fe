package id.pasar.orders.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The server key that signs notifications ({@code MARKETPLACE_PAYMENT_SERVER_KEY}). On
 * the sandbox without one, a random key made at start signs and verifies the sandbox's
 * own notifications; without one on midtrans, every notification is refused.
 */
@Slf4j
@Component
class PaymentServerKey {

    private final String key;

    PaymentServerKey(OrdersProperties orders, PaymentGatewayProperties gateway) {
        if (StringUtils.hasText(orders.paymentServerKey())) {
            this.key = orders.paymentServerKey();
        }
        else if (gateway.sandbox()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.key = "SB-sandbox-" + HexFormat.of().formatHex(random);
            log.info("No MARKETPLACE_PAYMENT_SERVER_KEY: the payment sandbox signs with a random key made at start");
        }
        else {
            this.key = null;
            log.warn("No MARKETPLACE_PAYMENT_SERVER_KEY: every payment notification will be refused");
        }
    }

    /** Null when there is none. */
    String value() {
        return key;
    }

    /** hex SHA-512 of order_id + status_code + gross_amount + server key. */
    String sign(String gatewayOrderId, String statusCode, String grossAmount) {
        return Payments.sha512(gatewayOrderId + statusCode + grossAmount + key);
    }

}
