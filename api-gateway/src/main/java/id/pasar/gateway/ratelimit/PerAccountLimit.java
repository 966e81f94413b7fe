package id.pasar.gateway.ratelimit;

import id.pasar.gateway.web.ProblemWriter;
import id.pasar.kernel.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A limit per account, never per IP address, on requests of one method: past it a 429
 * with {@code Retry-After}. Counted before the request is looked at, so refused and
 * replayed requests count too. The buckets are {@link RateLimitBuckets}', in PostgreSQL,
 * so a limit holds across instances.
 */
final class PerAccountLimit implements HandlerInterceptor, DocumentedLimit {

    private final RateLimitBuckets buckets;

    private final ProblemWriter problems;

    private final String name;

    private final String method;

    private final BucketConfiguration configuration;

    private final int capacity;

    private final Duration period;

    private final String code;

    private final String title;

    private final String what;

    /**
     * @param name the bucket's prefix, one per limit
     * @param what what is counted, in the detail: "orders", "posts"
     */
    PerAccountLimit(RateLimitBuckets buckets, ProblemWriter problems, String name, String method, int capacity,
            Duration period, String code, String title, String what) {
        this.buckets = buckets;
        this.problems = problems;
        this.name = name;
        this.method = method;
        this.configuration = BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
            .build();
        this.capacity = capacity;
        this.period = period;
        this.code = code;
        this.title = title;
        this.what = what;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!method.equals(request.getMethod()) || request.getUserPrincipal() == null) {
            return true;
        }
        ConsumptionProbe probe = buckets.bucket(name, request.getUserPrincipal().getName(), () -> configuration)
            .tryConsumeAndReturnRemaining(1);
        // The IETF draft's headers (draft-ietf-httpapi-ratelimit-headers-07), so that a
        // client can slow down before it is refused.
        response.setHeader("RateLimit-Policy", capacity + ";w=" + period.toSeconds());
        response.setHeader("RateLimit", "limit=" + capacity + ", remaining=" + probe.getRemainingTokens() + ", reset="
                + Math.max(0, Duration.ofNanos(probe.getNanosToWaitForReset()).toSeconds()));
        if (probe.isConsumed()) {
            return true;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        problems.write(request, response,
                Problems.of(HttpStatus.TOO_MANY_REQUESTS, code, title,
                        "Too many " + what + " in a short time; try again in " + seconds + " seconds."),
                Map.of("Retry-After", Long.toString(seconds)));
        return false;
    }

    @Override
    public String method() {
        return this.method;
    }

    @Override
    public int capacity() {
        return this.capacity;
    }

    @Override
    public Duration period() {
        return this.period;
    }

    @Override
    public String what() {
        return this.what;
    }

    @Override
    public String code() {
        return this.code;
    }

}
