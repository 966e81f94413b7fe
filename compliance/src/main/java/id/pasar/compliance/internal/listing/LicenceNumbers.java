package id.pasar.compliance.internal.listing;

import id.pasar.compliance.ListingRules.LicenceKind;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a licence number has a form its category's regulator issues. Only the form is
 * checked: whether the number was really issued, and for this product, is for an officer
 * or the regulator's register. A drug registration (DKL, DBL, GKL, ...) fits no kind,
 * since drugs are not sold here.
 */
final class LicenceNumbers {

    // BPOM processed food, local (MD) or imported (ML); or the regency's home-industry
    // P-IRT, whose dash normalising drops.
    private static final Pattern FOOD = Pattern.compile("(?:M[DL][0-9]{12}|PIRT[0-9]{15})");

    // BPOM cosmetics notification; the second letter is where it is made: Asia,
    // Australia, Europe, Africa, America.
    private static final Pattern COSMETICS = Pattern.compile("N[A-E][0-9]{11}");

    // Traditional medicine (TR, TI, TL) and health supplements (SD, SI, SL): made here,
    // imported, or made under licence.
    private static final Pattern TRADITIONAL_MEDICINE = Pattern.compile("(?:T[RIL]|S[DIL])[0-9]{9}");

    /*
     * An SNI designation, read on the upper-cased text with whitespace collapsed, not on
     * the normalised one: its dashes, dots and colon separate the parts and the year, so
     * dropping them would run the standard's number into its year. Accepted: SNI,
     * optionally ISO, IEC or ISO/IEC for an adopted standard, the number with its parts
     * (8124-1, 04-6292.1), then the year after a colon, which is required because the
     * same number names different requirements in different editions. The year is four
     * digits from 19xx or 20xx and must not run on into more digits; whatever follows it
     * (the SPPT-SNI certificate number, an amendment such as /Amd1:2013) is not checked.
     * Space is optional after SNI and around the colon, as sellers type it both ways.
     * Pre-2004 designations that carry the year after a dash (SNI 19-2454-2002) are
     * refused.
     */
    private static final Pattern SNI = Pattern
        .compile("SNI(?: (?:ISO/IEC|ISO|IEC))? ?[0-9]+(?:[-.][0-9]+)* ?: ?(?:19|20)[0-9]{2}(?:[^0-9].*)?");

    // BPOM numbers are printed with and without the issuer in front: "BPOM RI MD ..." or
    // "POM NA ...".
    private static final Pattern ISSUER = Pattern.compile("^(?:BPOMRI|POM)");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private LicenceNumbers() {
    }

    /**
     * Whether {@code number} has a form accepted for {@code kind}; false for null or
     * blank.
     */
    static boolean accepts(LicenceKind kind, String number) {
        if (number == null || number.isBlank()) {
            return false;
        }
        return switch (kind) {
            case FOOD -> FOOD.matcher(normalised(number)).matches();
            case COSMETICS -> COSMETICS.matcher(normalised(number)).matches();
            case TRADITIONAL_MEDICINE -> TRADITIONAL_MEDICINE.matcher(normalised(number)).matches();
            case SNI -> SNI.matcher(collapsed(number)).matches();
        };
    }

    /**
     * The number without separators or issuer, upper-cased:
     * {@code BPOM RI md 2245.1000.1234} is {@code MD224510001234}.
     */
    static String normalised(String number) {
        return ISSUER.matcher(SEPARATORS.matcher(upperCased(number)).replaceAll("")).replaceFirst("");
    }

    private static String collapsed(String number) {
        return WHITESPACE.matcher(upperCased(number).strip()).replaceAll(" ");
    }

    // In a Turkish locale "pirt" would upper-case to "PİRT" and never match, so the
    // locale is fixed.
    private static String upperCased(String number) {
        return number.toUpperCase(Locale.ROOT);
    }

}
