package id.pasar.compliance.web;

import static id.pasar.JsonBody.with;
import static id.pasar.gateway.security.Role.ADMIN;
import static id.pasar.gateway.security.Role.AUDITOR;
import static id.pasar.gateway.security.SliceSecurity.as;
import static id.pasar.gateway.web.ProblemHandling.invalid;
import static id.pasar.gateway.web.ProblemHandling.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import id.pasar.WebSlice;
import id.pasar.compliance.PlatformAffiliateList;
import id.pasar.compliance.PlatformAffiliateList.Affiliate;
import id.pasar.compliance.PlatformAffiliateList.NewAffiliate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * The list of companies affiliated with the platform: an entry names a NIB (13 digits),
 * an NPWP (15 or 16) or both.
 */
@WebSlice(PlatformAffiliateController.class)
class PlatformAffiliateSliceTest {

    private static final UUID ADMIN_ID = UUID.randomUUID();

    private static final UUID ENTRY_ID = UUID.randomUUID();

    private static final String ENTRY = """
            { "nib": "912-0001-234567", "npwp": "01.234.567.8-901.000", "legalName": " PT Pasar Logistik Nusantara ",
              "note": "Sister company under the same holding" }""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PlatformAffiliateList affiliates;

    @BeforeEach
    void entriesAreAdded() {
        given(affiliates.add(any(), any())).willReturn(
                new Affiliate(ENTRY_ID, "PT Pasar Logistik Nusantara", "**********567", "************000", null, null));
    }

    @Test
    void listsACompanyByItsNumbersWithoutSeparators() {
        assertThat(add(ENTRY)).hasStatus(HttpStatus.CREATED)
            .hasHeader("Location", "/api/v1/admin/platform-affiliates/" + ENTRY_ID)
            .bodyJson()
            .extractingPath("$.nib")
            .isEqualTo("**********567");
        then(affiliates).should()
            .add(new NewAffiliate("9120001234567", "012345678901000", "PT Pasar Logistik Nusantara",
                    "Sister company under the same holding"), ADMIN_ID.toString());
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource({ "nib, 912000123456", "nib, 91200012345678", "nib, 9120001234567890123456789012345",
            "npwp, 01.234.567.8-901.00", "npwp, 01.234.567.8-901.00000", "legalName, ' '", "legalName, ", })
    void refusesAMalformedField(String field, String value) {
        assertThat(add(with(ENTRY, field, value))).satisfies(invalid(field));
    }

    @Test
    void refusesANoteOver1000Characters() {
        assertThat(add(with(ENTRY, "note", "x".repeat(1001)))).satisfies(invalid("note"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "012345678901000", "0012345678901000" })
    void takesAnNpwpOf15Or16Digits(String npwp) {
        assertThat(add(with(ENTRY, "npwp", npwp))).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void needsANibOrAnNpwp() {
        assertThat(add(with(with(ENTRY, "nib", null), "npwp", " "))).satisfies(invalid("nib"));
        assertThat(add(with(ENTRY, "nib", null))).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void refusesANibSentAsANumberThatWouldLoseItsLeadingZeros() {
        assertThat(add(with(ENTRY, "nib", 912000123456L)))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST"))
            .bodyJson()
            .extractingPath("$.errors[0].field")
            .isEqualTo("nib");
    }

    @Test
    void removesAnEntryByItsId() {
        assertThat(mvc.delete().uri("/api/v1/admin/platform-affiliates/{id}", ENTRY_ID).with(as(ADMIN, ADMIN_ID)))
            .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.delete().uri("/api/v1/admin/platform-affiliates/42").with(as(ADMIN, ADMIN_ID)))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER"));
    }

    @Test
    void auditorsReadTheListButDoNotChangeIt() {
        assertThat(mvc.get().uri("/api/v1/admin/platform-affiliates").with(as(AUDITOR, ADMIN_ID))).hasStatusOk();
        assertThat(mvc.post()
            .uri("/api/v1/admin/platform-affiliates")
            .with(as(AUDITOR, ADMIN_ID))
            .contentType(APPLICATION_JSON)
            .content(ENTRY)).satisfies(problem(HttpStatus.FORBIDDEN, "FORBIDDEN"));
    }

    private MockMvcRequestBuilder add(String body) {
        return mvc.post()
            .uri("/api/v1/admin/platform-affiliates")
            .with(as(ADMIN, ADMIN_ID))
            .contentType(APPLICATION_JSON)
            .content(body);
    }

}
