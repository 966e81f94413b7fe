package id.pasar.gateway.accounts;

import id.pasar.gateway.ratelimit.RateLimitBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Throttles token requests per account, never per IP address (shoppers share carrier NAT): after
 * {@value #MAX_FAILURES} failed attempts for one email within {@link #WINDOW}, further attempts
 * are refused until the window has passed. Unknown emails are throttled like known ones, so the
 * answer tells an attacker nothing about which accounts exist.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final RateLimitBuckets buckets;
    private final BucketConfiguration configuration = BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(MAX_FAILURES).refillIntervally(MAX_FAILURES, WINDOW).build())
            .build();

    LoginThrottle(RateLimitBuckets buckets) {
        this.buckets = buckets;
    }

    /** How long the account must wait, if its failures used up the window. */
    Optional<Duration> blockedFor(EmailAddress email) {
        EstimationProbe probe = bucket(email).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    void recordFailure(EmailAddress email) {
        bucket(email).tryConsume(1);
    }

    private BucketProxy bucket(EmailAddress email) {
        return buckets.bucket("login", email.value(), () -> configuration);
    }
}
