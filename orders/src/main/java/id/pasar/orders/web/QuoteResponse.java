package id.pasar.orders.web;

import id.pasar.orders.internal.ShippingOption;
import id.pasar.orders.internal.ShippingQuotes;
import java.util.List;
import java.util.UUID;

/**
 * What an order would cost before shipping is chosen: per seller, the services on offer.
 */
record QuoteResponse(List<SellerQuote> sellerOrders, long itemsTotalIdr) {

    record SellerQuote(UUID sellerId, long subtotalIdr, long weightGrams, List<Service> services) {
    }

    record Service(String courier, String service, long costIdr, int etaDays) {

        static Service of(ShippingOption option) {
            return new Service(option.courier(), option.service(), option.costIdr(), option.etaDays());
        }
    }

    static QuoteResponse of(ShippingQuotes.Quote quote) {
        return new QuoteResponse(quote.sellerQuotes()
            .stream()
            .map(seller -> new SellerQuote(seller.sellerId(), seller.subtotalIdr(), seller.weightGrams(),
                    seller.services().stream().map(Service::of).toList()))
            .toList(), quote.itemsTotalIdr());
    }

}
