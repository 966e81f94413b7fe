package id.pasar.compliance.internal.identity;

import id.pasar.compliance.SellerIdentity.Gender;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A NIK read as Dukcapil writes it: {@code PPKKCC DDMMYY SSSS}, the district of first
 * issue, the birth date with 40 added to the day for women, and a serial. It says nothing
 * about whether the number is valid; the rules decide that.
 */
record Nik(String digits) {

    private static final int FEMALE_DAY_OFFSET = 40;

    private static final String NO_SERIAL = "0000";

    Nik {
        if (digits == null || !digits.matches("[0-9]{16}")) {
            throw new IllegalArgumentException("a NIK is 16 ASCII digits");
        }
    }

    String provinceCode() {
        return digits.substring(0, 2);
    }

    String regencyCode() {
        return provinceCode() + "." + digits.substring(2, 4);
    }

    String districtCode() {
        return regencyCode() + "." + digits.substring(4, 6);
    }

    boolean hasSerial() {
        return !NO_SERIAL.equals(digits.substring(12, 16));
    }

    /**
     * The birth the NIK encodes, if DDMMYY is a real date. The NIK has no century, so the
     * latest one that does not put the birth after {@code today} is taken.
     */
    Optional<Birth> birth(LocalDate today) {
        int day = Integer.parseInt(digits.substring(6, 8));
        int month = Integer.parseInt(digits.substring(8, 10));
        int yearOfCentury = Integer.parseInt(digits.substring(10, 12));
        Gender gender = day > FEMALE_DAY_OFFSET ? Gender.FEMALE : Gender.MALE;
        int dayOfMonth = gender == Gender.FEMALE ? day - FEMALE_DAY_OFFSET : day;
        if (dayOfMonth < 1 || dayOfMonth > 31 || month < 1 || month > 12) {
            return Optional.empty();
        }
        // A year of century only changes whether 29 February exists when it is 00, and
        // only between 2000 and 1900, so trying the later century first and falling back
        // is enough.
        Optional<LocalDate> thisCentury = date(2000 + yearOfCentury, month, dayOfMonth)
            .filter(date -> !date.isAfter(today));
        return thisCentury.or(() -> date(1900 + yearOfCentury, month, dayOfMonth)).map(date -> new Birth(date, gender));
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        }
        catch (DateTimeException notInTheCalendar) {
            return Optional.empty();
        }
    }

    record Birth(LocalDate date, Gender gender) {
    }
}
