package id.pasar.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SandboxPaymentGatewayTest {

    /** The check value of CRC-16/CCITT-FALSE ("123456789" -> 0x29B1). */
    @Test
    void theQrisChecksumIsCrc16CcittFalse() {
        assertThat(SandboxPaymentGateway.crc16("123456789")).isEqualTo(0x29B1);
        String qr = SandboxPaymentGateway.qris("4b1c", 125_000);
        assertThat(qr).endsWith(String.format("%04X", SandboxPaymentGateway.crc16(qr.substring(0, qr.length() - 4))))
            .contains("6304")
            .contains("5406125000");
    }

}
