package id.pasar.compliance.internal.identity;

import static id.pasar.compliance.IdentityRules.Status.PENDING_REVIEW;
import static id.pasar.compliance.IdentityRules.Status.REJECTED;
import static id.pasar.compliance.IdentityRules.Status.VERIFIED;
import static id.pasar.compliance.SellerIdentity.Citizenship.WNA;
import static id.pasar.compliance.SellerIdentity.Citizenship.WNI;
import static id.pasar.compliance.SellerIdentity.Gender.FEMALE;
import static id.pasar.compliance.SellerIdentity.Gender.MALE;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.compliance.IdentityRules.Facts;
import id.pasar.compliance.IdentityRules.IdentityVerdict;
import id.pasar.compliance.IdentityRules.Status;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.Regions;
import id.pasar.compliance.SellerIdentity.Citizenship;
import id.pasar.compliance.SellerIdentity.Gender;
import id.pasar.compliance.SellerIdentity.Ktp;
import id.pasar.compliance.internal.TestRegions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KtpRulesTest {

    static final Regions regions = TestRegions.load();
    static final IdentityRuleSet rules = new IdentityRuleSet(regions);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final Facts NOTHING_KNOWN = new Facts(false, false, false);
    static final Facts CONFIRMED = new Facts(false, false, true);
    static final Facts REGISTERED = new Facts(true, false, false);

    // A current regency: only addressIsAnIndonesianRegencyForPeopleToo looks at the
    // address.
    static final RegencyCode ANY_ADDRESS = RegencyCode.parse("32.04");

    static IdentityVerdict assess(String nik, LocalDate dateOfBirth, Gender gender) {
        return assess(nik, dateOfBirth, gender, WNI, NOTHING_KNOWN);
    }

    static IdentityVerdict assess(String nik, LocalDate dateOfBirth, Gender gender, Citizenship citizenship,
            Facts facts) {
        return rules.assess(new Ktp(nik, "Budi Santoso", dateOfBirth, gender, citizenship), ANY_ADDRESS, facts, TODAY);
    }

    static IdentityVerdict verdict(Status status, String... reasons) {
        return new IdentityVerdict(status, List.of(reasons));
    }

    /**
     * Issue 18: 99.99 passed for individuals, and the reports then showed a province with
     * no name.
     */
    @ParameterizedTest
    @ValueSource(strings = { "99.99", "32.98", "91.01" })
    void addressIsAnIndonesianRegencyForPeopleToo(String regency) {
        IdentityVerdict verdict = rules.assess(
                new Ktp("3204110609970001", "Budi Santoso", LocalDate.of(1997, 9, 6), MALE, WNI),
                RegencyCode.parse(regency), NOTHING_KNOWN, TODAY);

        assertThat(verdict).isEqualTo(verdict(REJECTED, "ADDRESS_NOT_DOMESTIC"));
    }

    @Test
    void aSoundMaleNikWaitsForReview() {
        assertThat(assess("3204110609970001", LocalDate.of(1997, 9, 6), MALE)).isEqualTo(verdict(PENDING_REVIEW));
    }

    @Test
    void aSoundFemaleNikCarriesHerDayPlusForty() {
        assertThat(assess("3204114609970002", LocalDate.of(1997, 9, 6), FEMALE)).isEqualTo(verdict(PENDING_REVIEW));
    }

    @Test
    void aRegistryConfirmationVerifiesASoundNik() {
        assertThat(assess("3204110609970001", LocalDate.of(1997, 9, 6), MALE, WNI, CONFIRMED))
            .isEqualTo(verdict(VERIFIED));
    }

    @Test
    void anUnknownProvinceIsRejectedAndItsDistrictNotLookedAt() {
        assertThat(assess("9971011708450001", LocalDate.of(1945, 8, 17), MALE))
            .isEqualTo(verdict(REJECTED, "NIK_REGION_UNKNOWN"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "3171013002001234, 30 February", "3171013102001234, 31 February", "3171013104001234, 31 April",
            "3171013208450001, day 32", "3171014008450001, day 40", "3171010008450001, day 00",
            "3171017208450001, day 72 (a woman's day 32)",
            "3171017002001234, day 70 in February (a woman's 30 February)", "3171011713450001, month 13",
            "3171011700450001, month 00", "3171012902010001, 29 February 2001",
            "3171016902010001, a woman's 29 February 2001", "3171012902990001, 29 February 1999", })
    void anImpossibleBirthDateIsRejectedAndNotComparedOrAged(String nik, String why) {
        // The declared date is deliberately unrelated: with no date in the NIK there is
        // nothing to compare.
        assertThat(assess(nik, LocalDate.of(1980, 1, 1), MALE)).isEqualTo(verdict(REJECTED, "NIK_BIRTHDATE_INVALID"));
    }

    @Test
    void aSerialOfZerosIsRejected() {
        assertThat(assess("3171011708450000", LocalDate.of(1945, 8, 17), MALE))
            .isEqualTo(verdict(REJECTED, "NIK_SERIAL_INVALID"));
    }

    @ParameterizedTest(name = "{0} is born {1}, {2}")
    @CsvSource({ "3171010101900001, 1990-01-01, MALE", "3171013112900001, 1990-12-31, MALE",
            "3171014101900001, 1990-01-01, FEMALE", "3171017112900001, 1990-12-31, FEMALE",
            "3171017008900001, 1990-08-30, FEMALE", "3171012902000001, 2000-02-29, MALE",
            "3171016902000001, 2000-02-29, FEMALE", "3171012902960001, 1996-02-29, MALE",
            "3171016902080001, 2008-02-29, FEMALE", "3171013101000001, 2000-01-31, MALE",
            "3171017101000001, 2000-01-31, FEMALE", "3171010101000001, 2000-01-01, MALE",
            "3171011708450001, 1945-08-17, MALE", "3171013011260001, 1926-11-30, MALE",
            "3171013012990001, 1999-12-30, MALE", "3171012911090001, 2009-11-29, MALE",
            "3171016911090001, 2009-11-29, FEMALE", })
    void readsTheBirthDateSexAndCenturyAnAdultDeclared(String nik, LocalDate dateOfBirth, Gender gender) {
        assertThat(assess(nik, dateOfBirth, gender)).isEqualTo(verdict(PENDING_REVIEW));
    }

    @ParameterizedTest(name = "{0} is born {1}")
    @CsvSource({
            // YY 11 is 2011, not 1911: the latest century that is not in the future.
            "3171010101110001, 2011-01-01", "3171010101260001, 2026-01-01", "3171012911260001, 2026-11-29",
            "3171013011090001, 2009-11-30", "3171010112090001, 2009-12-01", "3171012902120001, 2012-02-29",
            "3171010101200001, 2020-01-01", })
    void aChildIsRejectedOnTheNiksOwnDate(String nik, LocalDate dateOfBirth) {
        assertThat(assess(nik, dateOfBirth, MALE)).isEqualTo(verdict(REJECTED, "UNDERAGE"));
    }

    @Test
    void seventeenYearsToTheDayIsOldEnoughAndADayLessIsNot() {
        assertThat(assess("3171012911090001", LocalDate.of(2009, 11, 29), MALE).status()).isEqualTo(PENDING_REVIEW);
        assertThat(assess("3171013011090001", LocalDate.of(2009, 11, 30), MALE).reasons()).containsExactly("UNDERAGE");
    }

    @Test
    void aLeapDayChildComesOfAgeOnTheFirstOfMarchInACommonYear() {
        Ktp leapDayBoy = new Ktp("3171012902080001", "Budi", LocalDate.of(2008, 2, 29), MALE, WNI);
        assertThat(rules.assess(leapDayBoy, ANY_ADDRESS, NOTHING_KNOWN, LocalDate.of(2025, 2, 28)).reasons())
            .containsExactly("UNDERAGE");
        assertThat(rules.assess(leapDayBoy, ANY_ADDRESS, NOTHING_KNOWN, LocalDate.of(2025, 3, 1)).reasons()).isEmpty();
    }

    @Test
    void theCenturyFollowsToday() {
        Ktp bornIn26 = new Ktp("3171013011260001", "Budi", LocalDate.of(1926, 11, 30), MALE, WNI);
        assertThat(rules.assess(bornIn26, ANY_ADDRESS, NOTHING_KNOWN, TODAY).reasons()).isEmpty();
        // A day later 30 November 2026 is no longer in the future, so the same NIK names
        // a newborn.
        assertThat(rules.assess(bornIn26, ANY_ADDRESS, NOTHING_KNOWN, TODAY.plusDays(1)).reasons())
            .containsExactly("NIK_MISMATCH", "UNDERAGE");
    }

    @ParameterizedTest(name = "declared {1}, {2}")
    @CsvSource({ "3204110609970001, 1997-09-07, MALE", "3204110609970001, 1997-10-06, MALE",
            "3204110609970001, 1897-09-06, MALE", "3204110609970001, 1997-09-06, FEMALE",
            "3204114609970002, 1997-09-06, MALE", "3204114609970002, 1997-09-16, FEMALE", })
    void aDeclarationTheNikContradictsIsRejected(String nik, LocalDate dateOfBirth, Gender gender) {
        assertThat(assess(nik, dateOfBirth, gender)).isEqualTo(verdict(REJECTED, "NIK_MISMATCH"));
    }

    @Test
    void anAdultDeclaringAChildsDateIsAMismatchNotAChild() {
        assertThat(assess("3204110609970001", LocalDate.of(2015, 9, 6), MALE))
            .isEqualTo(verdict(REJECTED, "NIK_MISMATCH"));
    }

    @Test
    void aChildDeclaringAnAdultsDateIsBoth() {
        assertThat(assess("3204110609150001", LocalDate.of(1997, 9, 6), MALE))
            .isEqualTo(verdict(REJECTED, "NIK_MISMATCH", "UNDERAGE"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "9101011708450001, Merauke district of 91.01 before the 2022 split",
            "9102011708450001, Jayawijaya 91.02", "9201011708450001, Makbon in Sorong 92.01 before Papua Barat Daya",
            "9301011708450001, Merauke as it is now, 93.01.01", "3171011708450001, Gambir, Jakarta Pusat",
            "1101011708450001, the first district of the decree", })
    void aNikFromAKnownDistrictRaisesNoWarning(String nik, String why) {
        assertThat(assess(nik, LocalDate.of(1945, 8, 17), MALE)).isEqualTo(verdict(PENDING_REVIEW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retiredDistricts")
    void everyRetiredPapuaDistrictIsStillKnown(String district) {
        String nik = district.replace(".", "") + "1708450001";
        assertThat(assess(nik, LocalDate.of(1945, 8, 17), MALE)).isEqualTo(verdict(PENDING_REVIEW));
    }

    static Stream<String> retiredDistricts() {
        var csv = KtpRulesTest.class.getResourceAsStream("/regions/retired_codes_2016_2023.csv");
        try (var reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            List<String> districts = reader.lines()
                .filter(line -> line.startsWith("district,"))
                .map(line -> line.split(",")[1])
                .toList();
            assertThat(districts).hasSize(594);
            return districts.stream();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "3204991708450001, no district 32.04.99", "3299011708450001, no regency 32.99",
            "9103991708450001, no district 91.03.99, before or after the split",
            "9301991708450001, no district 93.01.99", })
    void anUnknownDistrictInAKnownProvinceGoesToAnOfficer(String nik, String why) {
        assertThat(assess(nik, LocalDate.of(1945, 8, 17), MALE))
            .isEqualTo(verdict(PENDING_REVIEW, "NIK_REGION_UNVERIFIED"));
    }

    @Test
    void aRegistryConfirmationDoesNotClearARegionWarning() {
        assertThat(assess("3204991708450001", LocalDate.of(1945, 8, 17), MALE, WNI, CONFIRMED))
            .isEqualTo(verdict(PENDING_REVIEW, "NIK_REGION_UNVERIFIED"));
    }

    @Test
    void aRejectionAlsoListsTheRegionWarningInItsPlace() {
        assertThat(assess("3204991708450000", LocalDate.of(1945, 8, 17), MALE, WNA, CONFIRMED))
            .isEqualTo(verdict(REJECTED, "FOREIGN_NATIONALITY", "NIK_REGION_UNVERIFIED", "NIK_SERIAL_INVALID"));
    }

    @Test
    void aForeignResidentsNikIsRejected() {
        assertThat(assess("3204110609970001", LocalDate.of(1997, 9, 6), MALE, WNA, CONFIRMED))
            .isEqualTo(verdict(REJECTED, "FOREIGN_NATIONALITY"));
    }

    @Test
    void aNikBackingAnotherSellerIsRejectedEvenWhenConfirmed() {
        assertThat(assess("3204110609970001", LocalDate.of(1997, 9, 6), MALE, WNI, new Facts(true, false, true)))
            .isEqualTo(verdict(REJECTED, "IDENTITY_ALREADY_REGISTERED"));
    }

    @Test
    void thePlatformAffiliateListIsForBusinessesOnly() {
        assertThat(assess("3204110609970001", LocalDate.of(1997, 9, 6), MALE, WNI, new Facts(false, true, true)))
            .isEqualTo(verdict(VERIFIED));
    }

    @Test
    void aForeignersRegisteredNikWithNoSerialListsEveryReason() {
        assertThat(assess("3204110609970000", LocalDate.of(1997, 9, 6), MALE, WNA, REGISTERED))
            .isEqualTo(verdict(REJECTED, "FOREIGN_NATIONALITY", "NIK_SERIAL_INVALID", "IDENTITY_ALREADY_REGISTERED"));
    }

    @Test
    void everyFailingCheckIsListedInTheOrderTheyRun() {
        assertThat(assess("9901013002000000", LocalDate.of(2000, 2, 28), MALE, WNA, REGISTERED))
            .isEqualTo(verdict(REJECTED, "FOREIGN_NATIONALITY", "NIK_REGION_UNKNOWN", "NIK_BIRTHDATE_INVALID",
                    "NIK_SERIAL_INVALID", "IDENTITY_ALREADY_REGISTERED"));
        assertThat(assess("3204994609150000", LocalDate.of(2015, 9, 6), MALE, WNA, REGISTERED))
            .isEqualTo(verdict(REJECTED, "FOREIGN_NATIONALITY", "NIK_REGION_UNVERIFIED", "NIK_MISMATCH", "UNDERAGE",
                    "NIK_SERIAL_INVALID", "IDENTITY_ALREADY_REGISTERED"));
    }

}
