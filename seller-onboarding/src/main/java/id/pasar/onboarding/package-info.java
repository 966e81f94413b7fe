/**
 * Seller onboarding: a user's seller application, its identity (encrypted, masked) and
 * its life cycle PENDING_REVIEW, VERIFIED, REJECTED, REVOKED.
 */
package id.pasar.onboarding;
