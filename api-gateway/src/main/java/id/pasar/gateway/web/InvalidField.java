package id.pasar.gateway.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 400 about one field that its annotations cannot judge alone, in the same shape as bean validation's. */
public class InvalidField extends ErrorResponseException {

    public InvalidField(String field, String message) {
        super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Invalid request",
                "The request has invalid fields."), null);
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }
}
