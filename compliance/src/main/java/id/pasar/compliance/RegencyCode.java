package id.pasar.compliance;

import java.util.regex.Pattern;

/**
 * A regency (kabupaten) or city (kota) code as {@code PP.KK}. Requests may carry
 * {@code PP.KK} or {@code PPKK}; responses always carry {@code PP.KK}. Whether the code
 * is a current Indonesian regency is a separate question, for {@link Regions}.
 */
public record RegencyCode(String value) {

    private static final Pattern FORM = Pattern.compile("(\\d{2})\\.?(\\d{2})");

    public RegencyCode {
        if (value == null || !value.matches("\\d{2}\\.\\d{2}")) {
            throw new IllegalArgumentException("a regency code is PP.KK or PPKK");
        }
    }

    /** Whether {@code text} has the form {@code PP.KK} or {@code PPKK}. */
    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /**
     * Parses {@code PP.KK} or {@code PPKK}; throws {@link IllegalArgumentException}
     * otherwise.
     */
    public static RegencyCode parse(String text) {
        if (!isWellFormed(text)) {
            throw new IllegalArgumentException("a regency code is PP.KK or PPKK");
        }
        var matcher = FORM.matcher(text);
        matcher.matches();
        return new RegencyCode(matcher.group(1) + "." + matcher.group(2));
    }

    public String provinceCode() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
