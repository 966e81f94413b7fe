package id.pasar.orders.internal;

import id.pasar.compliance.MobilePhone;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.Regions;
import id.pasar.kernel.InvalidFields;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A shopper's saved addresses. Exactly one is the default while the book is not empty:
 * the first one added, then whichever the shopper makes default; deleting the default
 * passes it to the newest remaining. A shopper's changes queue on an advisory lock, so
 * that two racing "make default" calls, or two first addresses, cannot leave two defaults
 * (the partial unique index is the last word) and the cap holds.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class AddressBook {

    /** How many addresses one shopper may keep. */
    public static final int CAPACITY = 20;

    private final SavedAddressRepository addresses;

    private final Regions regions;

    private final JdbcClient jdbc;

    private final Clock clock;

    /** The default first, then the newest. */
    @Transactional(readOnly = true)
    public List<SavedAddress> of(UUID shopperId) {
        return addresses.ofShopper(shopperId);
    }

    @Transactional(readOnly = true)
    public SavedAddress one(UUID shopperId, UUID addressId) {
        return own(shopperId, addressId);
    }

    @Transactional
    public SavedAddress add(UUID shopperId, AddressDetails details, boolean makeDefault) {
        AddressDetails checked = checked(details);
        lock(shopperId);
        long held = addresses.countByShopperId(shopperId);
        if (held >= CAPACITY) {
            throw new AddressProblems.AddressBookFull(CAPACITY);
        }
        SavedAddress address = new SavedAddress(shopperId, checked, clock.instant());
        if (held == 0 || makeDefault) {
            passDefaultTo(shopperId, address);
        }
        addresses.saveAndFlush(address);
        log.info("Address {} added by {}", address.getId(), shopperId);
        return address;
    }

    /**
     * Replaces what the address says. {@code makeDefault} makes it the default; false
     * leaves the default where it is (a book always has one: to move it, make another one
     * default).
     */
    @Transactional
    public SavedAddress update(UUID shopperId, UUID addressId, AddressDetails details, boolean makeDefault) {
        AddressDetails checked = checked(details);
        lock(shopperId);
        SavedAddress address = own(shopperId, addressId);
        address.change(checked);
        if (makeDefault && !address.isDefault()) {
            passDefaultTo(shopperId, address);
        }
        addresses.flush();
        return address;
    }

    @Transactional
    public void delete(UUID shopperId, UUID addressId) {
        lock(shopperId);
        SavedAddress address = own(shopperId, addressId);
        addresses.delete(address);
        addresses.flush();
        if (address.isDefault()) {
            addresses.ofShopper(shopperId).stream().findFirst().ifPresent(newest -> {
                newest.makeDefault();
                addresses.flush();
            });
        }
        log.info("Address {} deleted by {}", addressId, shopperId);
    }

    /**
     * The shopper's saved address as an order's shipping address; another shopper's, or
     * none, is 404 {@code ADDRESS_NOT_FOUND}.
     */
    @Transactional(readOnly = true)
    public ShippingAddress shippingAddress(UUID shopperId, UUID addressId) {
        return own(shopperId, addressId).toShippingAddress();
    }

    /**
     * Checks a regency ({@code PP.KK} or {@code PPKK}) and an optional district
     * ({@code PP.KK.DD}): 422 {@code ADDRESS_NOT_DOMESTIC} unless the regency is a
     * current one, 422 {@code DISTRICT_NOT_IN_REGENCY} unless the district is a known one
     * of it. Returns the regency as {@code PP.KK}.
     */
    public String checkRegion(String regencyCode, String districtCode) {
        if (!RegencyCode.isWellFormed(regencyCode) || !regions.isCurrentRegency(RegencyCode.parse(regencyCode))) {
            throw new OrderProblems.AddressNotDomestic();
        }
        String regency = RegencyCode.parse(regencyCode).value();
        if (districtCode != null
                && (!districtCode.startsWith(regency + ".") || !regions.isKnownDistrict(districtCode))) {
            throw new AddressProblems.DistrictNotInRegency();
        }
        return regency;
    }

    private AddressDetails checked(AddressDetails details) {
        String phone = MobilePhone.normalise(details.phone())
            .orElseThrow(() -> new InvalidFields("phone", MobilePhone.RULE));
        String regency = checkRegion(details.regencyCode(), details.districtCode());
        return new AddressDetails(details.label(), details.recipientName(), phone, details.street(), regency,
                details.districtCode(), details.postalCode());
    }

    private void passDefaultTo(UUID shopperId, SavedAddress address) {
        // The old default goes first, in its own flush: the partial unique index allows
        // one default at any moment, not only at the commit.
        addresses.ofShopper(shopperId).stream().filter(SavedAddress::isDefault).forEach(old -> {
            old.unsetDefault();
            addresses.flush();
        });
        address.makeDefault();
    }

    private SavedAddress own(UUID shopperId, UUID addressId) {
        return addresses.findByIdAndShopperId(addressId, shopperId).orElseThrow(AddressProblems.AddressNotFound::new);
    }

    private void lock(UUID shopperId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('orders.addresses:' || :shopper, 0))")
            .param("shopper", shopperId.toString())
            .query(Object.class)
            .single();
    }

}
