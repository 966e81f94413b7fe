package id.pasar.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.sql.DataSource;
import lombok.extern.slf4j.Slf4j;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in PostgreSQL ({@code gateway.rate_limit_buckets}) with Bucket4j, so
 * that a limit holds across every instance. Buckets expire once refilled; a periodic task
 * deletes them.
 */
@Slf4j
@Component
public class RateLimitBuckets {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    RateLimitBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("gateway.rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .expirationAfterWrite(
                    ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
            .build();
    }

    /**
     * The bucket of {@code subject} (hashed, so no email or id is stored in clear) under
     * a limit's name.
     */
    public BucketProxy bucket(String limit, String subject, Supplier<BucketConfiguration> configuration) {
        return buckets.builder().build(limit + ":" + sha256(subject), configuration);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void removeExpired() {
        // SKIP LOCKED inside: instances running this at once share the work instead of
        // blocking.
        int removed = buckets.removeExpired(1_000);
        if (removed > 0) {
            log.debug("Removed {} expired rate-limit buckets", removed);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
