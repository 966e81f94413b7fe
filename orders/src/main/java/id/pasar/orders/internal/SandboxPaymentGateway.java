package id.pasar.orders.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import lombok.extern.slf4j.Slf4j;

/**
 * A gateway that charges nothing: it issues instructions shaped like the real ones (VA
 * numbers per bank, Mandiri bill key and biller code, an EMVCo QRIS string with its CRC,
 * e-wallet deeplinks) and refunds succeed, except one whose reason contains
 * {@value #FAILING_REFUND_MARKER}, which fails (for tests). Payments are settled through
 * {@code POST /api/v1/sandbox/payments/{paymentId}/settle}.
 */
@Slf4j
class SandboxPaymentGateway implements PaymentGateway {

    /** A refund whose reason contains this fails, to try failures and retries. */
    static final String FAILING_REFUND_MARKER = "SANDBOX_FAIL";

    /** BCA's company code of the sandbox merchant, the first 5 digits of its VAs. */
    static final String BCA_COMPANY_CODE = "12208";

    /** Mandiri's biller code as Midtrans issues it. */
    static final String MANDIRI_BILLER_CODE = "70012";

    private final SecureRandom random = new SecureRandom();

    @Override
    public Instructions charge(Charge charge) {
        return switch (charge.method()) {
            case BANK_TRANSFER -> switch (charge.channel()) {
                case "BCA" -> va(BCA_COMPANY_CODE + digits(11));
                case "BNI" -> va("8" + digits(15));
                case "BRI" -> va("88608" + digits(13));
                case "PERMATA" -> va("8778" + digits(12));
                case "MANDIRI" -> new Instructions(null, digits(12), MANDIRI_BILLER_CODE, null, null);
                default -> throw new IllegalArgumentException(charge.channel());
            };
            case QRIS -> new Instructions(null, null, null, qris(charge.gatewayOrderId(), charge.amountIdr()), null);
            case EWALLET -> new Instructions(null, null, null, null, deeplink(charge));
        };
    }

    @Override
    public void cancel(String gatewayOrderId) {
        log.info("Sandbox payment {} cancelled", gatewayOrderId);
    }

    @Override
    public TransactionStatus status(String gatewayOrderId) {
        return new TransactionStatus("404", null, null, null);
    }

    @Override
    public RefundResult refund(String gatewayOrderId, String refundKey, long amountIdr, String reason) {
        if (reason != null && reason.contains(FAILING_REFUND_MARKER)) {
            return new RefundResult.Failed("sandbox: refund refused (" + FAILING_REFUND_MARKER + ")");
        }
        log.info("Sandbox refund {} of Rp {} on {}", refundKey, amountIdr, gatewayOrderId);
        return new RefundResult.Succeeded();
    }

    private static Instructions va(String number) {
        return new Instructions(number, null, null, null, null);
    }

    private String deeplink(Charge charge) {
        String reference = charge.gatewayOrderId();
        return switch (charge.channel()) {
            case "GOPAY" -> "gojek://gopay/merchanttransfer?tref=" + reference + "&amount=" + charge.amountIdr()
                    + "&activity=GP:RR";
            case "SHOPEEPAY" ->
                "https://wsa.wallet.airpay.co.id/universal-link/wallet/pay?deep_and_deferred=1&token=" + digits(20);
            case "DANA" -> "https://m.dana.id/m/portal/cashier/checkout?bizNo=" + digits(24);
            case "OVO" -> "ovo://payment?ref=" + reference + "&amount=" + charge.amountIdr();
            default -> throw new IllegalArgumentException(charge.channel());
        };
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /**
     * An EMVCo merchant-presented QR (QRIS profile), dynamic, for this amount: ID, value,
     * the last CRC-16/CCITT over everything before its value.
     */
    static String qris(String reference, long amountIdr) {
        String body = tlv("00", "01") + tlv("01", "12")
                + tlv("26",
                        tlv("00", "COM.GO-JEK.WWW") + tlv("01", "936009140000000017") + tlv("02", "G000017")
                                + tlv("03", "UMI"))
                + tlv("51", tlv("00", "ID.CO.QRIS.WWW") + tlv("02", "ID1020000000017") + tlv("03", "UMI"))
                + tlv("52", "5999") + tlv("53", "360") + tlv("54", Long.toString(amountIdr)) + tlv("58", "ID")
                + tlv("59", "PASAR SANDBOX") + tlv("60", "JAKARTA") + tlv("61", "10110")
                + tlv("62", tlv("05", reference.length() > 25 ? reference.substring(0, 25) : reference)) + "6304";
        return body + String.format(Locale.ROOT, "%04X", crc16(body));
    }

    private static String tlv(String id, String value) {
        return id + String.format(Locale.ROOT, "%02d", value.length()) + value;
    }

    /** CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, as EMVCo tag 63 uses. */
    static int crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xFFFF;
    }

}
