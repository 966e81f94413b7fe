package id.pasar.compliance.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MrzTest {

    // ICAO 9303 part 4, appendix A: the specimen passport of Anna Maria Eriksson, Utopia.
    static final List<String> ICAO_SPECIMEN = List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

    @Test
    void readsIcaosOwnSpecimen() {
        assertThat(Mrz.read(ICAO_SPECIMEN)).contains(new Mrz("L898902C3", "UTO", "740812", 'F', "120415"));
    }

    @Test
    void theTestsOwnCheckDigitsAgreeWithIcaosSpecimen() {
        assertThat(new Td3Specimen("L898902C3", "UTO", "740812", 'F', "120415", "ZE184226B").dataLine())
            .isEqualTo(ICAO_SPECIMEN.get(1));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "L898902C3, 6", "740812, 2", "120415, 9", "ZE184226B<<<<<, 1", "520727, 3", "<<<<<<<<<<<<<<, 0",
            "AB2134<<<, 5", "D23145890734, 9", })
    void weighsSevenThreeOne(String field, int checkDigit) {
        assertThat(Mrz.checkDigit(field)).isEqualTo(checkDigit);
        assertThat(Td3Specimen.check(field)).isEqualTo(checkDigit);
    }

    @Test
    void dropsTheFillerAfterAShortPassportNumber() {
        assertThat(Mrz.read(Td3Specimen.budi().lines())).hasValueSatisfying(mrz -> {
            assertThat(mrz.passportNumber()).isEqualTo("X1234567");
            assertThat(mrz.nationality()).isEqualTo("IDN");
            assertThat(mrz.birthDate()).isEqualTo("900615");
            assertThat(mrz.sex()).isEqualTo('M');
            assertThat(mrz.expiryDate()).isEqualTo("310101");
        });
    }

    @ParameterizedTest(name = "check digit at {0}")
    @ValueSource(ints = { 10, 20, 28, 43, 44 })
    void refusesAnyWrongCheckDigit(int position) {
        assertThat(Mrz.read(Td3Specimen.budi().withCheckDigitWrongAt(position))).isEmpty();
        assertThat(Mrz.read(Td3Specimen.budi().withOptionalData("ABC123").withCheckDigitWrongAt(position))).isEmpty();
    }

    @ParameterizedTest(name = "check digit at {0}")
    @ValueSource(ints = { 10, 20, 28, 44 })
    void refusesAFillerForACheckDigit(int position) {
        assertThat(Mrz.read(Td3Specimen.budi().withDataCharacter(position, '<'))).isEmpty();
    }

    @Test
    void acceptsAFillerForTheCheckDigitOfEmptyOptionalDataAsIcaoAllows() {
        List<String> filler = Td3Specimen.budi().withDataCharacter(43, '<');
        assertThat(Td3Specimen.budi().dataLine().charAt(42)).isEqualTo('0');
        assertThat(Mrz.read(filler)).isPresent();
        assertThat(Mrz.read(Td3Specimen.budi().withOptionalData("ABC123").withDataCharacter(43, '<'))).isEmpty();
    }

}
