package id.pasar.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.orders.internal.ShippingZone.IslandGroup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShippingZoneTest {

    /** The 38 current provinces, from the region data the application ships. */
    static List<String[]> provinces() throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ShippingZoneTest.class.getResourceAsStream("/regions/provinces.csv")),
                StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", 2)).toList();
        }
    }

    @Test
    void everyCurrentProvinceHasAnIslandGroup() throws Exception {
        List<String[]> provinces = provinces();
        assertThat(provinces).hasSize(38);
        for (String[] province : provinces) {
            assertThat(IslandGroup.of(province[0])).as(province[1]).isNotNull();
        }
    }

    @ParameterizedTest
    @CsvSource({ "11, SUMATRA", "21, SUMATRA", "31, JAVA_BALI", "36, JAVA_BALI", "51, JAVA_BALI", "52, NUSA_TENGGARA",
            "53, NUSA_TENGGARA", "61, KALIMANTAN", "65, KALIMANTAN", "71, SULAWESI", "76, SULAWESI", "81, MALUKU",
            "82, MALUKU", "91, PAPUA", "96, PAPUA", "97, PAPUA" })
    void provincesFallInTheirIslandGroup(String province, IslandGroup group) {
        assertThat(IslandGroup.of(province)).isEqualTo(group);
    }

    @ParameterizedTest
    @CsvSource({ "10", "22", "37", "50", "54", "66", "77", "83", "98", "1", "ab" })
    void codesOfNoProvinceHaveNoGroup(String code) {
        assertThatThrownBy(() -> IslandGroup.of(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({ "32.73, 32.73, SAME_REGENCY", "32.73, 32.04, SAME_PROVINCE", "32.73, 34.04, SAME_ISLAND_GROUP",
            "51.71, 35.78, SAME_ISLAND_GROUP", "12.71, 21.71, SAME_ISLAND_GROUP", "91.03, 94.01, SAME_ISLAND_GROUP",
            "32.73, 73.71, OTHER_ISLAND_GROUP", "51.71, 52.71, OTHER_ISLAND_GROUP", "31.71, 94.01, OTHER_ISLAND_GROUP",
            "64.72, 65.01, SAME_ISLAND_GROUP" })
    void zoneOfARoute(String origin, String destination, ShippingZone zone) {
        assertThat(ShippingZone.between(origin, destination)).isEqualTo(zone);
        assertThat(ShippingZone.between(destination, origin)).as("the way back").isEqualTo(zone);
    }

}
