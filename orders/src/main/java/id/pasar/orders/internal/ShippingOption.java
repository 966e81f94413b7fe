package id.pasar.orders.internal;

/**
 * One courier service priced for one parcel.
 *
 * @param courier the courier's code ({@link Courier})
 * @param service the service's code ({@link CourierService#service()})
 * @param costIdr whole rupiah
 * @param etaDays the most days delivery takes; 1 for same-day services
 */
public record ShippingOption(String courier, String service, long costIdr, int etaDays) {

    public ShippingOption(CourierService service, long costIdr, int etaDays) {
        this(service.courier().name(), service.service(), costIdr, etaDays);
    }

}
