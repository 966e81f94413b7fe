package id.pasar.onboarding;

/**
 * Business size by declared annual sales, PP 7/2021 Pasal 35: up to Rp 2 bn, 15 bn, 50
 * bn, and above.
 */
public enum UmkmClass {

    MICRO, SMALL, MEDIUM, LARGE;

    private static final long BILLION = 1_000_000_000L;

    public static UmkmClass ofAnnualSales(long rupiah) {
        if (rupiah <= 2 * BILLION) {
            return MICRO;
        }
        if (rupiah <= 15 * BILLION) {
            return SMALL;
        }
        return rupiah <= 50 * BILLION ? MEDIUM : LARGE;
    }

}
