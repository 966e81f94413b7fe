package id.pasar.onboarding;

/**
 * PENDING_REVIEW -> VERIFIED or REJECTED; VERIFIED -> REVOKED; a REJECTED user may apply
 * again.
 */
public enum SellerStatus {

    PENDING_REVIEW, VERIFIED, REJECTED, REVOKED

}
