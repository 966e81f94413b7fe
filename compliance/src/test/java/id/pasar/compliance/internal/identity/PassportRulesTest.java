package id.pasar.compliance.internal.identity;

import static id.pasar.compliance.IdentityRules.Status.PENDING_REVIEW;
import static id.pasar.compliance.IdentityRules.Status.REJECTED;
import static id.pasar.compliance.IdentityRules.Status.VERIFIED;
import static id.pasar.compliance.SellerIdentity.Gender.FEMALE;
import static id.pasar.compliance.SellerIdentity.Gender.MALE;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.compliance.IdentityRules.Facts;
import id.pasar.compliance.IdentityRules.IdentityVerdict;
import id.pasar.compliance.IdentityRules.Status;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.SellerIdentity.Passport;
import id.pasar.compliance.internal.TestRegions;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PassportRulesTest {

    static final IdentityRuleSet rules = new IdentityRuleSet(TestRegions.load());
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final Facts NOTHING_KNOWN = new Facts(false, false, false);

    // A current regency: aPassportHoldersAddressMustBeACurrentRegency is the one test
    // about the address.
    static final RegencyCode ANY_ADDRESS = RegencyCode.parse("32.04");

    /** The declaration that {@link Td3Specimen#budi()} bears out. */
    static final Passport BUDI = new Passport("X1234567", "Budi Santoso", "IDN", LocalDate.of(1990, 6, 15), MALE,
            LocalDate.of(2031, 1, 1), Td3Specimen.budi().lines());

    static IdentityVerdict assess(Passport passport) {
        return assess(passport, NOTHING_KNOWN);
    }

    static IdentityVerdict assess(Passport passport, Facts facts) {
        return rules.assess(passport, ANY_ADDRESS, facts, TODAY);
    }

    static IdentityVerdict verdict(Status status, String... reasons) {
        return new IdentityVerdict(status, List.of(reasons));
    }

    static Passport withMrz(Passport passport, List<String> mrz) {
        return new Passport(passport.passportNumber(), passport.fullName(), passport.nationality(),
                passport.dateOfBirth(), passport.gender(), passport.expiryDate(), mrz);
    }

    @Test
    void aPassportHoldersAddressMustBeACurrentRegency() {
        Passport passport = new Passport("C1234567", "Siti Rahayu", "IDN", LocalDate.of(1990, 3, 4), FEMALE,
                TODAY.plusYears(3), List.of());

        assertThat(rules.assess(passport, RegencyCode.parse("99.99"), NOTHING_KNOWN, TODAY).reasons())
            .containsExactly("ADDRESS_NOT_DOMESTIC");
        assertThat(rules.assess(passport, ANY_ADDRESS, NOTHING_KNOWN, TODAY).reasons()).isEmpty();
    }

    @Test
    void aSoundIndonesianPassportWaitsForReview() {
        assertThat(assess(BUDI)).isEqualTo(verdict(PENDING_REVIEW));
    }

    @Test
    void aPassportWithoutMrzWaitsForReview() {
        assertThat(assess(withMrz(BUDI, List.of()))).isEqualTo(verdict(PENDING_REVIEW));
        assertThat(assess(withMrz(BUDI, null))).isEqualTo(verdict(PENDING_REVIEW));
    }

    @Test
    void aConfirmationVerifies() {
        assertThat(assess(BUDI, new Facts(false, false, true))).isEqualTo(verdict(VERIFIED));
    }

    @Test
    void aWomansNinePlaceNumberIsReadWhole() {
        Passport siti = new Passport("AB1234567", "Siti Rahma", "IDN", LocalDate.of(2001, 12, 31), FEMALE,
                LocalDate.of(2027, 3, 14), new Td3Specimen("AB1234567", "IDN", "011231", 'F', "270314", "").lines());
        assertThat(assess(siti)).isEqualTo(verdict(PENDING_REVIEW));
    }

    @Test
    void optionalDataWithItsOwnCheckDigitIsFine() {
        assertThat(assess(withMrz(BUDI, Td3Specimen.budi().withOptionalData("AB12345678<CD").lines())))
            .isEqualTo(verdict(PENDING_REVIEW));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "MYS", "SGP", "UTO", "D<<", "XXA" })
    void aForeignPassportIsRejected(String nationality) {
        Passport foreign = new Passport("X1234567", "Tan Ah Kow", nationality, LocalDate.of(1990, 6, 15), MALE,
                LocalDate.of(2031, 1, 1), Td3Specimen.budi().withNationality(nationality).lines());
        assertThat(assess(foreign)).isEqualTo(verdict(REJECTED, "FOREIGN_NATIONALITY"));
    }

    @ParameterizedTest(name = "expiring {0}")
    @CsvSource({ "2026-11-29, 261129", "2026-11-28, 261128", "2020-01-01, 200101" })
    void aPassportExpiringTodayOrBeforeIsRejected(LocalDate expiry, String expiryDigits) {
        Passport expired = new Passport("X1234567", "Budi Santoso", "IDN", LocalDate.of(1990, 6, 15), MALE, expiry,
                Td3Specimen.budi().withExpiryDate(expiryDigits).lines());
        assertThat(assess(expired)).isEqualTo(verdict(REJECTED, "PASSPORT_EXPIRED"));
    }

    @Test
    void aPassportExpiringTomorrowIsStillValid() {
        Passport lastDay = new Passport("X1234567", "Budi Santoso", "IDN", LocalDate.of(1990, 6, 15), MALE,
                TODAY.plusDays(1), Td3Specimen.budi().withExpiryDate("261130").lines());
        assertThat(assess(lastDay)).isEqualTo(verdict(PENDING_REVIEW));
    }

    @ParameterizedTest(name = "check digit at {0}")
    @ValueSource(ints = { 10, 20, 28, 43, 44 })
    void aWrongCheckDigitMakesTheMrzInvalid(int position) {
        assertThat(assess(withMrz(BUDI, Td3Specimen.budi().withCheckDigitWrongAt(position))))
            .isEqualTo(verdict(REJECTED, "MRZ_INVALID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedZones")
    void aMalformedMrzIsInvalid(String why, List<String> mrz) {
        assertThat(assess(withMrz(BUDI, mrz))).isEqualTo(verdict(REJECTED, "MRZ_INVALID"));
    }

    static Stream<Arguments> malformedZones() {
        String name = Td3Specimen.NAME_LINE;
        String data = Td3Specimen.budi().dataLine();
        return Stream.of(Arguments.of("the data line only", List.of(data)),
                Arguments.of("the name line only", List.of(name)),
                Arguments.of("a third line", List.of(name, data, data)),
                Arguments.of("the lines swapped", List.of(data, name)),
                Arguments.of("a data line one short", List.of(name, data.substring(0, 43))),
                Arguments.of("a data line one long", List.of(name, data + "<")),
                Arguments.of("a name line one short", List.of(name.substring(0, 43), data)),
                Arguments.of("a name line one long", List.of(name + "<", data)),
                Arguments.of("an empty data line", List.of(name, "")),
                Arguments.of("a name line in lower case", List.of(name.toLowerCase(), data)),
                Arguments.of("a data line in lower case", List.of(name, data.toLowerCase())),
                Arguments.of("a space for a filler", List.of(name.replace('<', ' '), data)),
                Arguments.of("a trailing newline", List.of(name, data.substring(0, 43) + "\n")),
                Arguments.of("an accented letter", List.of(name.replace("BUDI", "BUDÍ"), data)),
                Arguments.of("not a passport (visa)", List.of("V" + name.substring(1), data)),
                Arguments.of("not a passport (ID card)", List.of("I" + name.substring(1), data)),
                Arguments.of("a letter for a check digit", Td3Specimen.budi().withDataCharacter(10, 'A')),
                Arguments.of("a changed number digit", Td3Specimen.budi().withDataCharacter(2, '2')),
                Arguments.of("a changed birth digit", Td3Specimen.budi().withDataCharacter(14, '8')),
                Arguments.of("a changed expiry digit", Td3Specimen.budi().withDataCharacter(22, '2')),
                Arguments.of("a changed optional character", Td3Specimen.budi().withDataCharacter(30, 'B')));
    }

    @Test
    void anInvalidMrzIsNotComparedWithTheDeclaration() {
        Passport otherNumber = new Passport("Y7654321", "Budi Santoso", "IDN", LocalDate.of(1990, 6, 15), MALE,
                LocalDate.of(2031, 1, 1), Td3Specimen.budi().withCheckDigitWrongAt(44));
        assertThat(assess(otherNumber)).isEqualTo(verdict(REJECTED, "MRZ_INVALID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contradictingZones")
    void anMrzThatContradictsTheDeclarationIsAMismatch(String why, Td3Specimen mrz) {
        assertThat(assess(withMrz(BUDI, mrz.lines()))).isEqualTo(verdict(REJECTED, "MRZ_MISMATCH"));
    }

    static Stream<Arguments> contradictingZones() {
        Td3Specimen budi = Td3Specimen.budi();
        return Stream.of(Arguments.of("another number", budi.withPassportNumber("X1234568")),
                Arguments.of("a longer number", budi.withPassportNumber("X12345678")),
                Arguments.of("a shorter number", budi.withPassportNumber("X123456")),
                Arguments.of("another nationality", budi.withNationality("MYS")),
                Arguments.of("another birth day", budi.withBirthDate("900616")),
                Arguments.of("another birth year", budi.withBirthDate("910615")),
                Arguments.of("the other sex", budi.withSex('F')), Arguments.of("an unspecified sex", budi.withSex('<')),
                Arguments.of("another expiry", budi.withExpiryDate("310102")),
                Arguments.of("an expiry of another decade", budi.withExpiryDate("210101")));
    }

    @Test
    void datesAreComparedAsTheSixDigitsTheMrzHasWithoutGuessingACentury() {
        Passport bornIn1931 = new Passport("X1234567", "Budi Santoso", "IDN", LocalDate.of(1931, 1, 1), MALE,
                LocalDate.of(2031, 1, 1), Td3Specimen.budi().withBirthDate("310101").lines());
        assertThat(assess(bornIn1931)).isEqualTo(verdict(PENDING_REVIEW));
    }

    @Test
    void aForeignDeclarationThatTheMrzBearsOutIsOnlyForeign() {
        Passport malaysian = new Passport("X1234567", "Tan Ah Kow", "MYS", LocalDate.of(1990, 6, 15), MALE,
                LocalDate.of(2031, 1, 1), Td3Specimen.budi().withNationality("MYS").lines());
        assertThat(assess(malaysian)).isEqualTo(verdict(REJECTED, "FOREIGN_NATIONALITY"));
    }

    @ParameterizedTest(name = "born {0}")
    @CsvSource({ "2009-11-30", "2010-01-01", "2026-11-29" })
    void aChildIsRejected(LocalDate dateOfBirth) {
        Passport child = new Passport("X1234567", "Budi Santoso", "IDN", dateOfBirth, MALE, LocalDate.of(2031, 1, 1),
                List.of());
        assertThat(assess(child)).isEqualTo(verdict(REJECTED, "UNDERAGE"));
    }

    @Test
    void seventeenYearsToTheDayIsOldEnough() {
        Passport justAdult = new Passport("X1234567", "Budi Santoso", "IDN", LocalDate.of(2009, 11, 29), MALE,
                LocalDate.of(2031, 1, 1), Td3Specimen.budi().withBirthDate("091129").lines());
        assertThat(assess(justAdult)).isEqualTo(verdict(PENDING_REVIEW));
    }

    @Test
    void aPassportBackingAnotherSellerIsRejected() {
        assertThat(assess(BUDI, new Facts(true, false, true)))
            .isEqualTo(verdict(REJECTED, "IDENTITY_ALREADY_REGISTERED"));
    }

    @Test
    void thePlatformAffiliateListIsForBusinessesOnly() {
        assertThat(assess(BUDI, new Facts(false, true, false))).isEqualTo(verdict(PENDING_REVIEW));
    }

    @Test
    void everyFailingCheckIsListedInTheOrderTheyRun() {
        Passport everythingWrong = new Passport("X1234567", "Tan Ah Kow", "MYS", LocalDate.of(2012, 1, 1), MALE, TODAY,
                Td3Specimen.budi().withCheckDigitWrongAt(20));
        assertThat(assess(everythingWrong, new Facts(true, true, true))).isEqualTo(verdict(REJECTED,
                "FOREIGN_NATIONALITY", "PASSPORT_EXPIRED", "MRZ_INVALID", "UNDERAGE", "IDENTITY_ALREADY_REGISTERED"));

        Passport contradicted = new Passport("X1234567", "Budi Santoso", "IDN", LocalDate.of(2012, 1, 1), MALE,
                LocalDate.of(2026, 1, 1), Td3Specimen.budi().lines());
        assertThat(assess(contradicted, new Facts(true, false, false))).isEqualTo(
                verdict(REJECTED, "PASSPORT_EXPIRED", "MRZ_MISMATCH", "UNDERAGE", "IDENTITY_ALREADY_REGISTERED"));
    }

}
