package id.pasar.compliance.internal.identity;

import java.util.Optional;

/**
 * An NPWP as declared, digits only, of any length. Two forms exist: the tax office's 15
 * digits (since 2024 also written as 16 with a leading 0), whose first nine carry a Luhn
 * check digit, and the 16-digit form that is the owner's NIK.
 */
record Npwp(String digits) {

    private static final int TAX_OFFICE_LENGTH = 15;

    private static final int NIK_LENGTH = 16;

    private static final int CHECKED_PREFIX = 9;

    Npwp {
        digits = digits == null ? "" : digits;
    }

    boolean hasTaxOfficeForm() {
        if (!digits.matches("[0-9]*")) {
            return false;
        }
        if (digits.length() == TAX_OFFICE_LENGTH) {
            return Luhn.isValid(digits.substring(0, CHECKED_PREFIX));
        }
        return digits.length() == NIK_LENGTH && digits.startsWith("0")
                && Luhn.isValid(digits.substring(1, 1 + CHECKED_PREFIX));
    }

    /**
     * The NPWP read as a NIK, when it has a NIK's length; whether that NIK is sound is
     * the rules' question.
     */
    Optional<Nik> asNik() {
        return digits.matches("[0-9]{16}") ? Optional.of(new Nik(digits)) : Optional.empty();
    }
}
