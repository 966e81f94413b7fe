package id.pasar.orders.internal;

/**
 * Where an order goes; the regency as {@code PP.KK}, checked domestic at checkout; the
 * district as {@code PP.KK.DD} or null.
 */
public record ShippingAddress(String recipientName, String phone, String street, String regencyCode, String postalCode,
        String districtCode) {

    /** An address without a district. */
    public ShippingAddress(String recipientName, String phone, String street, String regencyCode, String postalCode) {
        this(recipientName, phone, street, regencyCode, postalCode, null);
    }

    @Override
    public String toString() {
        return "ShippingAddress[regency=" + regencyCode + "]";
    }
}
