package id.pasar.orders.internal;

import java.util.List;

/**
 * What couriers charge for a parcel on a route: the built-in {@link RateTable}, or a rate
 * aggregator ({@link BiteshipRates}), as {@code pasar.orders.shipping.rates} selects.
 */
public interface ShippingRates {

    /**
     * The services that serve the route, in no particular order; empty when none does.
     * @throws ShippingProblems.RatesUnavailable when the rates cannot be had now
     */
    List<ShippingOption> rates(Route route);

    /**
     * A parcel on its way.
     *
     * @param originRegencyCode {@code PP.KK}
     * @param originPostalCode five digits, or null when unknown (listings do not carry
     * one)
     * @param destinationRegencyCode {@code PP.KK}
     * @param destinationPostalCode five digits, or null when unknown
     * @param weightGrams the parcel's weight, at least 1
     * @param valueIdr what the parcel holds is worth, for aggregators that ask
     */
    record Route(String originRegencyCode, String originPostalCode, String destinationRegencyCode,
            String destinationPostalCode, long weightGrams, long valueIdr) {

        public Route {
            if (weightGrams < 1) {
                throw new IllegalArgumentException("a parcel weighs at least 1 g");
            }
        }

        public ShippingZone zone() {
            return ShippingZone.between(originRegencyCode, destinationRegencyCode);
        }
    }

}
