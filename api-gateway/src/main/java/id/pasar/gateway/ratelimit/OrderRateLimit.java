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
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Order placement per shopper (api.md: 30 a minute by default), never per IP address: a
 * 429 with {@code Retry-After} past the limit. Counted before the order is looked at, so
 * replays count too.
 */
@Configuration(proxyBeanMethods = false)
class OrderRateLimit implements WebMvcConfigurer {

    private final RateLimitBuckets buckets;

    private final ProblemWriter problems;

    private final BucketConfiguration configuration;

    OrderRateLimit(RateLimitBuckets buckets, ProblemWriter problems, OrderLimitProperties properties) {
        this.buckets = buckets;
        this.problems = problems;
        this.configuration = BucketConfiguration.builder()
            .addLimit(Bandwidth.builder()
                .capacity(properties.perMinute())
                .refillGreedy(properties.perMinute(), Duration.ofMinutes(1))
                .build())
            .build();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                if (!"POST".equals(request.getMethod()) || request.getUserPrincipal() == null) {
                    return true;
                }
                ConsumptionProbe probe = buckets
                    .bucket("orders", request.getUserPrincipal().getName(), () -> configuration)
                    .tryConsumeAndReturnRemaining(1);
                if (probe.isConsumed()) {
                    return true;
                }
                long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                problems.write(request, response,
                        Problems.of(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ORDERS", "Too many orders",
                                "Too many orders in a short time; try again in " + seconds + " seconds."),
                        Map.of("Retry-After", Long.toString(seconds)));
                return false;
            }
        }).addPathPatterns("/api/v1/orders");
    }

    @ConfigurationProperties("pasar.orders.rate-limit")
    record OrderLimitProperties(@DefaultValue("30") int perMinute) {
    }

}
