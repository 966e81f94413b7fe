package id.pasar.orders.internal;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rates where courier rates come from ({@code MARKETPLACE_SHIPPING_RATES}):
 * {@code table}, the built-in illustrative table, or {@code biteship}
 * @param biteship the Biteship rate API, used when {@code rates} is {@code biteship}
 */
@ConfigurationProperties("pasar.orders.shipping")
public record ShippingProperties(@DefaultValue("table") Source rates, @DefaultValue Biteship biteship) {

    public enum Source {

        TABLE, BITESHIP

    }

    /**
     * @param apiKey the API key ({@code MARKETPLACE_SHIPPING_API_KEY}), sent as the
     * {@code authorization} header; required when Biteship is selected
     * @param baseUrl where the API is ({@code MARKETPLACE_SHIPPING_API_URL})
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for the answer
     */
    public record Biteship(String apiKey, @DefaultValue("https://api.biteship.com") URI baseUrl,
            @DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {

        @Override
        public String toString() {
            return "Biteship[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***") + "]";
        }
    }

}
