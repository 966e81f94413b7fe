package id.pasar.gateway.web;

import id.pasar.kernel.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to the response, for failures that happen before Spring MVC
 * takes the request (security, body limits, rate limits) and so never reach
 * {@link ProblemHandler}.
 */
@Component
public class ProblemWriter {

    private final JsonMapper mapper;

    private final ProblemLocalizer localizer;

    ProblemWriter(JsonMapper mapper, ProblemLocalizer localizer) {
        this.mapper = mapper;
        this.localizer = localizer;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
            Map<String, String> headers) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        decorate(problem, request);
        Object code = problem.getProperties() == null ? null : problem.getProperties().get(Problems.CODE);
        if (code != null) {
            localizer.localize(problem, code.toString(), request);
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            String title, String detail) throws IOException {
        write(request, response, Problems.of(status, code, title, detail), Map.of());
    }

    /**
     * 503 with {@code Retry-After}: the one answer to a database outage, wherever a
     * request meets it.
     */
    static ProblemDetail databaseUnavailable() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE", "Service unavailable",
                "The service cannot reach its database right now; retry shortly.");
    }

    static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    /**
     * {@link #databaseUnavailable()}, for failures before Spring MVC (security, rate
     * limits).
     */
    public void writeDatabaseUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, databaseUnavailable(), Map.of(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS));
    }

    /**
     * What every problem carries besides its cause: the path it answers and the request
     * id to quote.
     */
    static void decorate(ProblemDetail problem, HttpServletRequest request) {
        if (problem.getInstance() == null && request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
    }

}
