package id.pasar.orders.internal;

import id.pasar.orders.internal.ShippingZone.IslandGroup;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Courier rates from a table, {@code shipping/rates.csv}: per service and
 * {@link ShippingZone} a first-kilogram and a next-kilogram rate, optionally dearer to
 * one island group (Maluku, Papua). The weight is rounded up to whole kilograms, at least
 * one. The figures are illustrative (docs/shipping.md).
 */
public class RateTable implements ShippingRates {

    static final String RESOURCE = "/shipping/rates.csv";

    /** By service, zone and destination group ({@code null}: any destination). */
    private final Map<Key, Rate> rates;

    public RateTable() {
        this(RateTable.class.getResourceAsStream(RESOURCE));
    }

    RateTable(InputStream csv) {
        Objects.requireNonNull(csv, RESOURCE);
        Map<Key, Rate> read = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                CourierService service = CourierService.of(row.get("courier"), row.get("service"))
                    .orElseThrow(() -> new IllegalStateException(RESOURCE + ": unknown service in " + row));
                String group = row.get("destination_group");
                String maxKg = row.get("max_kg");
                Key key = new Key(service, ShippingZone.valueOf(row.get("zone")),
                        group.isBlank() ? null : IslandGroup.valueOf(group));
                Rate rate = new Rate(Long.parseLong(row.get("first_kg_idr")), Long.parseLong(row.get("next_kg_idr")),
                        Integer.parseInt(row.get("eta_days")),
                        maxKg.isBlank() ? Long.MAX_VALUE : Long.parseLong(maxKg));
                if (read.put(key, rate) != null) {
                    throw new IllegalStateException(RESOURCE + ": two rows for " + key);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.rates = Map.copyOf(read);
    }

    @Override
    public List<ShippingOption> rates(Route route) {
        ShippingZone zone = route.zone();
        IslandGroup destination = IslandGroup.of(route.destinationRegencyCode().substring(0, 2));
        long kg = chargeableKg(route.weightGrams());
        List<ShippingOption> options = new ArrayList<>();
        for (CourierService service : CourierService.values()) {
            Rate rate = rates.get(new Key(service, zone, destination));
            if (rate == null) {
                rate = rates.get(new Key(service, zone, null));
            }
            if (rate != null && kg <= rate.maxKg()) {
                options.add(new ShippingOption(service, rate.cost(kg), rate.etaDays()));
            }
        }
        return options;
    }

    /** Couriers charge every started kilogram: 1 g is 1 kg, 1001 g is 2 kg. */
    static long chargeableKg(long grams) {
        return grams <= 1000 ? 1 : (grams - 1) / 1000 + 1;
    }

    private record Key(CourierService service, ShippingZone zone, IslandGroup destination) {
    }

    private record Rate(long firstKgIdr, long nextKgIdr, int etaDays, long maxKg) {

        long cost(long kg) {
            return Math.addExact(firstKgIdr, Math.multiplyExact(nextKgIdr, kg - 1));
        }
    }

}
