package id.pasar.onboarding.internal;

import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.SellerIdentity;

/** A seller application, checked for form by the web layer. */
public record Application(String shopName, SellerType sellerType, long annualRevenueIdr, String street,
        RegencyCode regencyCode, String postalCode, SellerIdentity identity) {

    public static Application of(String shopName, boolean business, long annualRevenueIdr, String street,
            RegencyCode regencyCode, String postalCode, SellerIdentity identity) {
        return new Application(shopName, business ? SellerType.BUSINESS : SellerType.INDIVIDUAL, annualRevenueIdr,
                street, regencyCode, postalCode, identity);
    }
}
