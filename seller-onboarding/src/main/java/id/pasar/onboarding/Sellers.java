package id.pasar.onboarding;

import id.pasar.compliance.SellerIdentity.DocumentType;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may know about sellers: who they are and whether they may sell now.
 */
public interface Sellers {

    Optional<SellerSummary> ofUser(UUID userId);

    Optional<SellerSummary> byId(UUID sellerId);

    record SellerSummary(UUID sellerId, UUID userId, String shopName, SellerStatus status, UmkmClass umkmClass,
            String regencyCode, DocumentType documentType) {

        public boolean verified() {
            return status == SellerStatus.VERIFIED;
        }
    }

}
