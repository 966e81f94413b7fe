package id.pasar.compliance.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NpwpTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "013121660093000", "016090524093000", "021832415093000", "013000666093000",
            "092542943093000", "727318156093000", "440710234093000", "312666837093000", "0013121660093000",
            "0016090524093000", "0727318156093000", "0312666837093000", })
    void hasTheTaxOfficeFormWhenTheFirstNineDigitsCheck(String digits) {
        assertThat(new Npwp(digits).hasTaxOfficeForm()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = { "013121661093000", "0013121661093000", "1013121660093000", "3204110609970001",
            "01312166009300", "01312166009300000", "013121660", "01.312.166.0-093.000", })
    void hasNotOtherwise(String digits) {
        assertThat(new Npwp(digits).hasTaxOfficeForm()).isFalse();
    }

    @Test
    void readsSixteenDigitsAsANik() {
        assertThat(new Npwp("3204110609970001").asNik()).contains(new Nik("3204110609970001"));
        assertThat(new Npwp("013121660093000").asNik()).isEmpty();
        assertThat(new Npwp("32041106099700011").asNik()).isEmpty();
        assertThat(new Npwp("3204.110609970001").asNik()).isEmpty();
        assertThat(new Npwp(null).asNik()).isEmpty();
    }

}
