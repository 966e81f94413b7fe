package id.pasar.gateway.accounts;

import id.pasar.gateway.ratelimit.RateLimitBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Throttles password guessing without making it a tool to lock others out
 * (docs/security.md, "Token requests"). Failures are counted per account and client:
 * after {@value #MAX_FAILURES} failed attempts for one email from one client within
 * {@link #WINDOW}, that client's further attempts on that account are refused until the
 * window has passed, while the owner on another client logs in as usual. Failures are
 * also counted per account across all clients: past {@value #MAX_ACCOUNT_FAILURES} within
 * the window (a guesser using many clients), only a client with no failures of its own on
 * the account may still try, so a distributed guesser gets one guess per client per
 * window and the owner is never shut out. Unknown emails are throttled like known ones,
 * so the answer tells nothing about which accounts exist. The client is its address as
 * the server sees it (configure forwarded headers behind a proxy), kept only as a hash.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final int MAX_ACCOUNT_FAILURES = 100;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final RateLimitBuckets buckets;

    private final BucketConfiguration perClient = window(MAX_FAILURES);

    private final BucketConfiguration perAccount = window(MAX_ACCOUNT_FAILURES);

    LoginThrottle(RateLimitBuckets buckets) {
        this.buckets = buckets;
    }

    /** How long this client must wait before trying this account again, if it must. */
    Optional<Duration> blockedFor(EmailAddress email, String client) {
        BucketProxy own = clientBucket(email, client);
        EstimationProbe ownProbe = own.estimateAbilityToConsume(1);
        if (!ownProbe.canBeConsumed()) {
            return Optional.of(Duration.ofNanos(ownProbe.getNanosToWaitForRefill()));
        }
        EstimationProbe accountProbe = accountBucket(email).estimateAbilityToConsume(1);
        if (!accountProbe.canBeConsumed() && own.getAvailableTokens() < MAX_FAILURES) {
            return Optional.of(Duration.ofNanos(accountProbe.getNanosToWaitForRefill()));
        }
        return Optional.empty();
    }

    void recordFailure(EmailAddress email, String client) {
        clientBucket(email, client).tryConsume(1);
        accountBucket(email).tryConsume(1);
    }

    private BucketProxy clientBucket(EmailAddress email, String client) {
        return buckets.bucket("login-client", email.value() + "|" + hash(client), () -> perClient);
    }

    private BucketProxy accountBucket(EmailAddress email) {
        return buckets.bucket("login", email.value(), () -> perAccount);
    }

    private static BucketConfiguration window(int failures) {
        return BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(failures).refillIntervally(failures, WINDOW).build())
            .build();
    }

    /**
     * The client's address is personal data: only a short hash of it names its bucket.
     */
    private static String hash(String client) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(client.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

}
