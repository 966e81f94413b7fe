package id.pasar.webhooks.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowLoopback whether an endpoint may be on a loopback address (127.0.0.0/8,
 * ::1), and then also plain {@code http://}: for development and tests only, never in
 * production, where it would let a seller make the platform call itself
 * @param connectTimeout how long a delivery waits for the TCP connection (and TLS
 * handshake)
 * @param readTimeout how long a delivery waits for the receiver's answer once the request
 * is sent
 * @param firstRetry the wait after the first failed attempt; doubled after each further
 * one
 * @param longestRetry the longest wait between two attempts
 * @param giveUpAfter how long after its event a delivery is tried before it is GAVE_UP
 * @param batch how many due deliveries one run of the job takes
 */
@ConfigurationProperties("pasar.webhooks")
public record WebhooksProperties(@DefaultValue("false") boolean allowLoopback,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("1m") Duration firstRetry, @DefaultValue("1h") Duration longestRetry,
        @DefaultValue("24h") Duration giveUpAfter, @DefaultValue("100") int batch) {

    /** The wait after the {@code failures}th failed attempt in a row (1 or more). */
    Duration backoff(int failures) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }

}
