package id.pasar.kernel;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A 400 {@code VALIDATION_FAILED} naming the fields that annotations alone cannot judge,
 * in the shape of bean validation's: {@code errors: [{field, message}]}.
 */
public class InvalidFields extends ProblemException {

    public static final String CODE = "VALIDATION_FAILED";

    public InvalidFields(List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, CODE, "Invalid request", "The request has invalid fields.");
        property("errors", List.copyOf(errors));
    }

    public InvalidFields(String field, String message) {
        this(List.of(Map.of("field", field, "message", message)));
    }

}
