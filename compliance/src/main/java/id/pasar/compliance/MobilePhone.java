package id.pasar.compliance;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Indonesian mobile number, as {@code +628...}. Accepted as {@code 08...},
 * {@code +628...} or {@code 628...}, spaces and dashes ignored; 10 to 13 digits in the
 * national form (with its leading 0). Landlines ({@code 021...}) and foreign numbers are
 * not mobile numbers a courier can reach by SMS or WhatsApp, so they are refused.
 */
public final class MobilePhone {

    /** What a refused number is told, naming the forms accepted. */
    public static final String RULE = "must be an Indonesian mobile number: 08..., +628... or 628..., "
            + "10 to 13 digits counting the leading 0";

    /**
     * The longest text taken for a number (its {@code @Size}): 13 digits with the country
     * code, spaced or dashed in groups ({@code +62 812-3456-7890-1}).
     */
    public static final int MAX_LENGTH = 20;

    private static final Pattern SEPARATORS = Pattern.compile("[ -]");

    /** The national form: 0, then 8, then 8 to 11 digits. */
    private static final Pattern NATIONAL = Pattern.compile("08\\d{8,11}");

    private MobilePhone() {
    }

    /** {@code +628...}, or empty when {@code text} is not an Indonesian mobile number. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(text.strip()).replaceAll("");
        String national;
        if (compact.startsWith("+62")) {
            national = "0" + compact.substring(3);
        }
        else if (compact.startsWith("62")) {
            national = "0" + compact.substring(2);
        }
        else {
            national = compact;
        }
        if (!NATIONAL.matcher(national).matches()) {
            return Optional.empty();
        }
        return Optional.of("+62" + national.substring(1));
    }

    public static boolean isValid(String text) {
        return normalise(text).isPresent();
    }

}
