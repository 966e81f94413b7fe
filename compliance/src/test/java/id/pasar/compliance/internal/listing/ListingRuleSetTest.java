package id.pasar.compliance.internal.listing;

import static id.pasar.compliance.ListingRules.LicenceKind.COSMETICS;
import static id.pasar.compliance.ListingRules.LicenceKind.FOOD;
import static id.pasar.compliance.ListingRules.LicenceKind.SNI;
import static id.pasar.compliance.ListingRules.LicenceKind.TRADITIONAL_MEDICINE;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.compliance.ListingRules;
import id.pasar.compliance.ListingRules.HalalStatus;
import id.pasar.compliance.ListingRules.LicenceKind;
import id.pasar.compliance.ListingRules.ListingFacts;
import id.pasar.compliance.RuleSets.Rule;
import id.pasar.compliance.RuleSets.RuleSet;
import id.pasar.compliance.internal.TestRegions;
import java.time.Instant;
import java.util.List;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ListingRuleSetTest {

    static final ListingRuleSet rules = new ListingRuleSet(TestRegions.load());
    static final RuleSet V1 = new RuleSet("v1", Instant.EPOCH, List.of());
    static final RuleSet V2 = new RuleSet("v2", Instant.EPOCH,
            List.of(new Rule(ListingRules.HALAL_CERTIFICATE_REQUIRED)));

    /** The v1 checks: the halal rule is v2's, tested at the end of this class. */
    static List<String> check(ListingFacts facts) {
        return rules.check(facts, V1);
    }

    // Kabupaten Bandung, a regency in the decree now.
    static final String BANDUNG = "32.04";

    static ListingFacts unregulated(String shipFrom) {
        return new ListingFacts(true, shipFrom, false, null, null);
    }

    static ListingFacts regulated(LicenceKind kind, String licence) {
        return new ListingFacts(true, BANDUNG, false, kind, licence);
    }

    @Test
    void aVerifiedSellerShippingAnUnregulatedGoodFromARegencyPasses() {
        assertThat(check(unregulated(BANDUNG))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({ "FOOD, BPOM RI MD 224510001234", "FOOD, P-IRT 2063271010232-25", "COSMETICS, POM NA 18150900279",
            "TRADITIONAL_MEDICINE, TR072224589", "SNI, SNI ISO 8124-1:2010", })
    void aRegulatedGoodWithItsLicencePasses(LicenceKind kind, String licence) {
        assertThat(check(regulated(kind, licence))).isEmpty();
    }

    @Test
    void anUnverifiedSellerAloneFails() {
        assertThat(check(new ListingFacts(false, BANDUNG, false, null, null))).containsExactly("SELLER_NOT_VERIFIED");
    }

    @Test
    void aProhibitedCategoryAloneFails() {
        assertThat(check(new ListingFacts(true, BANDUNG, true, null, null))).containsExactly("PROHIBITED_CATEGORY");
    }

    @Test
    void aMissingLicenceAloneFails() {
        assertThat(check(regulated(FOOD, null))).containsExactly("LICENCE_REQUIRED");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "3204", "32.04", "93.01", "9301", "91.03", "31.71", "11.01" })
    void shipsFromACurrentRegencyInEitherForm(String shipFrom) {
        assertThat(check(unregulated(shipFrom))).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {
            // No such regency in the decree or before it.
            "99.01", "9901", "32.99",
            // Merauke before the 2022 Papua split: a NIK may carry it, an address no
            // longer can.
            "91.01", "9101", "91.02",
            // Not PP.KK or PPKK.
            "32.4", "324", "32-04", "32.04.11", "320411", "32.044", " 32.04", "32.04 ", "3 204", "Bandung", "32.O4", })
    void shipsFromNowhereDomesticOtherwise(String shipFrom) {
        assertThat(check(unregulated(shipFrom))).containsExactly("SHIP_FROM_NOT_DOMESTIC");
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(value = { "FOOD, NULL", "FOOD, ''", "FOOD, '   '", "COSMETICS, NULL", "COSMETICS, ''",
            "COSMETICS, '   '", "TRADITIONAL_MEDICINE, NULL", "TRADITIONAL_MEDICINE, ''", "TRADITIONAL_MEDICINE, '   '",
            "SNI, NULL", "SNI, ''", "SNI, '   '", }, nullValues = "NULL")
    void aRegulatedGoodWithoutALicenceFails(LicenceKind kind, String licence) {
        assertThat(check(regulated(kind, licence))).containsExactly("LICENCE_REQUIRED");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({ "FOOD, NA18150900279", "FOOD, MD 22451000123", "FOOD, P-IRT 2063271010232-256",
            "COSMETICS, MD 224510001234", "COSMETICS, NA1815090027", "TRADITIONAL_MEDICINE, NA18150900279",
            "TRADITIONAL_MEDICINE, TR0722245890", "SNI, SNI 8124", "SNI, MD 224510001234", })
    void aRegulatedGoodWithAWrongLicenceFails(LicenceKind kind, String licence) {
        assertThat(check(regulated(kind, licence))).containsExactly("LICENCE_REQUIRED");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LicenceKind.class)
    void aDrugRegistrationLicencesNothing(LicenceKind kind) {
        assertThat(check(regulated(kind, "DKL1234567890A1"))).containsExactly("LICENCE_REQUIRED");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = { "MD 224510001234", "DKL1234567890A1", "anything at all", "", "  " })
    void aLicenceGivenWhereNoneIsNeededIsIgnored(String licence) {
        assertThat(check(new ListingFacts(true, BANDUNG, false, null, licence))).isEmpty();
    }

    @Test
    void everyFailingCheckIsListedInTheOrderTheyRun() {
        assertThat(check(new ListingFacts(false, "91.01", true, COSMETICS, "MD 224510001234"))).containsExactly(
                "SELLER_NOT_VERIFIED", "SHIP_FROM_NOT_DOMESTIC", "PROHIBITED_CATEGORY", "LICENCE_REQUIRED");
        assertThat(check(new ListingFacts(false, null, true, TRADITIONAL_MEDICINE, null))).containsExactly(
                "SELLER_NOT_VERIFIED", "SHIP_FROM_NOT_DOMESTIC", "PROHIBITED_CATEGORY", "LICENCE_REQUIRED");
    }

    @Test
    void eachCheckRunsWhateverTheOthersFound() {
        assertThat(check(new ListingFacts(false, BANDUNG, true, null, null))).containsExactly("SELLER_NOT_VERIFIED",
                "PROHIBITED_CATEGORY");
        assertThat(check(new ListingFacts(true, "99.01", false, SNI, "SNI 8124")))
            .containsExactly("SHIP_FROM_NOT_DOMESTIC", "LICENCE_REQUIRED");
    }

    @Test
    void theCodesAreSpelledAsDecisionsCarryThem() {
        assertThat(Arrays.stream(Reason.values()).map(Reason::name)).containsExactly("SELLER_NOT_VERIFIED",
                "SHIP_FROM_NOT_DOMESTIC", "PROHIBITED_CATEGORY", "LICENCE_REQUIRED", "HALAL_CERTIFICATE_REQUIRED");
    }

    static ListingFacts food(HalalStatus status, String certificate) {
        return new ListingFacts(true, BANDUNG, false, FOOD, "MD 224510001234", true, status, certificate);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ID31110001234567", "ID 3111 0001 2345 67", "id0123456789", "ID12345678901234567890" })
    void underV2AHalalRequiredListingPassesWithABpjphCertificate(String certificate) {
        assertThat(rules.check(food(HalalStatus.CERTIFIED, certificate), V2)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "KH-2024-001234", "ID123456789", "ID123456789012345678901", "LPPOM00150001234",
            "31110001234567" })
    void underV2AKetetapanOrAMalformedNumberIsNoCertificate(String certificate) {
        assertThat(rules.check(food(HalalStatus.CERTIFIED, certificate), V2))
            .containsExactly("HALAL_CERTIFICATE_REQUIRED");
    }

    @Test
    void underV2ANonHalalDeclarationPassesAndSilenceDoesNot() {
        assertThat(rules.check(food(HalalStatus.NON_HALAL, null), V2)).isEmpty();
        assertThat(rules.check(food(null, null), V2)).containsExactly("HALAL_CERTIFICATE_REQUIRED");
    }

    @Test
    void theHalalRuleBindsOnlyHalalRequiredCategoriesAndOnlyFromV2() {
        assertThat(rules.check(food(null, null), V1)).isEmpty();
        assertThat(rules.check(new ListingFacts(true, BANDUNG, false, null, null, false, null, null), V2)).isEmpty();
        assertThat(rules.check(new ListingFacts(false, BANDUNG, false, FOOD, null, true, null, null), V2))
            .containsExactly("SELLER_NOT_VERIFIED", "LICENCE_REQUIRED", "HALAL_CERTIFICATE_REQUIRED");
    }

}
