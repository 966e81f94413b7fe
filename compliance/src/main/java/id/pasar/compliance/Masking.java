package id.pasar.compliance;

import id.pasar.compliance.SellerIdentity.DocumentType;

/** How identity numbers appear in responses and logs (api.md): never whole. */
public final class Masking {

    private Masking() {
    }

    /**
     * NIK: first 6 and last 2 digits ({@code 320411********01}); passport, NIB, NPWP: the
     * last 3.
     */
    public static String mask(DocumentType type, String number) {
        return type == DocumentType.KTP ? keep(number, 6, 2) : lastThree(number);
    }

    public static String lastThree(String number) {
        return keep(number, 0, 3);
    }

    private static String keep(String number, int head, int tail) {
        if (number == null || number.isEmpty()) {
            return number;
        }
        if (number.length() <= head + tail) {
            return "*".repeat(number.length());
        }
        return number.substring(0, head) + "*".repeat(number.length() - head - tail)
                + number.substring(number.length() - tail);
    }

}
