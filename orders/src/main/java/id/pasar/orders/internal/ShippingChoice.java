package id.pasar.orders.internal;

/**
 * How one seller order travels, as priced at checkout: the courier service the shopper
 * chose, its cost for the order's weight, and where it leaves from.
 *
 * @param etaDays the courier's promise, in days at most
 * @param weightGrams the seller order's weight, every unit counted
 * @param originRegencyCode where the seller sends it from, {@code PP.KK}
 */
public record ShippingChoice(String courier, String service, long costIdr, int etaDays, long weightGrams,
        String originRegencyCode) {

    public ShippingChoice {
        if (costIdr < 0 || weightGrams < 0) {
            throw new IllegalArgumentException("a shipping cost and a weight are never negative");
        }
    }
}
