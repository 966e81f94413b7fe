package id.pasar.orders.internal;

/** Where an order goes; the regency as {@code PP.KK}, checked domestic at checkout. */
public record ShippingAddress(String recipientName, String phone, String street, String regencyCode,
        String postalCode) {

    @Override
    public String toString() {
        return "ShippingAddress[regency=" + regencyCode + "]";
    }
}
