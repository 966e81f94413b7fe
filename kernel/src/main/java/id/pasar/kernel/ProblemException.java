package id.pasar.kernel;

import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A business outcome that answers as a problem: its HTTP status, its stable {@code code},
 * and a title and detail in English (the gateway translates them by code). Every module's
 * refusals extend it; the gateway's one handler writes them.
 */
public class ProblemException extends ErrorResponseException {

    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance");

    public ProblemException(HttpStatus status, String code, String title, String detail) {
        super(status, Problems.of(status, code, title, detail), null);
    }

    /**
     * Adds an extension member to the problem's body (a {@code listingId}, the
     * {@code reasons}). RFC 9457's own members are not extensions: a property named
     * {@code status} would be written next to the HTTP status and a client would read one
     * or the other.
     * @throws IllegalArgumentException for {@code type}, {@code title}, {@code status},
     * {@code detail} or {@code instance}
     */
    protected final void property(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a member of every problem, not an extension");
        }
        getBody().setProperty(name, value);
    }

    public final String code() {
        return (String) getBody().getProperties().get(Problems.CODE);
    }

}
