package id.pasar.orders.internal;

import id.pasar.social.Affiliates;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One variant of a listing in an order, at the price and version it had at checkout. A
 * listing without options has one variant, whose id is the listing's.
 */
@Entity
@Table(schema = "orders", name = "order_lines")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class OrderLine {

    @Id
    private UUID id;

    @Column(name = "listing_id")
    private UUID listingId;

    @Column(name = "variant_id")
    private UUID variantId;

    /** What the shopper chose ("Merah / XL"); null for a listing without options. */
    @Column(name = "variant_label")
    private String variantLabel;

    @Column(name = "listing_version")
    private int listingVersion;

    private String title;

    /**
     * The listing's category when ordered, whose fee rate applies; null on lines ordered
     * before categories were kept.
     */
    @Column(name = "category_code")
    private String categoryCode;

    @Column(name = "unit_price_idr")
    private long unitPriceIdr;

    private int quantity;

    /**
     * The creator whose reference the shopper last touched, when it earns a commission on
     * this line; null otherwise.
     */
    @Column(name = "affiliate_creator_id")
    private UUID affiliateCreatorId;

    /**
     * The commission rate of the listing's affiliate plan at placement, with the creator.
     */
    @Column(name = "commission_percent")
    private Integer commissionPercent;

    /** Its place in the seller order, written by this row's INSERT. */
    private int position;

    /** A line of a listing without options: its one variant has the listing's id. */
    OrderLine(UUID listingId, int listingVersion, String title, long unitPriceIdr, int quantity) {
        this(listingId, listingId, null, listingVersion, title, null, unitPriceIdr, quantity, null);
    }

    OrderLine(UUID variantId, UUID listingId, String variantLabel, int listingVersion, String title,
            String categoryCode, long unitPriceIdr, int quantity, Affiliates.Attribution attribution) {
        this.id = UUID.randomUUID();
        this.variantId = variantId;
        this.variantLabel = variantLabel;
        this.listingId = listingId;
        this.listingVersion = listingVersion;
        this.title = title;
        this.categoryCode = categoryCode;
        this.unitPriceIdr = unitPriceIdr;
        this.quantity = quantity;
        if (attribution != null) {
            this.affiliateCreatorId = attribution.creatorId();
            this.commissionPercent = attribution.commissionPercent();
        }
    }

    void placeAt(int position) {
        this.position = position;
    }

    public long lineTotalIdr() {
        return Math.multiplyExact(unitPriceIdr, (long) quantity);
    }

}
