package id.pasar.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.ThrowingConsumer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The gateway's problem handling in a web slice, as in production: {@link ProblemHandler}
 * (found by the slice's scan), its localizer and writer, and the strict JSON reading that
 * decides which bodies are malformed. And what a refusal looks like from outside.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ ProblemLocalizer.class, ProblemWriter.class, JsonConfiguration.class })
public class ProblemHandling {

    /** An {@code application/problem+json} answer with this status and {@code code}. */
    public static ThrowingConsumer<MvcTestResult> problem(HttpStatus status, String code) {
        return result -> {
            assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
        };
    }

    /**
     * 400 {@code VALIDATION_FAILED} naming these fields, and no other, in {@code errors}
     * (a field may have several).
     */
    public static ThrowingConsumer<MvcTestResult> invalid(String... fields) {
        return result -> {
            assertThat(result).satisfies(problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED"));
            assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsOnly((Object[]) fields);
        };
    }

}
