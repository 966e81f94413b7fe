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
 * @param deliveredAfter how long after shipping a seller order counts as delivered when
 * its shopper has not confirmed it
 * @param returnWindow how long after delivery the shopper may ask for a return; a seller
 * order completes when it has passed with no return open
 * @param returnDecisionWindow how long a seller has to accept or refuse a return before
 * it is accepted for them, and a shopper to escalate a refusal
 * @param returnShipBackWindow how long a shopper has to send an accepted return back
 * before it lapses
 * @param checkoutsInFlight how many checkouts of this instance run at once, each on one
 * pooled connection: the others wait in memory, in arrival order; keep it under the
 * pool's size ({@code spring.datasource.hikari.maximum-pool-size}), so that the requests
 * that are not checkouts keep connections to work with
 * @param checkoutsPerVariant how many of them may be checkouts of one variant, whose
 * stock row they take in turn: a flash deal's checkouts then wait in memory instead of
 * holding the instance's turns and connections for that row
 * @param checkoutsWaitingPerVariant how many checkouts of one variant may wait for its
 * turn; one more is 503 {@code CHECKOUT_BUSY} without waiting. A waiting checkout holds a
 * request thread, so a flash deal's taps take the server's threads (Tomcat's 200) in
 * front of other requests; a room well under {@code server.tomcat.threads.max} frees
 * them, but measured (docs/performance.md, "a waiting room of 32 against none") the freed
 * threads then queue the burst's next requests on the connection pool, in front of the
 * deal's own checkouts: the deal sold 1.4-2.2 times slower for other orders waiting
 * 0.5-0.9 as long. So by default there is none (more than the threads)
 * @param checkoutQueueWait how long a checkout may wait for its turn before it is 503
 * {@code CHECKOUT_BUSY}: under the mobile client's timeout
 */
@ConfigurationProperties("pasar.orders")
public record OrdersProperties(@DefaultValue("30m") Duration paymentWindow,
        @DefaultValue("10") int maxUnpaidUnitsPerListing, String paymentServerKey,
        @DefaultValue("7d") Duration deliveredAfter, @DefaultValue("2d") Duration returnWindow,
        @DefaultValue("2d") Duration returnDecisionWindow, @DefaultValue("7d") Duration returnShipBackWindow,
        @DefaultValue("16") int checkoutsInFlight, @DefaultValue("4") int checkoutsPerVariant,
        @DefaultValue("10000") int checkoutsWaitingPerVariant, @DefaultValue("20s") Duration checkoutQueueWait) {
}
