package id.pasar.catalog.internal;

import id.pasar.compliance.ListingRules.HalalStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A seller's listing. Its content has a {@code version} that every material edit
 * increments, and it is PUBLISHED only with a compliance PASS for that version. Updates
 * write only the columns that changed ({@code @DynamicUpdate}), so an edit never writes
 * back a stale stock that orders have since taken.
 */
@Entity
@Table(schema = "catalog", name = "listings")
@EntityListeners(ListingChanges.class)
@DynamicUpdate
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Listing {

    public enum Status {

        DRAFT, PUBLISHED, SUSPENDED

    }

    @Id
    private UUID id;

    @Column(name = "seller_id")
    private UUID sellerId;

    private String title;

    private String description;

    @Column(name = "category_code")
    private String categoryCode;

    /**
     * The lowest price of the variants, kept by the database (V11): written once with the
     * new row, never by an update.
     */
    @Column(name = "price_idr", updatable = false)
    private long priceIdr;

    /** The highest price when the variants' prices differ, else null; the database's. */
    @Column(name = "max_price_idr", insertable = false, updatable = false)
    private Long maxPriceIdr;

    /** The variants' stock, summed: the database's and the orders'. */
    @Column(updatable = false)
    private int stock;

    /** The option types, in the seller's order; none for a listing without options. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "option_types")
    private List<String> optionTypes;

    @Column(name = "ship_from_regency_code")
    private String shipFromRegencyCode;

    @Column(name = "province_code", insertable = false, updatable = false)
    private String provinceCode;

    @Column(name = "weight_grams")
    private int weightGrams;

    @Column(name = "regulatory_licence")
    private String regulatoryLicence;

    @Enumerated(EnumType.STRING)
    @Column(name = "halal_status")
    private HalalStatus halalStatus;

    @Column(name = "halal_certificate_number")
    private String halalCertificateNumber;

    /**
     * The photos (media ids), in the seller's order, the first the cover; at most 9.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photo_ids")
    private List<UUID> photoIds;

    /**
     * The hash of what the listing rules check, computed by the database from the columns
     * above, the variants' option values and the photos (ADR 0007, 0023, 0026:
     * {@code checked_content}); as loaded, so only current in a listing read in this
     * transaction before any edit.
     */
    @Formula("catalog.checked_content(content_hash, option_types, options_hash, photo_ids)")
    private String contentHash;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int version;

    @Column(name = "decision_id")
    private UUID decisionId;

    @Column(name = "rule_set_version")
    private String ruleSetVersion;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> reasons;

    @Column(name = "shop_name")
    private String shopName;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    Listing(UUID sellerId, ListingContent content, Instant now) {
        this.id = UUID.randomUUID();
        this.sellerId = sellerId;
        this.status = Status.DRAFT;
        this.version = 1;
        this.reasons = List.of();
        this.createdAt = now;
        apply(content, now);
    }

    /**
     * A material edit: a new version, which needs publishing (and a compliance check)
     * again.
     */
    void edit(ListingContent content, Instant now) {
        apply(content, now);
        this.version++;
        this.status = Status.DRAFT;
        this.decisionId = null;
        this.reasons = List.of();
    }

    /**
     * A variant's price or stock changed: not material, no new version, no new check
     * (ListingVariants#change).
     */
    void touched(Instant now) {
        this.updatedAt = now;
    }

    void publish(int passedVersion, UUID passDecisionId, String ruleSetVersion, String shopName, Instant now) {
        if (passedVersion != version) {
            throw new IllegalStateException(
                    "the PASS is for version " + passedVersion + ", the listing is at " + version);
        }
        this.status = Status.PUBLISHED;
        this.decisionId = passDecisionId;
        this.ruleSetVersion = ruleSetVersion;
        this.reasons = List.of();
        this.shopName = shopName;
        this.publishedAt = now;
        this.updatedAt = now;
    }

    void refused(UUID decisionId, List<String> reasons, Instant now) {
        this.reasons = List.copyOf(reasons);
        this.updatedAt = now;
        if (status != Status.PUBLISHED) {
            this.decisionId = decisionId;
        }
    }

    void renewPass(UUID passDecisionId, String ruleSetVersion, Instant now) {
        this.decisionId = passDecisionId;
        this.ruleSetVersion = ruleSetVersion;
        this.updatedAt = now;
    }

    void suspend(UUID decisionId, List<String> reasons, Instant now) {
        this.status = Status.SUSPENDED;
        this.decisionId = decisionId;
        this.reasons = List.copyOf(reasons);
        this.updatedAt = now;
    }

    void unpublish(Instant now) {
        if (status != Status.DRAFT) {
            this.status = Status.DRAFT;
            this.decisionId = null;
            this.updatedAt = now;
        }
    }

    private void apply(ListingContent content, Instant now) {
        this.title = content.title();
        this.description = content.description();
        this.categoryCode = content.categoryCode();
        this.priceIdr = content.priceIdr();
        this.stock = content.stock();
        this.shipFromRegencyCode = content.shipFromRegencyCode();
        this.weightGrams = content.weightGrams();
        this.optionTypes = content.optionTypes();
        this.photoIds = content.photoIds();
        this.regulatoryLicence = content.regulatoryLicence();
        this.halalStatus = content.halalStatus();
        this.halalCertificateNumber = content.halalCertificateNumber();
        this.updatedAt = now;
    }

}
