package id.pasar.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whose bank account it is: the holder's name against the verified legal name. */
class AccountHolderNamesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = { "Budi Santoso | Budi Santoso", "BUDI SANTOSO | Budi Santoso",
            "  budi   santoso  | Budi Santoso", "Bpk. Budi Santoso | Budi Santoso",
            "Bapak Budi Santoso, | Budi Santoso", "Sdr. Budi Santoso | Budi Santoso", "H. Budi Santoso | Budi Santoso",
            "Hj. Siti Aminah | Siti Aminah", "Ibu Hj. Siti Aminah | Siti Aminah", "Siti Aminah | Hj. Siti Aminah",
            "Sdri Siti Aminah | Siti Aminah", "PT Rotan Lestari Tbk | PT Rotan Lestari",
            "ROTAN LESTARI, CV | CV Rotan Lestari", "UD. Maju Jaya | UD Maju Jaya", "CV Rotan Lestari | Rotan Lestari",
            "Ma'ruf Amin | Maruf Amin", "Siti Nur-Aini | Siti Nur Aini", "José Ramos | Jose Ramos",
            "PT. Bank Rakyat (Persero) | Bank Rakyat" })
    void sameHolder(String holder, String legalName) {
        assertThat(AccountHolderNames.same(holder, legalName)).isTrue();
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|',
            value = { "Andi Wijaya | Budi Santoso", "Budi | Budi Santoso", "Budi Santoso Putra | Budi Santoso",
                    "Budi H Santoso | Budi Santoso", "Santoso Budi | Budi Santoso", "PT | PT", "Bpk. | Budi Santoso",
                    "CV Rotan Lestari | CV Rotan Lestary", "Budi Santos0 | Budi Santoso" })
    void anotherHolder(String holder, String legalName) {
        assertThat(AccountHolderNames.same(holder, legalName)).isFalse();
    }

}
