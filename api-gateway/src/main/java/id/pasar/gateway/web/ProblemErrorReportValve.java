package id.pasar.gateway.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat answers by itself, before any filter or servlet runs: a request it cannot
 * parse (an invalid character in the request target or a header name, a malformed request
 * line). Spring's problem handling never sees those, and Tomcat's own valve answered them
 * with an empty body; this one answers a problem with a code, as every other refusal is.
 * Errors that reach the application are written by it and pass through untouched.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
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
        boolean malformed = status == HttpStatus.BAD_REQUEST.value();
        String code = malformed ? "MALFORMED_REQUEST" : resolved != null ? resolved.name() : "ERROR";
        String title = malformed ? "Malformed request" : resolved != null ? resolved.getReasonPhrase() : "Error";
        String detail = malformed ? "The request is not valid HTTP: its request line or a header could not be parsed."
                : title + ".";
        String body = "{\"type\":\"urn:pasar:problem:" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\""
                + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // The connection is gone: nothing left to tell.
        }
    }

}
