package id.pasar.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegencyCodeTest {

    @ParameterizedTest
    @CsvSource({ "3204, 32.04", "32.04, 32.04", "9301, 93.01", "99.99, 99.99" })
    void acceptsBothFormsAndAnswersDotted(String given, String dotted) {
        assertThat(RegencyCode.parse(given).value()).isEqualTo(dotted);
        assertThat(RegencyCode.parse(given).provinceCode()).isEqualTo(dotted.substring(0, 2));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "320", "32041", "32-04", "32.4", "ab.cd", " 3204", "3204 ", "32..04", "٣٢٠٤" })
    void refusesEverythingElse(String given) {
        assertThat(RegencyCode.isWellFormed(given)).isFalse();
        assertThatThrownBy(() -> RegencyCode.parse(given)).isInstanceOf(IllegalArgumentException.class);
    }

}
