package id.pasar.onboarding.internal;

import id.pasar.compliance.SellerIdentity.DocumentType;
import id.pasar.onboarding.SellerStatus;
import id.pasar.onboarding.UmkmClass;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A user's seller: its shop, its current application and where that application stands.
 * Its state changes only through the verbs below, each of which carries the compliance
 * decision behind it.
 */
@Entity
@Table(schema = "onboarding", name = "sellers")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Seller implements SellerView {

    @Id
    private UUID id;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "shop_name")
    private String shopName;

    @Enumerated(EnumType.STRING)
    @Column(name = "seller_type")
    private SellerType sellerType;

    @Column(name = "annual_revenue_idr")
    private long annualRevenueIdr;

    @Enumerated(EnumType.STRING)
    @Column(name = "umkm_class")
    private UmkmClass umkmClass;

    private String street;

    @Column(name = "regency_code")
    private String regencyCode;

    @Column(name = "postal_code")
    private String postalCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    private DocumentType documentType;

    @Column(name = "identity_index")
    private byte[] identityIndex;

    @Column(name = "identity_ciphertext")
    private byte[] identityCiphertext;

    @Column(name = "npwp_index")
    private byte[] npwpIndex;

    @Column(name = "masked_identity")
    private String maskedIdentity;

    @Column(name = "passport_expiry")
    private LocalDate passportExpiry;

    @Enumerated(EnumType.STRING)
    private SellerStatus status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> reasons;

    @Column(name = "rule_set_version")
    private String ruleSetVersion;

    @Column(name = "decision_id")
    private UUID decisionId;

    @Column(name = "status_note")
    private String statusNote;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    Seller(UUID id, UUID userId, Instant now) {
        this.id = id;
        this.userId = userId;
        this.createdAt = now;
    }

    /**
     * Takes a new application: a first one, or one that replaces a rejected application.
     */
    void apply(Application application, ProtectedIdentity identity, StatusChange change, Instant now) {
        if (status != null && status != SellerStatus.REJECTED) {
            throw new OnboardingProblems.SellerExists();
        }
        this.shopName = application.shopName();
        this.sellerType = application.sellerType();
        this.annualRevenueIdr = application.annualRevenueIdr();
        this.umkmClass = UmkmClass.ofAnnualSales(application.annualRevenueIdr());
        this.street = application.street();
        this.regencyCode = application.regencyCode().value();
        this.postalCode = application.postalCode();
        this.documentType = application.identity().documentType();
        this.identityIndex = identity.index();
        this.identityCiphertext = identity.ciphertext();
        this.npwpIndex = identity.npwpIndex();
        this.maskedIdentity = application.identity().maskedIdentity();
        this.passportExpiry = application.identity() instanceof id.pasar.compliance.SellerIdentity.Passport passport
                ? passport.expiryDate() : null;
        this.statusNote = null;
        decided(change, now);
    }

    void approve(UUID decisionId, String note, Instant now) {
        requirePending();
        this.statusNote = note;
        decided(new StatusChange(SellerStatus.VERIFIED, List.of(), decisionId, ruleSetVersion), now);
    }

    void reject(UUID decisionId, List<String> reasons, String note, Instant now) {
        requirePending();
        this.statusNote = note;
        decided(new StatusChange(SellerStatus.REJECTED, reasons, decisionId, ruleSetVersion), now);
    }

    void revoke(UUID decisionId, String reasonCode, String note, Instant now) {
        if (status != SellerStatus.VERIFIED) {
            throw new OnboardingProblems.NotRevocable(status);
        }
        this.statusNote = note;
        decided(new StatusChange(SellerStatus.REVOKED, List.of(reasonCode), decisionId, ruleSetVersion), now);
    }

    boolean isPending() {
        return status == SellerStatus.PENDING_REVIEW;
    }

    private void requirePending() {
        if (!isPending()) {
            throw new OnboardingProblems.NotPending(status);
        }
    }

    private void decided(StatusChange change, Instant now) {
        this.status = change.status();
        this.reasons = List.copyOf(change.reasons());
        this.decisionId = change.decisionId();
        this.ruleSetVersion = change.ruleSetVersion();
        this.updatedAt = now;
    }

    /** A compliance decision and what it makes of the seller. */
    record StatusChange(SellerStatus status, List<String> reasons, UUID decisionId, String ruleSetVersion) {
    }

    /**
     * The identity as stored: its blind index, its ciphertext, and a business's NPWP
     * index (else null).
     */
    record ProtectedIdentity(byte[] index, byte[] ciphertext, byte[] npwpIndex) {
    }

}
