package id.pasar.orders.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One address in a shopper's address book. Whether it is the default is the book's to
 * decide ({@link AddressBook}), so that exactly one is.
 */
@Entity
@Table(schema = "orders", name = "shopper_addresses")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SavedAddress {

    @Id
    private UUID id;

    @Column(name = "shopper_id")
    private UUID shopperId;

    private String label;

    @Column(name = "recipient_name")
    private String recipientName;

    private String phone;

    private String street;

    @Column(name = "regency_code")
    private String regencyCode;

    @Column(name = "district_code")
    private String districtCode;

    @Column(name = "postal_code")
    private String postalCode;

    @Column(name = "is_default")
    private boolean isDefault;

    @Column(name = "created_at")
    private Instant createdAt;

    /** A wrapper, null until first stored, so that a new address is persisted. */
    @Version
    private Long version;

    SavedAddress(UUID shopperId, AddressDetails details, Instant now) {
        this.id = UUID.randomUUID();
        this.shopperId = shopperId;
        this.createdAt = now;
        change(details);
    }

    void change(AddressDetails details) {
        this.label = details.label();
        this.recipientName = details.recipientName();
        this.phone = details.phone();
        this.street = details.street();
        this.regencyCode = details.regencyCode();
        this.districtCode = details.districtCode();
        this.postalCode = details.postalCode();
    }

    void makeDefault() {
        this.isDefault = true;
    }

    void unsetDefault() {
        this.isDefault = false;
    }

    ShippingAddress toShippingAddress() {
        return new ShippingAddress(recipientName, phone, street, regencyCode, postalCode, districtCode);
    }

    @Override
    public String toString() {
        return "SavedAddress[" + id + ", regency=" + regencyCode + "]";
    }

}
