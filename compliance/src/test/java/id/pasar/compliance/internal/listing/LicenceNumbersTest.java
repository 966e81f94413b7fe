package id.pasar.compliance.internal.listing;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.compliance.ListingRules.LicenceKind;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LicenceNumbersTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({ "FOOD, MD 224510001234", "FOOD, MD224510001234", "FOOD, BPOM RI MD 224510001234",
            "FOOD, BPOM RI MD224510001234", "FOOD, POM MD 224510001234", "FOOD, md 224510001234",
            "FOOD, bpom ri md 224510001234", "FOOD, Bpom RI Md 2245.1000.1234", "FOOD, MD-224510001234",
            "FOOD, ML 123456789012", "FOOD, BPOM RI ML 123456789012", "FOOD, ml 123456789012",
            "FOOD, P-IRT 2063271010232-25", "FOOD, P-IRT 206327101023225", "FOOD, PIRT 206327101023225",
            "FOOD, p-irt 2063271010232-25", "FOOD, P-IRT 2.06.3271.01.0232-25", "COSMETICS, NA18150900279",
            "COSMETICS, NA 18150900279", "COSMETICS, POM NA 18150900279", "COSMETICS, BPOM RI NA18150900279",
            "COSMETICS, na18150900279", "COSMETICS, pom na 18150900279", "COSMETICS, NB 12345678901",
            "COSMETICS, NC 12345678901", "COSMETICS, ND 12345678901", "COSMETICS, NE 12345678901",
            "TRADITIONAL_MEDICINE, TR072224589", "TRADITIONAL_MEDICINE, TR 072224589",
            "TRADITIONAL_MEDICINE, POM TR 072224589", "TRADITIONAL_MEDICINE, BPOM RI TR 072224589",
            "TRADITIONAL_MEDICINE, tr072224589", "TRADITIONAL_MEDICINE, TI 123456789",
            "TRADITIONAL_MEDICINE, TL 123456789", "TRADITIONAL_MEDICINE, SD 051234561",
            "TRADITIONAL_MEDICINE, POM SD 051234561", "TRADITIONAL_MEDICINE, sd051234561",
            "TRADITIONAL_MEDICINE, SI 123456789", "TRADITIONAL_MEDICINE, SL 123456789", "SNI, SNI 8124:2015",
            "SNI, sni 8124:2015", "SNI, SNI8124:2015", "SNI, SNI 8124 : 2015", "SNI, SNI ISO 8124-1:2010",
            "SNI, SNI ISO 8124-4:2010", "SNI, sni iso 8124-1:2010", "SNI, SNI IEC 60335-1:2009",
            "SNI, SNI IEC 60335-2-24:2010", "SNI, SNI ISO/IEC 17025:2017", "SNI, SNI 04-6292.1:2003",
            "SNI, '  SNI   IEC  60335-1:2009  '", "SNI, SNI 8124:2015 QC 001-IDN-2021",
            "SNI, SNI ISO 8124-1:2010 SPPT-SNI No. 12345/LSPro/2023", "SNI, SNI 0225:2011/Amd1:2013", })
    void acceptsTheFormsTheRegulatorIssues(LicenceKind kind, String number) {
        assertThat(LicenceNumbers.accepts(kind, number)).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1} ({2})")
    @CsvSource({ "FOOD, MD 22451000123, 11 digits", "FOOD, MD 2245100012345, 13 digits",
            "FOOD, BPOM RI MD 22451000123, 11 digits after the issuer", "FOOD, ML 12345678901, 11 digits",
            "FOOD, ML 1234567890123, 13 digits", "FOOD, P-IRT 2063271010232-2, 14 digits",
            "FOOD, P-IRT 2063271010232-256, 16 digits", "FOOD, P-IRT 20632710102322, 14 digits",
            "FOOD, P-IRT 2063271010232256, 16 digits", "COSMETICS, NA1815090027, 10 digits",
            "COSMETICS, NA181509002790, 12 digits", "COSMETICS, POM NA 1815090027, 10 digits after the issuer",
            "COSMETICS, NE 1234567890, 10 digits", "COSMETICS, NE 123456789012, 12 digits",
            "TRADITIONAL_MEDICINE, TR07222458, 8 digits", "TRADITIONAL_MEDICINE, TR0722245890, 10 digits",
            "TRADITIONAL_MEDICINE, POM TR 07222458, 8 digits after the issuer",
            "TRADITIONAL_MEDICINE, SD 05123456, 8 digits", "TRADITIONAL_MEDICINE, SD 0512345610, 10 digits", })
    void refusesAWrongDigitCount(LicenceKind kind, String number, String why) {
        assertThat(LicenceNumbers.accepts(kind, number)).isFalse();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({ "SNI, no standard", "SNI 8124, no year", "SNI ISO 8124-1, no year", "SNI 8124:15, a two-digit year",
            "SNI 8124:20155, a five-digit year", "SNI 8124:3015, a year from no century of SNI",
            "SNI 8124-2015, the year after a dash", "SNI 19-2454-2002, a pre-2004 designation", "SNI :2015, no number",
            "SNI ABC:2015, letters for a number", "8124:2015, no SNI",
            "ISO 8124-1:2010, the international standard without its SNI adoption",
            "Sudah SNI, a claim rather than a designation", })
    void refusesAnSniClaimWithoutTheStandardsNumberAndYear(String number, String why) {
        assertThat(LicenceNumbers.accepts(LicenceKind.SNI, number)).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1} ({2})")
    @CsvSource({ "FOOD, NA18150900279, a cosmetics notification", "FOOD, TR072224589, a traditional medicine",
            "FOOD, SNI 8124:2015, a standard", "FOOD, MK224510001234, no such food letter",
            "FOOD, IRT 206327101023225, P-IRT without its P", "FOOD, 224510001234, no letters",
            "COSMETICS, MD 224510001234, a processed food", "COSMETICS, P-IRT 2063271010232-25, a home-industry food",
            "COSMETICS, TR072224589, a traditional medicine", "COSMETICS, NF18150900279, past the last continent",
            "COSMETICS, POM CD 0105200095, a registration from before notification",
            "COSMETICS, 18150900279, no letters", "TRADITIONAL_MEDICINE, MD 224510001234, a processed food",
            "TRADITIONAL_MEDICINE, NA18150900279, a cosmetics notification",
            "TRADITIONAL_MEDICINE, TX072224589, no such traditional letter",
            "TRADITIONAL_MEDICINE, SA051234561, no such supplement letter",
            "TRADITIONAL_MEDICINE, 072224589, no letters", "SNI, MD 224510001234, a processed food",
            "SNI, NA18150900279, a cosmetics notification", "SNI, TR072224589, a traditional medicine", })
    void refusesAnotherKindsNumber(LicenceKind kind, String number, String why) {
        assertThat(LicenceNumbers.accepts(kind, number)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LicenceKind.class)
    void refusesADrugRegistrationForEveryKind(LicenceKind kind) {
        assertThat(LicenceNumbers.accepts(kind, "DKL1234567890A1")).isFalse();
        assertThat(LicenceNumbers.accepts(kind, "BPOM RI DKL1234567890A1")).isFalse();
        assertThat(LicenceNumbers.accepts(kind, "GKL 1234567890 A1")).isFalse();
        assertThat(LicenceNumbers.accepts(kind, "dbl1234567890a1")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LicenceKind.class)
    void refusesNothingForEveryKind(LicenceKind kind) {
        assertThat(LicenceNumbers.accepts(kind, null)).isFalse();
        assertThat(LicenceNumbers.accepts(kind, "")).isFalse();
        assertThat(LicenceNumbers.accepts(kind, "   ")).isFalse();
        assertThat(LicenceNumbers.accepts(kind, "\t\n")).isFalse();
        assertThat(LicenceNumbers.accepts(kind, "-")).isFalse();
        assertThat(LicenceNumbers.accepts(kind, "BPOM RI")).isFalse();
        assertThat(LicenceNumbers.accepts(kind, "POM")).isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({ "FOOD, MD", "FOOD, P-IRT", "COSMETICS, NA", "TRADITIONAL_MEDICINE, TR", })
    void refusesALetterCodeWithoutItsNumber(LicenceKind kind, String number) {
        assertThat(LicenceNumbers.accepts(kind, number)).isFalse();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({ "BPOM RI md 2245.1000.1234, MD224510001234", "POM NA 18150900279, NA18150900279",
            "P-IRT 2063271010232-25, PIRT206327101023225", "pom tr-072.224.589, TR072224589",
            // The issuer goes once: a number written with it twice is not a number twice.
            "POM POM NA 18150900279, POMNA18150900279", "BPOM RI POM NA 18150900279, POMNA18150900279",
            // Only a leading issuer goes; the same letters inside the number stay.
            "NA POM 18150900279, NAPOM18150900279", })
    void normalisesByUpperCasingAndDroppingSeparatorsAndTheIssuer(String number, String normalised) {
        assertThat(LicenceNumbers.normalised(number)).isEqualTo(normalised);
    }

    @Test
    void refusesANumberWithItsIssuerTwice() {
        assertThat(LicenceNumbers.accepts(LicenceKind.COSMETICS, "POM POM NA 18150900279")).isFalse();
    }

    @Test
    void acceptsTabsAndLineBreaksWhereSpacesGo() {
        assertThat(LicenceNumbers.accepts(LicenceKind.FOOD, "BPOM RI\tMD\n224510001234")).isTrue();
        assertThat(LicenceNumbers.accepts(LicenceKind.SNI, "SNI\tISO\n8124-1:2010")).isTrue();
    }

    @Test
    void readsLowerCaseTheSameInATurkishLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(LicenceNumbers.accepts(LicenceKind.FOOD, "p-irt 2063271010232-25")).isTrue();
            assertThat(LicenceNumbers.accepts(LicenceKind.FOOD, "bpom ri md 224510001234")).isTrue();
            assertThat(LicenceNumbers.accepts(LicenceKind.TRADITIONAL_MEDICINE, "ti 123456789")).isTrue();
            assertThat(LicenceNumbers.accepts(LicenceKind.SNI, "sni iso 8124-1:2010")).isTrue();
        }
        finally {
            Locale.setDefault(before);
        }
    }

}
