package id.pasar.social;

import java.util.Optional;
import java.util.UUID;

/**
 * The parts of a creator's proven identity that its money needs, as onboarding's
 * {@code SellerIdentities} gives them of a seller: whether it is VERIFIED (only then may
 * it register a bank account and be paid out), the name a bank account's holder must
 * match, and its tax number masked. Read from the encrypted identity; personal data (UU
 * 27/2022): the name is for comparing in memory, never for a response or a log line.
 */
public interface CreatorIdentities {

    /** The creator of this account (a CREATOR account that applied), of any status. */
    Optional<CreatorIdentity> ofAccount(UUID accountId);

    /** The creator with this id, of any status. */
    Optional<CreatorIdentity> of(UUID creatorId);

    /**
     * @param status {@code VERIFIED}, {@code PENDING_REVIEW}, {@code REJECTED} or
     * {@code REVOKED}
     */
    record CreatorIdentity(UUID creatorId, String status, LegalIdentity legal) {

        public boolean verified() {
            return "VERIFIED".equals(status);
        }

    }

    /**
     * @param individual a KTP or passport holder (else a business entity)
     * @param legalName the KTP's or passport's full name, or the entity's legal name
     * @param taxIdKind {@code NPWP} for an entity, {@code NIK} for a KTP holder,
     * {@code PASSPORT} for a passport holder (the platform has no NIK of them)
     * @param maskedTaxId that number masked as every response masks it
     */
    record LegalIdentity(boolean individual, String legalName, String taxIdKind, String maskedTaxId) {

        @Override
        public String toString() {
            return "LegalIdentity[individual=" + individual + ", taxId=" + taxIdKind + " " + maskedTaxId + "]";
        }

    }

}
