package id.pasar.orders.internal;

import id.pasar.compliance.Masking;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a seller ships its seller orders: the order's address, whole while the seller may
 * need it, masked once the order has been closed for {@link #KEPT_WHOLE} (as identity
 * numbers are: the phone keeps its last 3 digits, the name its initials, the street
 * nothing, the district is dropped; regency and postal code stay, for the seller's own
 * figures). The caller passes only orders the seller has a part of.
 */
@Service
@RequiredArgsConstructor
public class Destinations {

    /** How long after an order closes its seller still sees the address whole. */
    public static final Duration KEPT_WHOLE = Duration.ofDays(30);

    private final JdbcClient jdbc;

    private final Clock clock;

    /** By order id. One statement for a page of seller orders. */
    @Transactional(readOnly = true)
    public Map<UUID, ShipTo> ofOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT id, recipient_name, phone, street, district_code, regency_code, postal_code, closed_at
                FROM orders.orders WHERE id IN (:ids)""")
            .param("ids", orderIds)
            .query((row, n) -> shipTo(row, now))
            .list()
            .stream()
            .collect(Collectors.toMap(ShipTo::orderId, Function.identity()));
    }

    private static ShipTo shipTo(ResultSet row, Instant now) throws SQLException {
        Timestamp closed = row.getTimestamp("closed_at");
        UUID orderId = row.getObject("id", UUID.class);
        ShipTo whole = new ShipTo(orderId, row.getString("recipient_name"), row.getString("phone"),
                row.getString("street"), row.getString("district_code"), row.getString("regency_code"),
                row.getString("postal_code"), false);
        boolean stale = closed != null && !closed.toInstant().plus(KEPT_WHOLE).isAfter(now);
        return stale ? whole.maskedForm() : whole;
    }

    /**
     * An order's destination as its seller sees it; {@code masked} once no longer needed.
     */
    public record ShipTo(UUID orderId, String recipientName, String phone, String street, String districtCode,
            String regencyCode, String postalCode, boolean masked) {

        ShipTo maskedForm() {
            return new ShipTo(orderId, initials(recipientName), Masking.lastThree(phone), "***", null, regencyCode,
                    postalCode, true);
        }

        /**
         * {@code Siti Rahayu} as {@code S*** R***}: no length, no letter but the first.
         */
        static String initials(String name) {
            return name.isBlank() ? "***"
                    : Arrays.stream(name.strip().split("\\s+"))
                        .map(word -> word.codePoints()
                            .limit(1)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                            .append("***")
                            .toString())
                        .collect(Collectors.joining(" "));
        }

        @Override
        public String toString() {
            return "ShipTo[" + orderId + ", regency=" + regencyCode + ", masked=" + masked + "]";
        }

    }

}
