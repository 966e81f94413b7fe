package id.pasar.onboarding;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seller applications by state, as a mobile client sends them. Every call makes a fresh
 * identity (unique NIK, passport number, NIB), so tests never collide through invariant
 * 3.
 */
public final class SellerFixtures {

    private static final AtomicInteger serial = new AtomicInteger(1 + ThreadLocalRandom.current().nextInt(5_000));

    private SellerFixtures() {
    }

    /**
     * A valid NIK: Kab. Bandung, district Soreang (32.04.11), the birth date and sex
     * given, a fresh serial.
     */
    public static String nik(LocalDate born, boolean female) {
        int day = born.getDayOfMonth() + (female ? 40 : 0);
        return String.format("320411%02d%02d%02d%04d", day, born.getMonthValue(), born.getYear() % 100,
                serial.getAndIncrement() % 9999 + 1);
    }

    public static LocalDate someAdultBirthDate() {
        return LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 30));
    }

    public static Map<String, Object> ktpApplication(String nik, LocalDate born, String gender, String citizenship) {
        return application("INDIVIDUAL", ktp(nik, born, gender, citizenship));
    }

    /** A KTP application that passes every rule: it waits for an officer. */
    public static Map<String, Object> pendingKtpApplication() {
        LocalDate born = someAdultBirthDate();
        return ktpApplication(nik(born, false), born, "MALE", "WNI");
    }

    public static Map<String, Object> ktp(String nik, LocalDate born, String gender, String citizenship) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("documentType", "KTP");
        identity.put("nik", nik);
        identity.put("fullName", "Budi Santoso");
        identity.put("dateOfBirth", born.toString());
        identity.put("gender", gender);
        identity.put("citizenship", citizenship);
        return identity;
    }

    public static String passportNumber() {
        return "X" + (1_000_000 + serial.getAndIncrement() * 7 % 8_999_999);
    }

    public static Map<String, Object> passport(String number, String nationality, LocalDate born, String gender,
            LocalDate expiry, List<String> mrz) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("documentType", "PASSPORT");
        identity.put("passportNumber", number);
        identity.put("fullName", "Siti Aminah");
        identity.put("nationality", nationality);
        identity.put("dateOfBirth", born.toString());
        identity.put("gender", gender);
        identity.put("expiryDate", expiry.toString());
        if (mrz != null) {
            identity.put("mrz", mrz);
        }
        return identity;
    }

    public static String nib() {
        return String.format("91%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    /**
     * A 15-digit NPWP whose ninth digit is the Luhn check of the first eight, head office
     * (000).
     */
    public static String npwp() {
        StringBuilder digits = new StringBuilder("01");
        for (int i = 0; i < 6; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        digits.append(luhnCheckDigit(digits.toString()));
        return digits + "093000";
    }

    static int luhnCheckDigit(String payload) {
        int sum = 0;
        for (int i = 0; i < payload.length(); i++) {
            int digit = payload.charAt(payload.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    public static Map<String, Object> entity(String nib, String npwp, String country, String entityType) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("documentType", "LOCAL_ENTITY");
        identity.put("legalName", "CV Rotan Lestari");
        identity.put("entityType", entityType);
        identity.put("nib", nib);
        identity.put("npwp", npwp);
        identity.put("countryOfIncorporation", country);
        return identity;
    }

    public static Map<String, Object> application(String sellerType, Map<String, Object> identity) {
        return application(sellerType, identity, "3204", 350_000_000L);
    }

    public static Map<String, Object> application(String sellerType, Map<String, Object> identity, String regencyCode,
            long annualRevenue) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shopName", "Batik Sekar Jagad");
        body.put("sellerType", sellerType);
        body.put("annualRevenueIdr", annualRevenue);
        body.put("address", Map.of("street", "Jl. Melati 5", "regencyCode", regencyCode, "postalCode", "40921"));
        body.put("identity", identity);
        return body;
    }

    /** An ICAO 9303 check digit, written independently of the application's. */
    public static int mrzCheckDigit(String field) {
        int[] weights = { 7, 3, 1 };
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int value = c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * weights[i % 3];
        }
        return sum % 10;
    }

    /** The two TD3 lines of an Indonesian passport with every check digit right. */
    public static List<String> mrz(String number, String nationality, LocalDate born, String sex, LocalDate expiry) {
        String line1 = String.format("%-44s", "P<" + nationality + "AMINAH<<SITI").replace(' ', '<');
        String numberField = String.format("%-9s", number).replace(' ', '<');
        String birth = yymmdd(born);
        String expires = yymmdd(expiry);
        String optional = "<".repeat(14);
        String part = numberField + mrzCheckDigit(numberField) + nationality + birth + mrzCheckDigit(birth) + sex
                + expires + mrzCheckDigit(expires) + optional + mrzCheckDigit(optional);
        String composite = part.substring(0, 10) + part.substring(13, 20) + part.substring(21, 43);
        return List.of(line1, part + mrzCheckDigit(composite));
    }

    private static String yymmdd(LocalDate date) {
        return String.format("%02d%02d%02d", date.getYear() % 100, date.getMonthValue(), date.getDayOfMonth());
    }

}
