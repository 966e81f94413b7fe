package id.pasar.kernel;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The house shape of an RFC 9457 problem: a stable UPPER_SNAKE {@code code} and a
 * {@code type} derived from it, so clients switch on either.
 */
public final class Problems {

    public static final String CODE = "code";

    private static final String TYPE_PREFIX = "urn:pasar:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return withCode(problem, code);
    }

    /**
     * Sets {@code code}, and {@code type} from it unless the problem already names a type
     * of its own.
     */
    public static ProblemDetail withCode(ProblemDetail problem, String code) {
        problem.setProperty(CODE, code);
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        return problem;
    }

}
