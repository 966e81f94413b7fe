package id.pasar.orders.web;

import id.pasar.orders.internal.Cart;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/**
 * A cart as its shopper sees it: {@code itemsTotalIdr} and each seller's
 * {@code subtotalIdr} count the lines that can be ordered, at today's prices.
 */
record CartResponse(List<SellerLines> sellers, int lineCount, long itemsTotalIdr) {

    static CartResponse of(List<Cart.SellerItems> sellers) {
        List<SellerLines> shown = sellers.stream().map(SellerLines::of).toList();
        return new CartResponse(shown, shown.stream().mapToInt(seller -> seller.items().size()).sum(),
                shown.stream().mapToLong(SellerLines::subtotalIdr).sum());
    }

    record SellerLines(UUID sellerId, String shopName, List<Line> items, long subtotalIdr) {

        static SellerLines of(Cart.SellerItems seller) {
            return new SellerLines(seller.sellerId(), seller.shopName(), seller.items().stream().map(Line::of).toList(),
                    seller.items()
                        .stream()
                        .filter(Cart.Item::orderable)
                        .mapToLong(Cart.Item::lineTotalIdr)
                        .reduce(0, Math::addExact));
        }
    }

    /**
     * @param variantLabel what the variant is ("Merah / XL"), null for a listing without
     * options
     * @param priceWhenSetIdr the price shown when the quantity was last set
     * @param flags PRICE_CHANGED, INSUFFICIENT_STOCK, UNAVAILABLE; empty when the line
     * can be ordered as it stands
     */
    @Schema(name = "CartLine")
    record Line(UUID variantId, UUID listingId, String title, String variantLabel, int quantity, long unitPriceIdr,
            long priceWhenSetIdr, int stock, List<Cart.Flag> flags, long lineTotalIdr) {

        static Line of(Cart.Item item) {
            return new Line(item.variantId(), item.offer().listingId(), item.offer().title(),
                    item.offer().variantLabel(), item.quantity(), item.offer().priceIdr(), item.priceSeenIdr(),
                    item.offer().stock(), List.copyOf(item.flags()), item.lineTotalIdr());
        }
    }

}
