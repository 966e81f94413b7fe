package id.pasar.orders.internal;

import lombok.extern.slf4j.Slf4j;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link ShippingRates} that {@code pasar.orders.shipping.rates} selects. */
@Slf4j
@Configuration(proxyBeanMethods = false)
class ShippingConfiguration {

    @Bean
    ShippingRates shippingRates(ShippingProperties properties) {
        RateTable table = new RateTable();
        if (properties.rates() == ShippingProperties.Source.BITESHIP) {
            ShippingProperties.Biteship biteship = properties.biteship();
            if (biteship.apiKey() == null || biteship.apiKey().isBlank()) {
                throw new IllegalStateException("pasar.orders.shipping.rates=biteship needs "
                        + "pasar.orders.shipping.biteship.api-key (MARKETPLACE_SHIPPING_API_KEY)");
            }
            log.info("Shipping rates from Biteship at {}; routes without both postal codes from the table",
                    biteship.baseUrl());
            return new BiteshipRates(biteship, table);
        }
        return table;
    }

}
