package id.pasar.onboarding.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 400 with the fields that bean validation alone cannot judge, in the shape of api.md. */
class InvalidRequest extends ErrorResponseException {

    InvalidRequest(List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    static InvalidRequest of(String field, String message) {
        return new InvalidRequest(List.of(Map.of("field", field, "message", message)));
    }

    private static ProblemDetail problem(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setType(URI.create("urn:pasar:problem:validation-failed"));
        problem.setProperty("code", "VALIDATION_FAILED");
        problem.setProperty("errors", errors);
        return problem;
    }
}
