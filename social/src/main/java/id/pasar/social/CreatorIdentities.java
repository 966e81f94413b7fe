package id.pasar.social;

import java.util.Optional;
import java.util.UUID;

/**
 * The parts of a creator's proven identity that its payouts need, as onboarding's
 * {@code SellerIdentities} gives them of a seller: the name a bank account's holder must
 * match, and its tax number masked. Decrypted at each call, so asked only where the name
 * is compared (whether a creator may be paid is {@link Creators}'s standing); personal
 * data (UU 27/2022): the name is for comparing in memory, never for a response or a log
 * line.
 */
public interface CreatorIdentities {

    /** The identity of the creator with this id, of any status. */
    Optional<LegalIdentity> of(UUID creatorId);

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
