package id.pasar.social;

/**
 * A creator's status, as a seller's: PENDING_REVIEW until an officer decides (or an
 * identity registry confirms), VERIFIED, REJECTED (it may apply again), REVOKED by an
 * officer (final: neither shown nor able to post, and its identity stays held).
 */
public enum CreatorStatus {

    PENDING_REVIEW, VERIFIED, REJECTED, REVOKED

}
