package id.pasar;

import id.pasar.gateway.security.AccountStatus;
import id.pasar.gateway.security.SliceSecurity;
import id.pasar.gateway.web.ProblemHandling;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A web slice: the given controllers in Spring MVC, with the gateway's own problem
 * handling, JSON settings, filters and security rules, and nothing else of the
 * application: no database, no services (a slice mocks the ones its controllers call with
 * {@code @MockitoBean}). It starts in about a second and answers a {@code MockMvcTester}.
 * Callers authenticate with {@link SliceSecurity#as}; refusals are checked with
 * {@link ProblemHandling#problem} and {@link ProblemHandling#invalid}.
 *
 * <p>
 * Spring MVC's own scan brings every controller advice, filter and MVC configurer of the
 * application, except the order rate limit, whose buckets live in PostgreSQL (it is
 * tested end to end).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(properties = "pasar.security.jwt.secret=" + SliceSecurity.SIGNING_KEY,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "id\\.pasar\\.gateway\\.ratelimit\\..*"))
@Import({ ProblemHandling.class, SliceSecurity.class, WebSlice.FixedClock.class })
@MockitoBean(types = AccountStatus.class)
public @interface WebSlice {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();

    /** The slices' now: 10:00 on 15 March 2026 in Jakarta. */
    Instant NOW = Instant.parse("2026-03-15T03:00:00Z");

    /** The application's one clock, stopped at {@link #NOW}. */
    @TestConfiguration(proxyBeanMethods = false)
    class FixedClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

    }

}
