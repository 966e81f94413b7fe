package id.pasar.orders.internal;

import id.pasar.catalog.ListingStock;
import id.pasar.catalog.ListingStock.Taken;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.Regions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What shipping costs, per seller: one parcel per seller, priced by {@link ShippingRates}
 * among the couriers the seller ships with. Checkout prices the shopper's choice with
 * {@link #option} or {@link #chosen}.
 */
@Service
public class ShippingQuotes {

    private final ShippingRates rates;

    private final SellerCouriers couriers;

    private final ListingStock stock;

    private final Regions regions;

    /** Read-only: the catalog's quote reads and locks nothing. */
    private final TransactionTemplate transactions;

    public ShippingQuotes(ShippingRates rates, SellerCouriers couriers, ListingStock stock, Regions regions,
            PlatformTransactionManager transactionManager) {
        this.rates = rates;
        this.couriers = couriers;
        this.stock = stock;
        this.regions = regions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
    }

    /**
     * One seller's parcel and the services that may carry it.
     *
     * @param originRegencyCode where the parcel leaves from: the ship-from regency of the
     * seller's first line (a seller ships one parcel, from one place)
     * @param destinationRegencyCode {@code PP.KK}
     * @param subtotalIdr the sum of unit price times quantity of the seller's lines
     * @param weightGrams the parcel's weight, the sum of the lines' weights
     * @param services the services among the seller's couriers that serve the route,
     * cheapest first (then fastest); empty when none does
     */
    public record SellerQuote(UUID sellerId, String originRegencyCode, String destinationRegencyCode, long subtotalIdr,
            long weightGrams, List<ShippingOption> services) {
    }

    /**
     * A quote of listings not yet taken: the items total and a quote per seller.
     */
    public record Quote(List<SellerQuote> sellerQuotes, long itemsTotalIdr) {
    }

    /**
     * Shipping for lines already quoted by the catalog, per seller in the order sellers
     * first appear in {@code lines}.
     * @param destinationPostalCode five digits, or null when unknown
     */
    public List<SellerQuote> quote(List<Taken> lines, String destinationRegencyCode, String destinationPostalCode) {
        String destination = RegencyCode.parse(destinationRegencyCode).value();
        Map<UUID, List<Taken>> bySeller = new LinkedHashMap<>();
        lines.forEach(line -> bySeller.computeIfAbsent(line.sellerId(), seller -> new ArrayList<>()).add(line));
        List<SellerQuote> quotes = new ArrayList<>();
        bySeller.forEach((sellerId, sellerLines) -> {
            long subtotal = 0;
            long weight = 0;
            for (Taken line : sellerLines) {
                subtotal = Math.addExact(subtotal, Math.multiplyExact(line.unitPriceIdr(), line.quantity()));
                weight = Math.addExact(weight, line.weightGramsTotal());
            }
            String origin = RegencyCode.parse(sellerLines.get(0).shipFromRegencyCode()).value();
            Set<Courier> chosen = couriers.of(sellerId);
            List<ShippingOption> services = rates
                .rates(new ShippingRates.Route(origin, null, destination, destinationPostalCode, Math.max(1, weight),
                        subtotal))
                .stream()
                .filter(option -> chosen.contains(Courier.valueOf(option.courier())))
                .sorted(Comparator.comparingLong(ShippingOption::costIdr)
                    .thenComparingInt(ShippingOption::etaDays)
                    .thenComparing(ShippingOption::courier)
                    .thenComparing(ShippingOption::service))
                .toList();
            quotes.add(new SellerQuote(sellerId, origin, destination, subtotal, weight, services));
        });
        return quotes;
    }

    /**
     * Quotes listings for a shopper who has not ordered yet: the catalog prices them now
     * without taking or locking anything, refusing as checkout would.
     * @throws OrderProblems.AddressNotDomestic for a regency that is not a current one
     * @throws ListingStock.ListingNotAvailable when a listing is not on sale
     * @throws ListingStock.InsufficientStock when a listing has less than asked
     */
    public Quote quote(Map<UUID, Integer> quantities, String destinationRegencyCode, String destinationPostalCode) {
        if (!RegencyCode.isWellFormed(destinationRegencyCode)
                || !regions.isCurrentRegency(RegencyCode.parse(destinationRegencyCode))) {
            throw new OrderProblems.AddressNotDomestic();
        }
        Map<UUID, Integer> merged = new LinkedHashMap<>(quantities);
        // The catalog's read needs a transaction; the rates (perhaps an HTTP call) are
        // asked after it, so that no connection waits on a courier's API.
        List<UUID> asked = List.copyOf(merged.keySet());
        // The catalog answers in variant id order; sellers come in the shopper's order.
        List<Taken> lines = transactions.execute(tx -> stock.quote(merged))
            .stream()
            .sorted(Comparator.comparingInt(line -> asked.indexOf(line.variantId())))
            .toList();
        List<SellerQuote> sellerQuotes = quote(lines, destinationRegencyCode, destinationPostalCode);
        long itemsTotal = sellerQuotes.stream().mapToLong(SellerQuote::subtotalIdr).reduce(0, Math::addExact);
        return new Quote(sellerQuotes, itemsTotal);
    }

    /**
     * The chosen service priced for the seller's parcel, or empty when it is not among
     * the quote's services (the seller does not use that courier, or it does not serve
     * the route).
     */
    public Optional<ShippingOption> option(SellerQuote quote, String courier, String service) {
        return quote.services()
            .stream()
            .filter(option -> option.courier().equals(courier) && option.service().equals(service))
            .findFirst();
    }

    /**
     * As {@link #option}, refusing what is not on offer.
     * @throws ShippingProblems.ServiceUnavailable (422 SHIPPING_SERVICE_UNAVAILABLE)
     */
    public ShippingOption chosen(SellerQuote quote, String courier, String service) {
        return option(quote, courier, service)
            .orElseThrow(() -> new ShippingProblems.ServiceUnavailable(quote.sellerId(), courier, service));
    }

}
