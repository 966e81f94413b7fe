package id.pasar.compliance.internal.identity;

/** The Luhn mod-10 check, which the first nine digits of a classic NPWP carry. */
final class Luhn {

    private Luhn() {
    }

    /**
     * Whether {@code digits}, its own check digit last, passes; false for anything but
     * ASCII digits.
     */
    static boolean isValid(String digits) {
        if (digits == null || digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

}
