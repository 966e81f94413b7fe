package id.pasar.kernel;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A business outcome that answers as a problem: its HTTP status, its stable {@code code},
 * and a title and detail in English (the gateway translates them by code). Every module's
 * refusals extend it; the gateway's one handler writes them.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, String code, String title, String detail) {
        super(status, Problems.of(status, code, title, detail), null);
    }

    /**
     * Adds a property to the problem's body (a {@code listingId}, the {@code reasons}).
     */
    protected final void property(String name, Object value) {
        getBody().setProperty(name, value);
    }

    public final String code() {
        return (String) getBody().getProperties().get(Problems.CODE);
    }

}
