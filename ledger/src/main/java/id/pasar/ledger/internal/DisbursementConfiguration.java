package id.pasar.ledger.internal;

import lombok.extern.slf4j.Slf4j;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The disbursement adapter chosen by {@code pasar.ledger.disbursement}. */
@Slf4j
@Configuration(proxyBeanMethods = false)
class DisbursementConfiguration {

    @Bean
    Disbursement disbursement(PayoutProperties properties) {
        if (properties.sandbox()) {
            log.info("Payouts go to the sandbox: nothing is paid (MARKETPLACE_DISBURSEMENT=iris for real)");
            return new SandboxDisbursement();
        }
        if (!"iris".equalsIgnoreCase(properties.disbursement())) {
            throw new IllegalStateException("MARKETPLACE_DISBURSEMENT must be sandbox or iris");
        }
        PayoutProperties.Iris iris = properties.iris();
        if (iris.creatorKey() == null || iris.creatorKey().isBlank()) {
            throw new IllegalStateException("MARKETPLACE_DISBURSEMENT=iris needs MARKETPLACE_IRIS_CREATOR_KEY");
        }
        if (iris.merchantKey() == null || iris.merchantKey().isBlank()) {
            log.warn("No MARKETPLACE_IRIS_MERCHANT_KEY: every payout notification will be refused");
        }
        log.info("Payouts go to Midtrans Iris at {}", iris.baseUrl());
        return new IrisDisbursement(iris);
    }

}
