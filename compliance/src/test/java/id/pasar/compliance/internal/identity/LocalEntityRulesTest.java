package id.pasar.compliance.internal.identity;

import static id.pasar.compliance.IdentityRules.Status.PENDING_REVIEW;
import static id.pasar.compliance.IdentityRules.Status.REJECTED;
import static id.pasar.compliance.IdentityRules.Status.VERIFIED;
import static id.pasar.compliance.SellerIdentity.EntityType.CV;
import static id.pasar.compliance.SellerIdentity.EntityType.PT;
import static id.pasar.compliance.SellerIdentity.EntityType.PT_PERORANGAN;
import static id.pasar.compliance.SellerIdentity.EntityType.UD;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.compliance.IdentityRules.Facts;
import id.pasar.compliance.IdentityRules.IdentityVerdict;
import id.pasar.compliance.IdentityRules.Status;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.SellerIdentity.EntityType;
import id.pasar.compliance.SellerIdentity.LocalEntity;
import id.pasar.compliance.internal.TestRegions;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalEntityRulesTest {

    static final IdentityRuleSet rules = new IdentityRuleSet(TestRegions.load());
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final Facts NOTHING_KNOWN = new Facts(false, false, false);
    static final RegencyCode KABUPATEN_BANDUNG = RegencyCode.parse("32.04");
    static final String NIB = "9120001234567";
    static final String NPWP = "013121660093000";
    static final String NIK_FORM_NPWP = "3204110609970001";

    static IdentityVerdict assess(EntityType type, String npwp) {
        return assess(new LocalEntity("Sumber Makmur", type, NIB, npwp, "ID"), KABUPATEN_BANDUNG, NOTHING_KNOWN);
    }

    static IdentityVerdict assess(LocalEntity entity, RegencyCode address, Facts facts) {
        return rules.assess(entity, address, facts, TODAY);
    }

    static IdentityVerdict verdict(Status status, String... reasons) {
        return new IdentityVerdict(status, List.of(reasons));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = { "013121660093000", "016090524093000", "021832415093000", "013000666093000", "092542943093000",
                    "727318156093000", "440710234093000", "312666837093000", "013121660999999", "013121660000000", })
    void aFifteenDigitNpwpWithItsLuhnDigitIsValidForEveryEntity(String npwp) {
        for (EntityType type : EntityType.values()) {
            assertThat(assess(type, npwp)).as("%s", type).isEqualTo(verdict(PENDING_REVIEW));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "0013121660093000", "0016090524093000", "0021832415093000", "0013000666093000",
            "0092542943093000", "0727318156093000", "0440710234093000", "0312666837093000", })
    void theSixteenDigitFormOfAFifteenDigitNpwpIsValidForEveryEntity(String npwp) {
        for (EntityType type : EntityType.values()) {
            assertThat(assess(type, npwp)).as("%s", type).isEqualTo(verdict(PENDING_REVIEW));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "013121661093000", "013121669093000", "103121660093000", "727318165093000",
            "0013121661093000", "0103121660093000", })
    void aBrokenLuhnDigitIsInvalid(String npwp) {
        assertThat(assess(PT, npwp)).isEqualTo(verdict(REJECTED, "NPWP_INVALID"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "", "013121660", "01312166009300", "01312166009300011", "00131216600930000",
            "32041106099700011", "320411060997001", "01.312.166.0-093.000", "01312166O093000", "０13121660093000", })
    void anyOtherLengthOrCharacterIsInvalid(String npwp) {
        for (EntityType type : EntityType.values()) {
            assertThat(assess(type, npwp)).as("%s", type).isEqualTo(verdict(REJECTED, "NPWP_INVALID"));
        }
    }

    @Test
    void aMissingNpwpIsInvalid() {
        assertThat(assess(PT, null)).isEqualTo(verdict(REJECTED, "NPWP_INVALID"));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({ "3204110609970001, PT_PERORANGAN", "3204110609970001, UD", "3204114609970002, PT_PERORANGAN",
            "3204114609970002, UD", "9101011708450001, UD",
            // Only the NIK's form counts here: an unlisted district or an owner of any
            // age does not spoil it.
            "3204991708450001, UD", "3204110609150001, PT_PERORANGAN", "3171012902000001, UD", })
    void aNikFormNpwpIsValidForASoleProprietorsBusiness(String npwp, EntityType type) {
        assertThat(assess(type, npwp)).isEqualTo(verdict(PENDING_REVIEW));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = EntityType.class, names = { "PT", "CV", "FIRMA", "KOPERASI" })
    void aNikFormNpwpIsInvalidForABusinessWithItsOwnTaxNumber(EntityType type) {
        assertThat(assess(type, NIK_FORM_NPWP)).isEqualTo(verdict(REJECTED, "NPWP_INVALID"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({ "9971011708450001, unknown province", "0013121661093000, province 00 after a failed Luhn",
            "3171013002001234, 30 February", "3171013208450001, day 32", "3171017208450001, a woman's day 32",
            "3171011713450001, month 13", "3171012902010001, 29 February 2001", "3171011708450000, serial 0000", })
    void aNikFormNpwpMustHaveASoundNiksForm(String npwp, String why) {
        assertThat(assess(UD, npwp)).isEqualTo(verdict(REJECTED, "NPWP_INVALID"));
        assertThat(assess(PT_PERORANGAN, npwp)).isEqualTo(verdict(REJECTED, "NPWP_INVALID"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "SG", "MY", "id", "IDN", "" })
    void aForeignEntityIsRejected(String country) {
        assertThat(assess(new LocalEntity("Sumber Makmur", PT, NIB, NPWP, country), KABUPATEN_BANDUNG, NOTHING_KNOWN))
            .isEqualTo(verdict(REJECTED, "FOREIGN_ENTITY"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "99.01", "32.99", "91.01", "92.01", "92.71", "00.00" })
    void anAddressOutsideTheCurrentRegenciesIsRejected(String regency) {
        assertThat(assess(new LocalEntity("Sumber Makmur", PT, NIB, NPWP, "ID"), RegencyCode.parse(regency),
                NOTHING_KNOWN))
            .isEqualTo(verdict(REJECTED, "ADDRESS_NOT_DOMESTIC"));
    }

    @Test
    void aMissingAddressIsNotDomestic() {
        assertThat(assess(new LocalEntity("Sumber Makmur", PT, NIB, NPWP, "ID"), null, NOTHING_KNOWN))
            .isEqualTo(verdict(REJECTED, "ADDRESS_NOT_DOMESTIC"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "11.01", "31.71", "32.04", "93.01", "96.01", "9171" })
    void aCurrentRegencyIsDomestic(String regency) {
        assertThat(assess(new LocalEntity("Sumber Makmur", CV, NIB, NPWP, "ID"), RegencyCode.parse(regency),
                NOTHING_KNOWN))
            .isEqualTo(verdict(PENDING_REVIEW));
    }

    @Test
    void anEntityBackingAnotherSellerIsRejected() {
        assertThat(assess(new LocalEntity("Sumber Makmur", PT, NIB, NPWP, "ID"), KABUPATEN_BANDUNG,
                new Facts(true, false, true)))
            .isEqualTo(verdict(REJECTED, "IDENTITY_ALREADY_REGISTERED"));
    }

    @Test
    void aPlatformAffiliateIsRejected() {
        assertThat(assess(new LocalEntity("Sumber Makmur", PT, NIB, NPWP, "ID"), KABUPATEN_BANDUNG,
                new Facts(false, true, true)))
            .isEqualTo(verdict(REJECTED, "PLATFORM_AFFILIATE"));
    }

    @Test
    void anOssConfirmationVerifies() {
        assertThat(assess(new LocalEntity("Sumber Makmur", PT, NIB, NPWP, "ID"), KABUPATEN_BANDUNG,
                new Facts(false, false, true)))
            .isEqualTo(verdict(VERIFIED));
        assertThat(assess(new LocalEntity("Toko Budi", UD, NIB, NIK_FORM_NPWP, "ID"), KABUPATEN_BANDUNG,
                new Facts(false, false, true)))
            .isEqualTo(verdict(VERIFIED));
    }

    @Test
    void everyFailingCheckIsListedInTheOrderTheyRun() {
        LocalEntity everythingWrong = new LocalEntity("Sumber Makmur Pte Ltd", PT, NIB, NIK_FORM_NPWP, "SG");
        assertThat(assess(everythingWrong, RegencyCode.parse("91.01"), new Facts(true, true, true)))
            .isEqualTo(verdict(REJECTED, "FOREIGN_ENTITY", "NPWP_INVALID", "ADDRESS_NOT_DOMESTIC",
                    "IDENTITY_ALREADY_REGISTERED", "PLATFORM_AFFILIATE"));
    }

}
