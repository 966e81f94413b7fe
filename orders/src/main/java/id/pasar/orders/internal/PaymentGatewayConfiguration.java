package id.pasar.orders.internal;

import java.time.Clock;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment gateway adapter chosen by {@code pasar.orders.payment-gateway}. */
@Slf4j
@Configuration(proxyBeanMethods = false)
class PaymentGatewayConfiguration {

    @Bean
    PaymentGateway paymentGateway(PaymentGatewayProperties properties, PaymentServerKey serverKey, Clock clock) {
        if (properties.sandbox()) {
            log.info("Payments go to the sandbox: nothing is charged (MARKETPLACE_PAYMENT_GATEWAY=midtrans for real)");
            return new SandboxPaymentGateway();
        }
        if (!"midtrans".equalsIgnoreCase(properties.paymentGateway())) {
            throw new IllegalStateException("MARKETPLACE_PAYMENT_GATEWAY must be sandbox or midtrans");
        }
        if (serverKey.value() == null) {
            throw new IllegalStateException(
                    "MARKETPLACE_PAYMENT_GATEWAY=midtrans needs MARKETPLACE_PAYMENT_SERVER_KEY");
        }
        log.info("Payments go to Midtrans at {}", properties.midtransBaseUrl());
        return new MidtransPaymentGateway(properties.midtransBaseUrl(), serverKey.value(),
                properties.midtransConnectTimeout(), properties.midtransReadTimeout(), clock);
    }

}
