package id.pasar.gateway.accounts;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import lombok.extern.slf4j.Slf4j;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Throttles token requests per account, never per IP address (shoppers share carrier NAT): after
 * {@value #MAX_FAILURES} failed attempts for one email within {@link #WINDOW}, further attempts
 * are refused until the window has passed. The buckets live in PostgreSQL (Bucket4j), so the limit
 * holds across instances. Unknown emails are throttled like known ones, so the answer tells an
 * attacker nothing about which accounts exist.
 */
@Slf4j
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final ProxyManager<String> buckets;
    private final BucketConfiguration configuration = BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(MAX_FAILURES).refillIntervally(MAX_FAILURES, WINDOW).build())
            .build();

    LoginThrottle(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("gateway.rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** How long the account must wait, if its failures used up the window. */
    Optional<Duration> blockedFor(EmailAddress email) {
        EstimationProbe probe = bucket(email).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    void recordFailure(EmailAddress email) {
        bucket(email).tryConsume(1);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void removeExpiredBuckets() {
        // SKIP LOCKED inside: instances running this at once share the work instead of blocking.
        int removed = ((io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner) buckets).removeExpired(1_000);
        if (removed > 0) {
            log.debug("Removed {} expired rate-limit buckets", removed);
        }
    }

    private io.github.bucket4j.distributed.BucketProxy bucket(EmailAddress email) {
        return buckets.builder().build("login:" + sha256(email.value()), () -> configuration);
    }

    /** The key names the account without storing its email in clear. */
    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
