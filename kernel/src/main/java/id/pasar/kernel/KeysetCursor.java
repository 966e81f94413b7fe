package id.pasar.kernel;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;

/**
 * The one codec of the opaque {@code cursor} every list gives out: the keyset position
 * after which the next page starts, as base64url of {@code kind|field|field...}. The kind
 * names the list (and whatever else must match, such as a search's sort), so a cursor of
 * one list is refused by another. Anything a client did not get from us is 400
 * {@code INVALID_CURSOR}, never a 500.
 */
public final class KeysetCursor {

    /**
     * The longest cursor a list takes (its {@code @Size}); {@link #encode} never writes a
     * longer one. The longest written, a catalog search's, has about 230.
     */
    public static final int MAX_LENGTH = 512;

    private static final char SEPARATOR = '|';

    private KeysetCursor() {
    }

    /**
     * {@code null} fields are written empty and read back by the {@code ...OrNull}
     * getters.
     */
    public static String encode(String kind, Object... fields) {
        StringBuilder text = new StringBuilder(checked(kind));
        for (Object field : fields) {
            text.append(SEPARATOR).append(field == null ? "" : checked(field.toString()));
        }
        String cursor = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
        if (cursor.length() > MAX_LENGTH) {
            throw new IllegalStateException("a cursor longer than " + MAX_LENGTH + " characters: " + kind);
        }
        return cursor;
    }

    /**
     * The fields of a cursor of this kind with exactly {@code count} fields; else
     * {@link InvalidCursor}.
     */
    public static Fields decode(String cursor, String kind, int count) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException notBase64) {
            throw new InvalidCursor();
        }
        List<String> parts = Arrays.asList(text.split("\\" + SEPARATOR, -1));
        if (parts.size() != count + 1 || !parts.get(0).equals(kind)) {
            throw new InvalidCursor();
        }
        return new Fields(parts.subList(1, parts.size()));
    }

    private static String checked(String value) {
        if (value.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a cursor field may not contain " + SEPARATOR + ": " + value);
        }
        return value;
    }

    /**
     * A decoded cursor's fields; reading one as what it is not is {@link InvalidCursor}.
     */
    public static final class Fields {

        private final List<String> values;

        private Fields(List<String> values) {
            this.values = List.copyOf(values);
        }

        public String text(int index) {
            return read(index, Function.identity());
        }

        public long number(int index) {
            return read(index, Long::parseLong);
        }

        public UUID id(int index) {
            return read(index, UUID::fromString);
        }

        public Instant instant(int index) {
            return read(index, Instant::parse);
        }

        public LocalDate date(int index) {
            return read(index, LocalDate::parse);
        }

        public BigDecimal decimalOrNull(int index) {
            return values.get(index).isEmpty() ? null : read(index, BigDecimal::new);
        }

        private <T> T read(int index, Function<String, T> parse) {
            try {
                return Objects.requireNonNull(parse.apply(values.get(index)));
            }
            catch (RuntimeException notOurs) {
                throw new InvalidCursor();
            }
        }

    }

    public static final class InvalidCursor extends ProblemException {

        public static final String CODE = "INVALID_CURSOR";

        public InvalidCursor() {
            super(HttpStatus.BAD_REQUEST, CODE, "Invalid cursor", "The cursor is not one this API gave out.");
        }

    }

}
