package id.pasar.compliance.internal.identity;

import id.pasar.compliance.SellerIdentity.Gender;
import id.pasar.compliance.SellerIdentity.Passport;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of a passport's machine-readable zone (ICAO 9303 part 4, TD3) that the rules
 * compare with the declaration. Only a zone whose five check digits all hold is read, so
 * a field here is what the passport says, not a scanning error.
 */
record Mrz(String passportNumber, String nationality, String birthDate, char sex, String expiryDate) {

    private static final int LINE_LENGTH = 44;

    private static final Pattern LINE = Pattern.compile("[A-Z0-9<]{" + LINE_LENGTH + "}");

    private static final int[] WEIGHTS = { 7, 3, 1 };

    private static final char FILLER = '<';

    // The zone carries no century, so dates are compared as the six digits it does carry.
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd");

    static Optional<Mrz> read(List<String> lines) {
        if (lines.size() != 2 || !lines.stream().allMatch(line -> LINE.matcher(line).matches())
                || lines.get(0).charAt(0) != 'P') {
            return Optional.empty();
        }
        String line = lines.get(1);
        boolean checked = holds(line, 0, 9, 9) && holds(line, 13, 19, 19) && holds(line, 21, 27, 27)
                && holdsForOptionalData(line) && checkDigitMatches(
                        line.substring(0, 10) + line.substring(13, 20) + line.substring(21, 43), line.charAt(43));
        if (!checked) {
            return Optional.empty();
        }
        return Optional.of(new Mrz(stripFiller(line.substring(0, 9)), line.substring(10, 13), line.substring(13, 19),
                line.charAt(20), line.substring(21, 27)));
    }

    boolean agreesWith(Passport passport) {
        return passportNumber.equals(passport.passportNumber()) && nationality.equals(passport.nationality())
                && birthDate.equals(sixDigits(passport.dateOfBirth()))
                && sex == (passport.gender() == Gender.FEMALE ? 'F' : 'M')
                && expiryDate.equals(sixDigits(passport.expiryDate()));
    }

    /**
     * The check digit of {@code field}: weights 7, 3, 1 repeating; digits count as
     * themselves, A-Z as 10-35, the filler as 0.
     */
    static int checkDigit(CharSequence field) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            sum += valueOf(field.charAt(i)) * WEIGHTS[i % WEIGHTS.length];
        }
        return sum % 10;
    }

    private static boolean holds(String line, int from, int to, int checkPosition) {
        return checkDigitMatches(line.substring(from, to), line.charAt(checkPosition));
    }

    // ICAO lets an issuer leave the optional data's check digit as a filler when the data
    // is all fillers.
    private static boolean holdsForOptionalData(String line) {
        String optionalData = line.substring(28, 42);
        char check = line.charAt(42);
        boolean empty = optionalData.chars().allMatch(c -> c == FILLER);
        return (empty && check == FILLER) || checkDigitMatches(optionalData, check);
    }

    private static boolean checkDigitMatches(String field, char check) {
        return check >= '0' && check <= '9' && check - '0' == checkDigit(field);
    }

    private static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return 0;
    }

    private static String stripFiller(String field) {
        int end = field.length();
        while (end > 0 && field.charAt(end - 1) == FILLER) {
            end--;
        }
        return field.substring(0, end);
    }

    private static String sixDigits(LocalDate date) {
        return date == null ? "" : date.format(YYMMDD);
    }
}
