package id.pasar.onboarding;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The parts of a seller's proven identity that its money needs: the name a bank account's
 * holder must match, and the tax number an auditor's tax report shows, masked. Read from
 * the encrypted identity; personal data (UU 27/2022): the name is for comparing in
 * memory, never for a response or a log line.
 */
public interface SellerIdentities {

    Optional<LegalIdentity> of(UUID sellerId);

    /** Of each of these sellers that exists. */
    Map<UUID, LegalIdentity> of(Collection<UUID> sellerIds);

    /**
     * Whether the seller proved itself with the identity of this blind index
     * (compliance's {@code IdentityCipher.blindIndex}: the same person's or entity's
     * number gives the same index in every module), so that another module can tell a
     * person's two accounts apart from two people without reading either identity.
     */
    boolean provenBy(UUID sellerId, byte[] identityIndex);

    /**
     * @param individual a KTP or passport holder (else a business entity)
     * @param legalName the KTP's or passport's full name, or the entity's legal name
     * @param taxIdKind {@code NPWP} for an entity, {@code NIK} for a KTP holder,
     * {@code PASSPORT} for a passport holder (the platform has no NIK of them)
     * @param maskedTaxId that number masked as every response masks it
     */
    record LegalIdentity(UUID sellerId, boolean individual, String legalName, String taxIdKind, String maskedTaxId) {

        @Override
        public String toString() {
            return "LegalIdentity[sellerId=" + sellerId + ", individual=" + individual + ", taxId=" + taxIdKind + " "
                    + maskedTaxId + "]";
        }

    }

}
