package id.pasar.onboarding.internal;

/** An individual proves a KTP or passport; a business proves a local entity. */
public enum SellerType {

    INDIVIDUAL, BUSINESS

}
