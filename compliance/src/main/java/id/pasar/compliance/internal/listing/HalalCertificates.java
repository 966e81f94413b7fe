package id.pasar.compliance.internal.listing;

import id.pasar.compliance.ListingRules.HalalStatus;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rule set v2's halal check (UU 33/2014, PP 42/2024): a BPJPH certificate number is
 * {@code ID} followed by 10 to 20 digits, spaces ignored; a KH (ketetapan halal) number
 * means the process has not finished and is not a certificate. A product that is not
 * halal says so instead.
 */
final class HalalCertificates {

    private static final Pattern BPJPH = Pattern.compile("ID[0-9]{10,20}");

    private HalalCertificates() {
    }

    static boolean declaresHalalStatus(HalalStatus status, String certificateNumber) {
        if (status == HalalStatus.NON_HALAL) {
            return true;
        }
        return status == HalalStatus.CERTIFIED && isCertificateNumber(certificateNumber);
    }

    static boolean isCertificateNumber(String number) {
        return number != null && BPJPH.matcher(number.replace(" ", "").toUpperCase(Locale.ROOT)).matches();
    }

}
