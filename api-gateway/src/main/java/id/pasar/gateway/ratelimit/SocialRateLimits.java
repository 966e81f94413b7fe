package id.pasar.gateway.ratelimit;

import id.pasar.gateway.web.ProblemWriter;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The social writes per account (issue 21, item 9): new posts (30 an hour by default),
 * follows (60 a minute), comments (10 a minute) and affiliate clicks (120 a minute), so
 * that one account cannot flood its followers' feeds, crawl every seller into its
 * follows, pad a creator's click count or fill the database.
 */
@Configuration(proxyBeanMethods = false)
class SocialRateLimits implements WebMvcConfigurer {

    private final PerAccountLimit posts;

    private final PerAccountLimit follows;

    private final PerAccountLimit comments;

    private final PerAccountLimit clicks;

    SocialRateLimits(RateLimitBuckets buckets, ProblemWriter problems, SocialLimitProperties properties) {
        this.posts = new PerAccountLimit(buckets, problems, "posts", "POST", properties.postsPerHour(),
                Duration.ofHours(1), "TOO_MANY_POSTS", "Too many posts", "posts");
        this.follows = new PerAccountLimit(buckets, problems, "follows", "PUT", properties.followsPerMinute(),
                Duration.ofMinutes(1), "TOO_MANY_FOLLOWS", "Too many follows", "follows");
        this.comments = new PerAccountLimit(buckets, problems, "comments", "POST", properties.commentsPerMinute(),
                Duration.ofMinutes(1), "TOO_MANY_COMMENTS", "Too many comments", "comments");
        this.clicks = new PerAccountLimit(buckets, problems, "affiliate-clicks", "POST", properties.clicksPerMinute(),
                Duration.ofMinutes(1), "TOO_MANY_CLICKS", "Too many clicks", "clicks");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(posts).addPathPatterns("/api/v1/posts");
        registry.addInterceptor(follows).addPathPatterns("/api/v1/follows/**");
        registry.addInterceptor(comments).addPathPatterns("/api/v1/posts/*/comments");
        registry.addInterceptor(clicks).addPathPatterns("/api/v1/affiliate-clicks");
    }

    @ConfigurationProperties("pasar.social.rate-limit")
    record SocialLimitProperties(@DefaultValue("30") int postsPerHour, @DefaultValue("60") int followsPerMinute,
            @DefaultValue("10") int commentsPerMinute, @DefaultValue("120") int clicksPerMinute) {
    }

}
