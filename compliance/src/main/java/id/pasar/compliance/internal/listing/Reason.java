package id.pasar.compliance.internal.listing;

/**
 * The reason codes of the listing-publication rules, spelled exactly as decisions carry
 * them; each one fails.
 */
enum Reason {

    SELLER_NOT_VERIFIED, SHIP_FROM_NOT_DOMESTIC, PROHIBITED_CATEGORY, LICENCE_REQUIRED, HALAL_CERTIFICATE_REQUIRED

}
