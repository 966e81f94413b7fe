package id.pasar.compliance.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An opaque page cursor over a long key (a log sequence, a row id): base64url of
 * {@code prefix:key}. A cursor of another prefix, or none of ours, is a 400 {@code INVALID_CURSOR}.
 */
public record LongCursor(String prefix) {

    public String encode(long key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((prefix + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    public long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(prefix + ":")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(text.substring(prefix.length() + 1));
        } catch (RuntimeException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The cursor is not one this API gave out.");
            problem.setTitle("Invalid cursor");
            problem.setProperty("code", "INVALID_CURSOR");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
    }
}
