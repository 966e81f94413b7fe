package id.pasar.orders.internal;

import java.util.Arrays;
import java.util.Optional;

/** A courier's service, by stable codes: {@code JNE} {@code REG} and so on. */
public enum CourierService {

    JNE_REG(Courier.JNE, "REG"), JNE_YES(Courier.JNE, "YES"), JNT_EZ(Courier.JNT, "EZ"),
    SICEPAT_REG(Courier.SICEPAT, "REG"), POS_KILAT_KHUSUS(Courier.POS, "KILAT_KHUSUS"),
    /** Same-day delivery by motorbike: only within one regency. */
    GOSEND_INSTANT(Courier.GOSEND, "INSTANT");

    private final Courier courier;

    private final String service;

    CourierService(Courier courier, String service) {
        this.courier = courier;
        this.service = service;
    }

    public Courier courier() {
        return courier;
    }

    public String service() {
        return service;
    }

    public static Optional<CourierService> of(String courier, String service) {
        return Arrays.stream(values())
            .filter(s -> s.courier.name().equals(courier) && s.service.equals(service))
            .findFirst();
    }

}
