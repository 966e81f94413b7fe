package id.pasar.compliance.internal.identity;

import static id.pasar.compliance.SellerIdentity.Citizenship.WNI;
import static id.pasar.compliance.SellerIdentity.EntityType.PT;
import static id.pasar.compliance.SellerIdentity.Gender.MALE;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.compliance.Masking;
import id.pasar.compliance.SellerIdentity.DocumentType;
import id.pasar.compliance.SellerIdentity.Ktp;
import id.pasar.compliance.SellerIdentity.LocalEntity;
import id.pasar.compliance.SellerIdentity.Passport;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({ "KTP, 3204110609970001, 320411********01", "KTP, 9101011708450001, 910101********01",
            "PASSPORT, X1234567, *****567", "PASSPORT, AB1234567, ******567", "PASSPORT, A12345, ***345",
            "LOCAL_ENTITY, 9120001234567, **********567", })
    void showsOnlyTheEndsOfANumber(DocumentType type, String number, String masked) {
        assertThat(Masking.mask(type, number)).isEqualTo(masked);
    }

    @Test
    void anNpwpKeepsItsLastThree() {
        assertThat(Masking.lastThree("013121660093000")).isEqualTo("************000");
    }

    @Test
    void eachIdentityMasksItsOwnNumber() {
        assertThat(new Ktp("3204110609970001", "Budi", LocalDate.of(1997, 9, 6), MALE, WNI).maskedIdentity())
            .isEqualTo("320411********01");
        assertThat(new Passport("X1234567", "Budi", "IDN", LocalDate.of(1990, 6, 15), MALE, LocalDate.of(2031, 1, 1),
                List.of())
            .maskedIdentity()).isEqualTo("*****567");
        assertThat(new LocalEntity("Sumber Makmur", PT, "9120001234567", "013121660093000", "ID").maskedIdentity())
            .isEqualTo("**********567");
    }

    @Test
    void aNumberTooShortToShowAnythingIsAllStars() {
        assertThat(Masking.mask(DocumentType.KTP, "3204110")).isEqualTo("*******");
        assertThat(Masking.mask(DocumentType.PASSPORT, "123")).isEqualTo("***");
        assertThat(Masking.mask(DocumentType.PASSPORT, "")).isEmpty();
    }

}
