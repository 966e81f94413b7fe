package id.pasar.orders.internal;

/**
 * What a shopper says of an address, already in its stored form: the phone as
 * {@code +628...}, the regency as {@code PP.KK}, the district (optional) as
 * {@code PP.KK.DD}. {@link AddressBook} checks the regions.
 */
public record AddressDetails(String label, String recipientName, String phone, String street, String regencyCode,
        String districtCode, String postalCode) {

    @Override
    public String toString() {
        return "AddressDetails[regency=" + regencyCode + "]";
    }

}
