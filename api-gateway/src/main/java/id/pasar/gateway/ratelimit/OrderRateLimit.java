package id.pasar.gateway.ratelimit;

import id.pasar.gateway.web.ProblemWriter;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Order placement per shopper (api.md: 30 a minute by default), never per IP address: a
 * 429 with {@code Retry-After} past the limit. Counted before the order is looked at, so
 * replays count too.
 */
@Configuration(proxyBeanMethods = false)
class OrderRateLimit implements WebMvcConfigurer {

    private final PerAccountLimit limit;

    OrderRateLimit(RateLimitBuckets buckets, ProblemWriter problems, OrderLimitProperties properties) {
        this.limit = new PerAccountLimit(buckets, problems, "orders", "POST", properties.perMinute(),
                Duration.ofMinutes(1), "TOO_MANY_ORDERS", "Too many orders", "orders");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limit).addPathPatterns("/api/v1/orders");
    }

    @ConfigurationProperties("pasar.orders.rate-limit")
    record OrderLimitProperties(@DefaultValue("30") int perMinute) {
    }

}
