package id.pasar.orders.web;

import id.pasar.social.AffiliateRefKey;
import id.pasar.compliance.MobilePhoneNumber;
import id.pasar.kernel.InvalidFields;
import id.pasar.orders.internal.Checkout;
import id.pasar.compliance.MobilePhone;
import id.pasar.orders.internal.ShippingAddress;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /orders}: what (its {@code items}, or the lines of the caller's cart) and
 * where. Prices are never taken from the client.
 */
@Schema(example = """
        { "items": [ { "listingId": "0d6f5c1e-6a5b-4f0e-9b8a-2f1a3c4d5e6f", "quantity": 2 } ],
          "shippingAddress": { "recipientName": "Siti Rahayu", "phone": "+62 812 3456 7890",
                               "street": "Jl. Kenanga 12, RT 03/RW 05", "regencyCode": "3273", "postalCode": "40115" },
          "shipping": [ { "sellerId": "6b1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e", "courier": "JNE", "service": "REG" } ] }""")
@OneAddress
record OrderRequest(@Size(min = 1, max = 50) List<@NotNull @Valid Item> items,
        @Schema(description = "order the cart's lines instead of items") @Valid FromCart cart,
        @Valid Address shippingAddress,
        @Schema(description = "a saved address of the caller, instead of shippingAddress") UUID addressId,
        @Schema(description = "the courier service per seller; a seller left out gets its cheapest") @Size(
                max = 50) List<@NotNull @Valid Shipping> shipping)
        implements
            OneAddress.Addressed {

    /** The courier service chosen for one seller's parcel, as the quote offered it. */
    @Schema(name = "ShippingChoice")
    record Shipping(@NotNull UUID sellerId,
            @Schema(example = "JNE") @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z_]{2,20}",
                    message = "must be a courier code such as JNE") String courier,
            @Schema(example = "REG") @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z_]{2,20}",
                    message = "must be a service code such as REG") String service) {
    }

    /**
     * A variant and how many of it: {@code variantId}, or {@code listingId} for a listing
     * without options (its one variant has the listing's id); exactly one of the two.
     */
    @Schema(name = "OrderItem")
    record Item(UUID listingId, UUID variantId, @NotNull @Min(1) @Max(100) Integer quantity,
            @Schema(description = "the reference of the creator's post or showcase the listing was reached through",
                    maxLength = AffiliateRefKey.MAX_LENGTH) @Size(
                            max = AffiliateRefKey.MAX_LENGTH) String affiliateRef) {

        UUID variant() {
            return variantId != null ? variantId : listingId;
        }
    }

    /** The cart's lines of these sellers; of every seller when none is named. */
    record FromCart(@Size(max = 100) List<@NotNull UUID> sellerIds) {
    }

    @Schema(name = "ShippingAddress")
    record Address(@NotBlank @Size(max = 100) String recipientName,
            @NotNull @Size(max = MobilePhone.MAX_LENGTH) @MobilePhoneNumber String phone,
            @NotBlank @Size(max = 200) String street,
            @NotNull @Size(max = 5) @Pattern(regexp = "\\d{2}\\.?\\d{2}",
                    message = "must be PP.KK or PPKK") String regencyCode,
            @NotNull @Size(max = 5) @Pattern(regexp = "\\d{5}", message = "must be 5 digits") String postalCode,
            @Size(max = 8) @Pattern(regexp = "\\d{2}\\.\\d{2}\\.\\d{2}",
                    message = "must be PP.KK.DD") String districtCode) {

        @Override
        public String toString() {
            return "Address[regency=" + regencyCode + "]";
        }
    }

    List<Checkout.ShippingPick> picks() {
        return shipping == null ? List.of()
                : shipping.stream()
                    .map(s -> new Checkout.ShippingPick(s.sellerId(), s.courier(), s.service()))
                    .toList();
    }

    /** What to order: exactly one of {@code items} and {@code cart}. */
    Checkout.Basket basket() {
        return basket(items, cart);
    }

    /**
     * Exactly one of {@code items} and {@code cart}, as a basket: of an order, and of a
     * quote.
     */
    static Checkout.Basket basket(List<Item> items, FromCart cart) {
        if ((items == null) == (cart == null)) {
            throw new InvalidFields("items", items == null ? "must be given, or cart" : "give items or cart, not both");
        }
        if (cart != null) {
            return new Checkout.FromCart(cart.sellerIds() == null ? Set.of() : Set.copyOf(cart.sellerIds()));
        }
        return new Checkout.Items(lines(items));
    }

    /**
     * The items as checkout lines, each naming exactly one of {@code variantId} and
     * {@code listingId}.
     */
    private static List<Checkout.Line> lines(List<Item> items) {
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item != null && (item.listingId() == null) == (item.variantId() == null)) {
                throw new InvalidFields("items[" + i + "].variantId", item.listingId() == null
                        ? "must be given, or listingId" : "give variantId or listingId, not both");
            }
        }
        return items.stream()
            .map(item -> new Checkout.Line(item.variant(), item.quantity(), item.affiliateRef()))
            .toList();
    }

    /**
     * The inline address, its phone as {@code +628...}; null when {@code addressId} is
     * given.
     */
    ShippingAddress address() {
        if (shippingAddress == null) {
            return null;
        }
        return new ShippingAddress(shippingAddress.recipientName().trim(),
                MobilePhone.normalise(shippingAddress.phone()).orElseThrow(), shippingAddress.street().trim(),
                shippingAddress.regencyCode(), shippingAddress.postalCode(), shippingAddress.districtCode());
    }
}
