package id.pasar.orders.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paymentWindow how long an order may stay unpaid before it expires and gives its
 * stock back
 * @param maxUnpaidUnitsPerListing how many units of one listing one shopper may hold in
 * unpaid orders
 * @param paymentServerKey the payment gateway's server key
 * ({@code MARKETPLACE_PAYMENT_SERVER_KEY}); without it every notification is refused
 */
@ConfigurationProperties("pasar.orders")
public record OrdersProperties(@DefaultValue("30m") Duration paymentWindow,
        @DefaultValue("10") int maxUnpaidUnitsPerListing, String paymentServerKey) {
}
