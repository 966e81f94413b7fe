package id.pasar.gateway.openapi;

import id.pasar.gateway.ratelimit.DocumentedLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.MappedInterceptor;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The rate limits as the application registers them (the ratelimit package's
 * interceptors, read from their registrations, so the document cannot drift from them),
 * plus the login throttle, which counts failures rather than requests.
 */
final class RateLimits {

    private final List<Limit> limits = new ArrayList<>();

    RateLimits(List<WebMvcConfigurer> configurers) {
        Registry registry = new Registry();
        configurers.forEach(configurer -> configurer.addInterceptors(registry));
        for (Object interceptor : registry.all()) {
            if (interceptor instanceof MappedInterceptor mapped
                    && mapped.getInterceptor() instanceof DocumentedLimit limit
                    && mapped.getIncludePathPatterns() != null) {
                for (String pattern : mapped.getIncludePathPatterns()) {
                    this.limits.add(new Limit(limit.method(), PathPatternParser.defaultInstance.parse(pattern),
                            limit.capacity() + " " + limit.what() + " per account per " + window(limit.period()),
                            limit.capacity() + ";w=" + limit.period().toSeconds(), limit.code(), true));
                }
            }
        }
        this.limits.add(new Limit("POST", PathPatternParser.defaultInstance.parse("/api/v1/auth/token"),
                "after 5 failed attempts for one account within 15 minutes", "5;w=900", "TOO_MANY_LOGIN_ATTEMPTS",
                false));
    }

    /**
     * The limit on {@code method path} (a path of the document, with variables), or null.
     */
    Limit of(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return this.limits.stream()
            .filter(limit -> limit.method().equalsIgnoreCase(method) && limit.pattern().matches(container))
            .findFirst()
            .orElse(null);
    }

    private static String window(Duration period) {
        if (period.toHours() > 0 && period.toMinutes() % 60 == 0) {
            return period.toHours() == 1 ? "hour" : period.toHours() + " hours";
        }
        return period.toMinutes() == 1 ? "minute" : period.toMinutes() + " minutes";
    }

    /**
     * @param headers whether its answers carry {@code RateLimit} and
     * {@code RateLimit-Policy}
     */
    record Limit(String method, PathPattern pattern, String describe, String policy, String code, boolean headers) {
    }

    private static final class Registry extends InterceptorRegistry {

        List<Object> all() {
            return getInterceptors();
        }

    }

}
