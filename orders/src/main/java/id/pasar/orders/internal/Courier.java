package id.pasar.orders.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The couriers a seller may hand parcels to, by stable code. Their services are in
 * {@link CourierService}.
 */
public enum Courier {

    JNE, JNT, SICEPAT, POS, GOSEND;

    /**
     * Every code, for bean validation of requests (a constant, so that annotations can
     * use it; a test keeps it in step with the enum).
     */
    public static final String PATTERN = "JNE|JNT|SICEPAT|POS|GOSEND";

    /** The codes in order, comma-separated, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

}
