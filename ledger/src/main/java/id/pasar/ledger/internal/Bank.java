package id.pasar.ledger.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Indonesian banks a seller may be paid out to (docs/ledger.md, "Banks"): the bank's
 * 3-digit clearing code (kode bank, the code of transfers between banks), the name shown,
 * and the bank's code at Midtrans Iris ({@code beneficiary_bank}). Reference data kept in
 * code: a new bank is a reviewed change, and the Iris codes are checked against Iris's
 * {@code GET /api/v1/beneficiary_banks} before going live.
 */
public enum Bank {

    BRI("002", "Bank Rakyat Indonesia (BRI)", "bri"), MANDIRI("008", "Bank Mandiri", "mandiri"),
    BNI("009", "Bank Negara Indonesia (BNI)", "bni"), DANAMON("011", "Bank Danamon", "danamon"),
    PERMATA("013", "Bank Permata", "permata"), BCA("014", "Bank Central Asia (BCA)", "bca"),
    MAYBANK("016", "Maybank Indonesia", "maybank"), PANIN("019", "Panin Bank", "panin"),
    CIMB_NIAGA("022", "CIMB Niaga", "cimb"), UOB("023", "UOB Indonesia", "uob"), OCBC("028", "OCBC Indonesia", "ocbc"),
    CITIBANK("031", "Citibank", "citibank"), DBS("046", "Bank DBS Indonesia", "dbs"),
    HSBC("087", "HSBC Indonesia", "hsbc"), BJB("110", "Bank BJB", "bjb"), DKI("111", "Bank DKI", "dki"),
    JATENG("113", "Bank Jateng", "jateng"), JATIM("114", "Bank Jatim", "jatim"),
    MUAMALAT("147", "Bank Muamalat", "muamalat"), SINARMAS("153", "Bank Sinarmas", "sinarmas"),
    BTN("200", "Bank Tabungan Negara (BTN)", "btn"), BTPN("213", "Bank BTPN", "btpn"), MEGA("426", "Bank Mega", "mega"),
    KB_BUKOPIN("441", "KB Bank (Bukopin)", "bukopin"), BSI("451", "Bank Syariah Indonesia (BSI)", "bsm"),
    KEB_HANA("484", "KEB Hana Bank", "hana"), SEABANK("535", "SeaBank", "kesejahteraan_ekonomi"),
    JAGO("542", "Bank Jago", "artos");

    private final String code;

    private final String displayName;

    private final String irisCode;

    Bank(String code, String displayName, String irisCode) {
        this.code = code;
        this.displayName = displayName;
        this.irisCode = irisCode;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public String irisCode() {
        return irisCode;
    }

    public static Optional<Bank> ofCode(String code) {
        return Arrays.stream(values()).filter(bank -> bank.code.equals(code)).findFirst();
    }

}
