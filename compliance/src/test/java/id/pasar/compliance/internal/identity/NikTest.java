package id.pasar.compliance.internal.identity;

import static id.pasar.compliance.SellerIdentity.Gender.FEMALE;
import static id.pasar.compliance.SellerIdentity.Gender.MALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.compliance.SellerIdentity.Gender;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NikTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void namesTheDistrictOfFirstIssue() {
        Nik nik = new Nik("3204110609970001");
        assertThat(nik.provinceCode()).isEqualTo("32");
        assertThat(nik.regencyCode()).isEqualTo("32.04");
        assertThat(nik.districtCode()).isEqualTo("32.04.11");
        assertThat(nik.hasSerial()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "3204110609970000, false", "3204110609970001, true", "3204110609971000, true",
            "3204110609979999, true" })
    void aSerialOfZerosIsNoSerial(String digits, boolean hasSerial) {
        assertThat(new Nik(digits).hasSerial()).isEqualTo(hasSerial);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({ "3204110609970001, 1997-09-06, MALE", "3204114609970002, 1997-09-06, FEMALE",
            "3171010101000001, 2000-01-01, MALE", "3171012902000001, 2000-02-29, MALE",
            "3171016902000001, 2000-02-29, FEMALE", "3171012902040001, 2004-02-29, MALE",
            "3171013112990001, 1999-12-31, MALE", "3171011101110001, 2011-01-11, MALE",
            "3171012911260001, 2026-11-29, MALE", "3171013011260001, 1926-11-30, MALE",
            "3171017112260001, 1926-12-31, FEMALE", "3171011708450001, 1945-08-17, MALE",
            "3171011509900001, 1990-09-15, MALE", "3171013101000001, 2000-01-31, MALE",
            "3171014101000001, 2000-01-01, FEMALE", "3171017101000001, 2000-01-31, FEMALE", })
    void readsTheBirth(String digits, LocalDate date, Gender gender) {
        assertThat(new Nik(digits).birth(TODAY)).contains(new Nik.Birth(date, gender));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "3171010001900001", "3171013201900001", "3171013301900001", "3171014001900001",
            "3171017201900001", "3171019901900001", "3171010100900001", "3171010113900001", "3171019999990001",
            "3171013002001234", "3171017002001234", "3171012902010001", "3171016902010001", "3171013104900001",
            "3171013106900001", "3171013109900001", "3171013111900001", "3171017104900001", })
    void findsNoBirthInAnImpossibleDate(String digits) {
        assertThat(new Nik(digits).birth(TODAY)).isEmpty();
    }

    @Test
    void takesTheLatestCenturyNotInTheFuture() {
        Nik nik = new Nik("3171010101270001");
        assertThat(nik.birth(TODAY)).map(Nik.Birth::date).contains(LocalDate.of(1927, 1, 1));
        assertThat(nik.birth(LocalDate.of(2027, 1, 1))).map(Nik.Birth::date).contains(LocalDate.of(2027, 1, 1));
        assertThat(nik.birth(LocalDate.of(2026, 12, 31))).map(Nik.Birth::date).contains(LocalDate.of(1927, 1, 1));
    }

    @Test
    void aWomansDayIsHerDayPlusForty() {
        assertThat(new Nik("3171014101900001").birth(TODAY)).contains(new Nik.Birth(LocalDate.of(1990, 1, 1), FEMALE));
        assertThat(new Nik("3171010101900001").birth(TODAY)).contains(new Nik.Birth(LocalDate.of(1990, 1, 1), MALE));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = { "320411060997000", "32041106099700011", "3204110609970OO1", "3204 11060997001",
            "３204110609970001" })
    void refusesAnythingButSixteenDigits(String digits) {
        assertThatThrownBy(() -> new Nik(digits)).isInstanceOf(IllegalArgumentException.class);
    }

}
