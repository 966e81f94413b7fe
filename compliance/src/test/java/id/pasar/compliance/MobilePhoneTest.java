package id.pasar.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobilePhoneTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "081234567890, +6281234567890", "'0812 3456 7890', +6281234567890", "0812-3456-7890, +6281234567890",
            "'+62 812 3456 7890', +6281234567890", "+6281234567890, +6281234567890", "6281234567890, +6281234567890",
            "'  0812-345-678 ', +62812345678", "0812345678, +62812345678", "0812345678901, +62812345678901" })
    void normalisesEveryAcceptedFormToPlus62(String given, String normalised) {
        assertThat(MobilePhone.normalise(given)).contains(normalised);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = { "", " ", "081234567", "08123456789012", "+62812345678901 2", "0215551234", "+62215551234",
            "+6591234567", "6591234567", "0812abc4567", "O81234567890", "+62 0812 3456 7890", "0812.3456.7890",
            "(0812) 3456 7890", "++6281234567890", "0812\u200b34567890",
            "\u0660\u0668\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669" })
    void refusesWhatIsNotAnIndonesianMobileNumber(String given) {
        assertThat(MobilePhone.normalise(given)).isEmpty();
        assertThat(MobilePhone.isValid(given)).isFalse();
    }

    @Test
    void refusesNull() {
        assertThat(MobilePhone.normalise(null)).isEmpty();
    }

    /** 08 and 8 to 11 more digits is a mobile number in all three forms, the same one. */
    @Property
    void theThreeFormsOfOneNumberAreOneNumber(@ForAll @NumericChars @StringLength(min = 8, max = 11) String rest) {
        String national = "08" + rest;
        assertThat(MobilePhone.normalise(national)).contains("+628" + rest);
        assertThat(MobilePhone.normalise("+628" + rest)).isEqualTo(MobilePhone.normalise(national));
        assertThat(MobilePhone.normalise("628" + rest)).isEqualTo(MobilePhone.normalise(national));
    }

    @Property
    void aNumberOfAnotherLengthIsRefused(@ForAll @IntRange(min = 0, max = 20) int length) {
        String national = "08" + "1".repeat(length);
        assertThat(MobilePhone.normalise(national).isPresent()).isEqualTo(length >= 8 && length <= 11);
    }

    @Property
    void whatItAcceptsItKeepsAcceptingAndLeavesAlone(@ForAll String text) {
        MobilePhone.normalise(text).ifPresent(normalised -> {
            assertThat(normalised).matches("\\+628\\d{8,11}");
            assertThat(MobilePhone.normalise(normalised)).contains(normalised);
        });
    }

}
