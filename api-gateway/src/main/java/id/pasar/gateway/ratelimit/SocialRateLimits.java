package id.pasar.gateway.ratelimit;

import id.pasar.gateway.web.ProblemWriter;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The social writes per account (issue 21, item 9): new posts (30 an hour by default), so
 * that one account cannot flood its followers' feeds or the database.
 */
@Configuration(proxyBeanMethods = false)
class SocialRateLimits implements WebMvcConfigurer {

    private final PerAccountLimit posts;

    SocialRateLimits(RateLimitBuckets buckets, ProblemWriter problems, SocialLimitProperties properties) {
        this.posts = new PerAccountLimit(buckets, problems, "posts", "POST", properties.postsPerHour(),
                Duration.ofHours(1), "TOO_MANY_POSTS", "Too many posts", "posts");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(posts).addPathPatterns("/api/v1/posts");
    }

    @ConfigurationProperties("pasar.social.rate-limit")
    record SocialLimitProperties(@DefaultValue("30") int postsPerHour) {
    }

}
