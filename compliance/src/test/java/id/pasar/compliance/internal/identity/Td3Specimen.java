package id.pasar.compliance.internal.identity;

import java.util.List;

/**
 * A TD3 machine-readable zone made up for tests, with its check digits worked out here
 * rather than by the code under test, so a shared mistake cannot make both agree.
 */
record Td3Specimen(String passportNumber, String nationality, String birthDate, char sex, String expiryDate,
        String optionalData) {

    static final String NAME_LINE = padded("P<IDNSANTOSO<<BUDI");

    private static final String CHARACTER_VALUES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /**
     * Budi Santoso, IDN, born 15 June 1990, male, passport X1234567 expiring 1 January
     * 2031.
     */
    static Td3Specimen budi() {
        return new Td3Specimen("X1234567", "IDN", "900615", 'M', "310101", "");
    }

    Td3Specimen withPassportNumber(String value) {
        return new Td3Specimen(value, nationality, birthDate, sex, expiryDate, optionalData);
    }

    Td3Specimen withNationality(String value) {
        return new Td3Specimen(passportNumber, value, birthDate, sex, expiryDate, optionalData);
    }

    Td3Specimen withBirthDate(String value) {
        return new Td3Specimen(passportNumber, nationality, value, sex, expiryDate, optionalData);
    }

    Td3Specimen withSex(char value) {
        return new Td3Specimen(passportNumber, nationality, birthDate, value, expiryDate, optionalData);
    }

    Td3Specimen withExpiryDate(String value) {
        return new Td3Specimen(passportNumber, nationality, birthDate, sex, value, optionalData);
    }

    Td3Specimen withOptionalData(String value) {
        return new Td3Specimen(passportNumber, nationality, birthDate, sex, expiryDate, value);
    }

    List<String> lines() {
        return List.of(NAME_LINE, dataLine());
    }

    /** The data line, positions counted from 1 as ICAO 9303 counts them. */
    String dataLine() {
        String number = fill(passportNumber, 9);
        String optional = fill(optionalData, 14);
        String withoutComposite = number + check(number) + nationality + birthDate + check(birthDate) + sex + expiryDate
                + check(expiryDate) + optional + check(optional);
        String composite = withoutComposite.substring(0, 10) + withoutComposite.substring(13, 20)
                + withoutComposite.substring(21, 43);
        return withoutComposite + check(composite);
    }

    /** The lines with the character at {@code position} (from 1) replaced. */
    List<String> withDataCharacter(int position, char replacement) {
        StringBuilder line = new StringBuilder(dataLine());
        line.setCharAt(position - 1, replacement);
        return List.of(NAME_LINE, line.toString());
    }

    /** The lines with the check digit at {@code position} (from 1) off by one. */
    List<String> withCheckDigitWrongAt(int position) {
        char right = dataLine().charAt(position - 1);
        return withDataCharacter(position, (char) ('0' + (right - '0' + 1) % 10));
    }

    static int check(String field) {
        int[] weights = { 7, 3, 1 };
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int value = c == '<' ? 0 : CHARACTER_VALUES.indexOf(c);
            sum += value * weights[i % 3];
        }
        return sum % 10;
    }

    static String padded(String line) {
        return fill(line, 44);
    }

    private static String fill(String field, int length) {
        return field + "<".repeat(length - field.length());
    }
}
