package id.pasar.compliance.web;

import static id.pasar.gateway.web.ProblemHandling.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import id.pasar.WebSlice;
import id.pasar.compliance.Regions;
import id.pasar.compliance.Regions.Province;
import id.pasar.compliance.Regions.Regency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Reference data anyone may read, whole, without a token. */
@WebSlice(RegionController.class)
class RegionSliceTest {

    private static final Province JAWA_BARAT = new Province("32", "Jawa Barat");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Regions regions;

    @Test
    void listsTheProvincesWholeWithoutAToken() {
        given(regions.provinces()).willReturn(List.of(JAWA_BARAT));

        assertThat(mvc.get().uri("/api/v1/regions/provinces")).hasStatusOk()
            .bodyJson()
            .isLenientlyEqualTo("{\"items\": [{\"code\": \"32\", \"name\": \"Jawa Barat\"}], \"nextCursor\": null}");
    }

    @Test
    void listsTheRegenciesOfAProvince() {
        given(regions.province("32")).willReturn(Optional.of(JAWA_BARAT));
        given(regions.regenciesOf("32")).willReturn(List.of(new Regency("32.04", "32", "Kabupaten Bandung")));

        assertThat(mvc.get().uri("/api/v1/regions/provinces/32/regencies")).hasStatusOk()
            .bodyJson()
            .extractingPath("$.items[0].code")
            .isEqualTo("32.04");
    }

    @Test
    void anUnknownProvinceIsNotFoundInTheCallersLanguage() {
        assertThat(mvc.get().uri("/api/v1/regions/provinces/99/regencies"))
            .satisfies(problem(HttpStatus.NOT_FOUND, "PROVINCE_NOT_FOUND"))
            .bodyJson()
            .extractingPath("$.title")
            .isEqualTo("Provinsi tidak ditemukan");
        assertThat(mvc.get().uri("/api/v1/regions/provinces/99/regencies").header("Accept-Language", "en"))
            .satisfies(problem(HttpStatus.NOT_FOUND, "PROVINCE_NOT_FOUND"))
            .bodyJson()
            .extractingPath("$.title")
            .isEqualTo("Province not found");
    }

    @Test
    void aWriteToReferenceDataIsMethodNotAllowed() {
        assertThat(mvc.post().uri("/api/v1/regions/provinces"))
            .satisfies(problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED"));
    }

}
