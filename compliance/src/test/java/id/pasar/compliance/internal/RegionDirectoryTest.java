package id.pasar.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.compliance.RegencyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionDirectoryTest {

    static final RegionDirectory regions = new RegionDirectory();

    @Test
    void shipsTheWholeDecree() {
        assertThat(regions.provinces()).hasSize(38);
        assertThat(regions.provinces().stream().mapToInt(p -> regions.regenciesOf(p.code()).size()).sum())
            .isEqualTo(514);
        assertThat(regions.province("32")).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Jawa Barat"));
    }

    @Test
    void theNewPapuaProvincesAreCurrentAndTheirOldCodesStillKnown() {
        // Merauke was 91.01 until 2022 and is 93.01 now; NIKs issued there before keep
        // 9101.
        assertThat(regions.isCurrentRegency(RegencyCode.parse("93.01"))).isTrue();
        assertThat(regions.isCurrentRegency(RegencyCode.parse("91.01"))).isFalse();
        assertThat(regions.isKnownRegency("91.01")).isTrue();
        assertThat(regions.isKnownRegency("93.01")).isTrue();
        assertThat(regions.isKnownDistrict("91.01.01")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({ "11.01.01, true", "32.04.11, true", "32.04.99, false", "99.01.01, false" })
    void knowsDistricts(String code, boolean known) {
        assertThat(regions.isKnownDistrict(code)).isEqualTo(known);
    }

    @Test
    void unknownProvincesHaveNoRegencies() {
        assertThat(regions.isKnownProvince("99")).isFalse();
        assertThat(regions.regenciesOf("99")).isEmpty();
        assertThat(regions.regency(RegencyCode.parse("9901"))).isEmpty();
    }

}
