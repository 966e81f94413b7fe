package id.pasar.onboarding.internal;

import id.pasar.compliance.SellerIdentity.DocumentType;
import id.pasar.onboarding.SellerStatus;
import id.pasar.onboarding.UmkmClass;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A seller read-only, for this module's web layer: no verbs, no identity beyond its mask.
 */
public interface SellerView {

    UUID getId();

    String getShopName();

    SellerType getSellerType();

    SellerStatus getStatus();

    List<String> getReasons();

    UmkmClass getUmkmClass();

    DocumentType getDocumentType();

    String getMaskedIdentity();

    String getRegencyCode();

    UUID getDecisionId();

    String getRuleSetVersion();

    Instant getCreatedAt();

    Instant getUpdatedAt();

}
