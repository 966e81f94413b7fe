package id.pasar.orders.internal;

import java.util.Set;

/** How a shopper pays, with the channels (banks, e-wallets) each offers. */
public enum PaymentMethod {

    BANK_TRANSFER(Set.of("BCA", "BNI", "BRI", "MANDIRI", "PERMATA")), QRIS(Set.of()),
    EWALLET(Set.of("GOPAY", "OVO", "DANA", "SHOPEEPAY"));

    private final Set<String> channels;

    PaymentMethod(Set<String> channels) {
        this.channels = channels;
    }

    public Set<String> channels() {
        return channels;
    }

}
