package id.pasar.orders.web;

import id.pasar.orders.internal.SavedAddress;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A saved address as its shopper sees it: the phone as {@code +628...}. */
record AddressResponse(UUID addressId, String label, String recipientName, String phone, String street,
        String regencyCode, String districtCode, String postalCode, boolean isDefault, OffsetDateTime createdAt) {

    static AddressResponse of(SavedAddress address) {
        return new AddressResponse(address.getId(), address.getLabel(), address.getRecipientName(), address.getPhone(),
                address.getStreet(), address.getRegencyCode(), address.getDistrictCode(), address.getPostalCode(),
                address.isDefault(), address.getCreatedAt().atZone(OrderResponseMapper.JAKARTA).toOffsetDateTime());
    }

    @Override
    public String toString() {
        return "AddressResponse[" + addressId + ", regency=" + regencyCode + "]";
    }

}
