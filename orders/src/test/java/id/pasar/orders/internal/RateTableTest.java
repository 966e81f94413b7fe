package id.pasar.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateTableTest {

    static final RateTable TABLE = new RateTable();

    static List<ShippingOption> rates(String origin, String destination, long grams) {
        return TABLE.rates(new ShippingRates.Route(origin, null, destination, null, grams, 100_000));
    }

    static long cost(List<ShippingOption> options, String courier, String service) {
        return options.stream()
            .filter(o -> o.courier().equals(courier) && o.service().equals(service))
            .findFirst()
            .orElseThrow(() -> new AssertionError(courier + " " + service + " not in " + options))
            .costIdr();
    }

    @ParameterizedTest
    @CsvSource({ "1, 1", "999, 1", "1000, 1", "1001, 2", "2000, 2", "2001, 3", "30000, 30" })
    void everyStartedKilogramIsCharged(long grams, long kg) {
        assertThat(RateTable.chargeableKg(grams)).isEqualTo(kg);
    }

    @Test
    void aHeavierParcelPaysTheNextKilogramRate() {
        // JNE REG within one province: Rp 10,000 the first kg and Rp 10,000 each next.
        assertThat(cost(rates("32.73", "32.04", 1), "JNE", "REG")).isEqualTo(10_000);
        assertThat(cost(rates("32.73", "32.04", 1000), "JNE", "REG")).isEqualTo(10_000);
        assertThat(cost(rates("32.73", "32.04", 1001), "JNE", "REG")).isEqualTo(20_000);
        // GoSend: Rp 25,000 the first kg, Rp 2,500 each next.
        assertThat(cost(rates("32.73", "32.73", 3500), "GOSEND", "INSTANT")).isEqualTo(32_500);
    }

    @Test
    void farRoutesCostMoreAndPapuaMost() {
        long sameProvince = cost(rates("32.73", "32.04", 1000), "JNE", "REG");
        long sameIsland = cost(rates("32.73", "35.78", 1000), "JNE", "REG");
        long sulawesi = cost(rates("32.73", "73.71", 1000), "JNE", "REG");
        long papua = cost(rates("32.73", "94.01", 1000), "JNE", "REG");
        assertThat(sameProvince).isLessThan(sameIsland);
        assertThat(sameIsland).isLessThan(sulawesi);
        assertThat(sulawesi).isLessThan(papua);
        assertThat(papua).isGreaterThanOrEqualTo(80_000);
    }

    @Test
    void instantDeliveryOnlyWithinOneRegencyAndUpTo20Kg() {
        assertThat(rates("34.04", "34.04", 800)).extracting(ShippingOption::courier, ShippingOption::service)
            .containsExactlyInAnyOrder(tuple("JNE", "REG"), tuple("JNE", "YES"), tuple("JNT", "EZ"),
                    tuple("SICEPAT", "REG"), tuple("POS", "KILAT_KHUSUS"), tuple("GOSEND", "INSTANT"));
        assertThat(rates("34.04", "34.71", 800)).extracting(ShippingOption::courier).doesNotContain("GOSEND");
        assertThat(rates("34.04", "33.74", 800)).extracting(ShippingOption::courier).doesNotContain("GOSEND");
        assertThat(rates("34.04", "73.71", 800)).extracting(ShippingOption::courier).doesNotContain("GOSEND");
        assertThat(rates("34.04", "34.04", 20_001)).extracting(ShippingOption::courier).doesNotContain("GOSEND");
    }

    @Test
    void everyRegularServiceServesEveryZone() {
        for (String destination : List.of("34.04", "34.71", "33.74", "73.71", "81.71", "94.01")) {
            assertThat(rates("34.04", destination, 800)).as(destination)
                .extracting(ShippingOption::courier, ShippingOption::service)
                .contains(tuple("JNE", "REG"), tuple("JNE", "YES"), tuple("JNT", "EZ"), tuple("SICEPAT", "REG"),
                        tuple("POS", "KILAT_KHUSUS"));
        }
    }

    @Test
    void pricesAreWholeRupiahAndEtasAtLeastADay() {
        for (String destination : List.of("34.04", "34.71", "33.74", "73.71", "81.71", "94.01")) {
            for (long grams : List.of(1L, 1001L, 25_000L)) {
                assertThat(rates("34.04", destination, grams)).allSatisfy(option -> {
                    assertThat(option.costIdr()).isPositive();
                    // whole rupiah, and in hundreds as couriers price
                    assertThat(option.costIdr() % 100).isZero();
                    assertThat(option.etaDays()).isBetween(1, 14);
                });
            }
        }
    }

    @Test
    void theValidationPatternListsEveryCourier() {
        assertThat(Courier.PATTERN)
            .isEqualTo(Arrays.stream(Courier.values()).map(Enum::name).collect(Collectors.joining("|")));
    }

}
