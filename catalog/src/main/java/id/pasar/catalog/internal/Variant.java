package id.pasar.catalog.internal;

import java.util.List;
import java.util.UUID;

/** A variant of a listing as stored (ListingVariants). */
public record Variant(UUID id, UUID listingId, List<String> optionValues, String sku, long priceIdr, int stock,
        int weightGrams) {

    public Variant {
        optionValues = List.copyOf(optionValues);
    }

    /**
     * What the shopper chose, as an order line shows it: "Merah / XL"; null when none.
     */
    public String label() {
        return label(optionValues);
    }

    static String label(List<String> optionValues) {
        return optionValues.isEmpty() ? null : String.join(" / ", optionValues);
    }

}
