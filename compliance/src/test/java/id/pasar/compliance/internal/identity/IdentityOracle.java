package id.pasar.compliance.internal.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A second reading of the identity rules, written from the sources (domain-facts.md
 * sections 1, 3 and 4, compliance-rules.md) without calling or copying the production
 * code: its own calendar, its own check-digit tables, its own reading of the region
 * files. The property tests compare the two on generated input, so that a mistake has to
 * be made twice, differently, to go unnoticed.
 */
final class IdentityOracle {

    static final Set<String> PROVINCES = new HashSet<>();

    /**
     * Regencies and districts, current or retired (NIKs never change, so retired codes
     * are real).
     */
    static final Set<String> KNOWN_REGIONS = new HashSet<>();

    static {
        column("regions/provinces.csv", 0, PROVINCES);
        column("regions/regencies.csv", 0, KNOWN_REGIONS);
        column("regions/districts.csv", 0, KNOWN_REGIONS);
        column("regions/retired_codes_2016_2023.csv", 1, KNOWN_REGIONS);
    }

    private IdentityOracle() {
    }

    // ---- NIK: PP KK CC DD MM YY SSSS; women's day + 40; no century; serial from 0001

    static boolean isNikForm(String text) {
        if (text == null || text.length() != 16) {
            return false;
        }
        for (char c : text.toCharArray()) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The birth date a 16-digit NIK encodes, or null; {@code female[0]} receives the sex.
     */
    static LocalDate nikBirth(String nik, LocalDate today, boolean[] female) {
        int dd = two(nik, 6);
        int mm = two(nik, 8);
        int yy = two(nik, 10);
        female[0] = dd > 40;
        int day = female[0] ? dd - 40 : dd;
        if (mm < 1 || mm > 12 || day < 1 || day > daysIn(mm, 2000 + yy) && day > daysIn(mm, 1900 + yy)) {
            return null;
        }
        // The latest century that does not put the birth in the future.
        if (day <= daysIn(mm, 2000 + yy)) {
            LocalDate candidate = LocalDate.of(2000 + yy, mm, day);
            if (!candidate.isAfter(today)) {
                return candidate;
            }
        }
        return day <= daysIn(mm, 1900 + yy) ? LocalDate.of(1900 + yy, mm, day) : null;
    }

    static boolean nikHasSerial(String nik) {
        return !nik.endsWith("0000");
    }

    static boolean nikProvinceKnown(String nik) {
        return PROVINCES.contains(nik.substring(0, 2));
    }

    static boolean nikRegionKnown(String nik) {
        String regency = nik.substring(0, 2) + "." + nik.substring(2, 4);
        return KNOWN_REGIONS.contains(regency) && KNOWN_REGIONS.contains(regency + "." + nik.substring(4, 6));
    }

    static int age(LocalDate born, LocalDate today) {
        int years = today.getYear() - born.getYear();
        boolean birthdayToCome = today.getMonthValue() < born.getMonthValue()
                || today.getMonthValue() == born.getMonthValue() && today.getDayOfMonth() < born.getDayOfMonth();
        return birthdayToCome ? years - 1 : years;
    }

    private static int daysIn(int month, int year) {
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return new int[] { 31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }[month - 1];
    }

    private static int two(String digits, int at) {
        return (digits.charAt(at) - '0') * 10 + digits.charAt(at + 1) - '0';
    }

    // ---- Luhn, as python-stdnum reads it: from the right, every second digit doubled,
    // digit sum

    private static final int[] DOUBLED_DIGIT_SUM = { 0, 2, 4, 6, 8, 1, 3, 5, 7, 9 };

    static boolean luhn(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        int sum = 0;
        for (int fromRight = 0; fromRight < text.length(); fromRight++) {
            char c = text.charAt(text.length() - 1 - fromRight);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += fromRight % 2 == 1 ? DOUBLED_DIGIT_SUM[c - '0'] : c - '0';
        }
        return sum % 10 == 0;
    }

    /** The digit that makes {@code payload} followed by it pass Luhn. */
    static char luhnDigitFor(String payload) {
        for (char d = '0'; d <= '9'; d++) {
            if (luhn(payload + d)) {
                return d;
            }
        }
        throw new AssertionError("no Luhn digit for " + payload);
    }

    // ---- NPWP: 15 digits, Luhn over the first 9; or 16 starting with 0, Luhn over
    // digits 2-10

    static boolean npwpTaxOfficeForm(String digits) {
        if (digits.length() == 15 && isDigits(digits)) {
            return luhn(digits.substring(0, 9));
        }
        return digits.length() == 16 && isDigits(digits) && digits.charAt(0) == '0' && luhn(digits.substring(1, 10));
    }

    private static boolean isDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    // ---- ICAO 9303 TD3 machine-readable zone

    private static final String VALUES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    static char mrzCheck(String field) {
        int[] weights = { 7, 3, 1 };
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            sum += (c == '<' ? 0 : VALUES.indexOf(c)) * weights[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    /**
     * The fields of a TD3 zone whose five check digits hold, positions 1-based as ICAO
     * counts them; null otherwise.
     */
    static String[] mrzFields(List<String> lines) {
        if (lines.size() != 2 || !isMrzLine(lines.get(0)) || !isMrzLine(lines.get(1))
                || lines.get(0).charAt(0) != 'P') {
            return null;
        }
        String l = lines.get(1);
        String optional = pos(l, 29, 42);
        boolean optionalHolds = optional.equals("<".repeat(14)) && l.charAt(42) == '<'
                || mrzCheck(optional) == l.charAt(42);
        boolean holds = mrzCheck(pos(l, 1, 9)) == l.charAt(9) && mrzCheck(pos(l, 14, 19)) == l.charAt(19)
                && mrzCheck(pos(l, 22, 27)) == l.charAt(27) && optionalHolds
                && mrzCheck(pos(l, 1, 10) + pos(l, 14, 20) + pos(l, 22, 43)) == l.charAt(43);
        if (!holds) {
            return null;
        }
        return new String[] { pos(l, 1, 9).replaceAll("<+$", ""), pos(l, 11, 13), pos(l, 14, 19), pos(l, 21, 21),
                pos(l, 22, 27) };
    }

    private static boolean isMrzLine(String line) {
        return line != null && line.length() == 44 && line.chars().allMatch(c -> c == '<' || VALUES.indexOf(c) >= 0);
    }

    private static String pos(String line, int from, int to) {
        return line.substring(from - 1, to);
    }

    private static void column(String resource, int index, Set<String> into) {
        try (InputStream in = IdentityOracle.class.getClassLoader().getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    into.add(line.split(",", -1)[index]);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
