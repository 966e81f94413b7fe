package id.pasar.catalog.internal;

import java.util.List;

/**
 * One variant as its seller writes it: one value per option type of its listing, in the
 * types' order (none for a listing without options), and its own SKU (optional), price,
 * stock and weight.
 */
public record VariantContent(List<String> optionValues, String sku, long priceIdr, int stock, int weightGrams) {

    public VariantContent {
        optionValues = List.copyOf(optionValues);
    }

}
