package id.pasar.gateway.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import id.pasar.kernel.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat answers by itself, before any filter or servlet runs: a request it cannot
 * parse (an invalid character in the request target or a header name, a malformed request
 * line). Spring's problem handling never sees those, and Tomcat's own valve answered them
 * with an empty body; this one answers a problem with a code, as every other refusal is.
 * Errors that reach the application are written by it and pass through untouched.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    /**
     * @param json the application's mapper, which writes a problem as every other answer
     * has it
     */
    public ProblemErrorReportValve(JsonMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus resolved = HttpStatus.resolve(status);
        ProblemDetail problem = status == HttpStatus.BAD_REQUEST.value()
                ? Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "Malformed request",
                        "The request is not valid HTTP: its request line or a header could not be parsed.")
                : Problems.of(HttpStatusCode.valueOf(status), resolved != null ? resolved.name() : "ERROR",
                        resolved != null ? resolved.getReasonPhrase() : "Error",
                        (resolved != null ? resolved.getReasonPhrase() : "Error") + ".");
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // The connection is gone: nothing left to tell.
        }
    }

}
