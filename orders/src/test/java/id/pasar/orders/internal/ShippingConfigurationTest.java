package id.pasar.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShippingConfigurationTest {

    static ShippingProperties.Biteship biteship(String key) {
        return new ShippingProperties.Biteship(key, URI.create("https://api.biteship.com"), Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }

    @Test
    void theTableByDefault() {
        assertThat(new ShippingConfiguration()
            .shippingRates(new ShippingProperties(ShippingProperties.Source.TABLE, biteship(null))))
            .isInstanceOf(RateTable.class);
    }

    @Test
    void biteshipWhenSelectedWithAKey() {
        assertThat(new ShippingConfiguration()
            .shippingRates(new ShippingProperties(ShippingProperties.Source.BITESHIP, biteship("key"))))
            .isInstanceOf(BiteshipRates.class);
    }

    @Test
    void biteshipWithoutAKeyDoesNotStart() {
        assertThatThrownBy(() -> new ShippingConfiguration()
            .shippingRates(new ShippingProperties(ShippingProperties.Source.BITESHIP, biteship(" "))))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("MARKETPLACE_SHIPPING_API_KEY");
    }

    @Test
    void theKeyIsNeverPrinted() {
        assertThat(biteship("secret-key")).asString().doesNotContain("secret-key");
    }

}
