package id.pasar.orders.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The couriers a seller hands parcels to. A seller who never chose takes every courier,
 * so that a new seller's listings can be shipped at once.
 */
@Service
@RequiredArgsConstructor
public class SellerCouriers {

    private final JdbcClient jdbc;

    private final Clock clock;

    @Transactional(readOnly = true)
    public Set<Courier> of(UUID sellerId) {
        return jdbc.sql("SELECT array_to_string(couriers, ',') FROM orders.seller_couriers WHERE seller_id = :seller")
            .param("seller", sellerId)
            .query(String.class)
            .optional()
            .map(SellerCouriers::parse)
            .orElseGet(() -> EnumSet.allOf(Courier.class));
    }

    /** Replaces the seller's choice; at least one courier. */
    @Transactional
    public Set<Courier> choose(UUID sellerId, Collection<Courier> couriers) {
        if (couriers.isEmpty()) {
            throw new IllegalArgumentException("a seller ships with at least one courier");
        }
        Set<Courier> chosen = EnumSet.copyOf(couriers);
        jdbc.sql("""
                INSERT INTO orders.seller_couriers (seller_id, couriers, chosen_at)
                VALUES (:seller, string_to_array(:couriers, ','), :now)
                ON CONFLICT (seller_id) DO UPDATE SET couriers = excluded.couriers, chosen_at = excluded.chosen_at""")
            .param("seller", sellerId)
            .param("couriers", chosen.stream().map(Enum::name).collect(Collectors.joining(",")))
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .update();
        return chosen;
    }

    /** Codes no longer known (a courier dropped since) are ignored. */
    private static Set<Courier> parse(String codes) {
        Set<Courier> couriers = EnumSet.noneOf(Courier.class);
        Arrays.stream(codes.split(","))
            .filter(code -> Arrays.stream(Courier.values()).anyMatch(c -> c.name().equals(code)))
            .forEach(code -> couriers.add(Courier.valueOf(code)));
        return couriers.isEmpty() ? EnumSet.allOf(Courier.class) : couriers;
    }

}
