package id.pasar.compliance.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // The nine-digit heads of published NPWPs.
            "013121660", "016090524", "021832415", "013000666", "092542943", "727318156", "440710234", "312666837",
            // Textbook numbers: the Luhn example and a Visa test card.
            "79927398713", "4111111111111111", "0", "00", "18", "59", })
    void passesNumbersWithTheirCheckDigit(String digits) {
        assertThat(Luhn.isValid(digits)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @NullAndEmptySource
    @ValueSource(strings = { "013121661", "013121662", "103121660", "031121660", "79927398710", "79927398719",
            "4111111111111112", "1", "19", "0131216 60", "01312166a", "-13121660", })
    void failsEverythingElse(String digits) {
        assertThat(Luhn.isValid(digits)).isFalse();
    }

}
