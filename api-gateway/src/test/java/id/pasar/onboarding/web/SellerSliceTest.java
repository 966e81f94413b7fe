package id.pasar.onboarding.web;

import static id.pasar.JsonBody.with;
import static id.pasar.gateway.security.Role.SELLER;
import static id.pasar.gateway.security.SliceSecurity.as;
import static id.pasar.gateway.web.ProblemHandling.invalid;
import static id.pasar.gateway.web.ProblemHandling.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import id.pasar.WebSlice;
import id.pasar.compliance.DataAccessLog;
import id.pasar.compliance.RegencyCode;
import id.pasar.compliance.SellerIdentity.Citizenship;
import id.pasar.compliance.SellerIdentity.DocumentType;
import id.pasar.compliance.SellerIdentity.Gender;
import id.pasar.compliance.SellerIdentity.Ktp;
import id.pasar.onboarding.SellerStatus;
import id.pasar.onboarding.internal.Application;
import id.pasar.onboarding.internal.SellerOnboarding;
import id.pasar.onboarding.internal.SellerView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * A seller's application: its form is checked here, per identity document; whether it may
 * sell is compliance's.
 */
@WebSlice(SellerController.class)
@Import(SellerResponseMapperImpl.class)
class SellerSliceTest {

    private static final UUID USER = UUID.randomUUID();

    private static final String KTP = """
            { "shopName": "Batik Sekar Jagad", "sellerType": "INDIVIDUAL", "annualRevenueIdr": 350000000,
              "address": { "street": "Jl. Melati 5", "regencyCode": "3204", "postalCode": "40921" },
              "identity": { "documentType": "KTP", "nik": "3204-1106-0997-0001", "fullName": "Budi Santoso",
                            "dateOfBirth": "1997-09-06", "gender": "MALE", "citizenship": "WNI" } }""";

    private static final String PASSPORT = with(KTP, "identity",
            Map.of("documentType", "PASSPORT", "passportNumber", "c1234567", "fullName", "Budi Santoso", "nationality",
                    "IDN", "dateOfBirth", "1997-09-06", "gender", "MALE", "expiryDate", "2030-01-31"));

    private static final String LOCAL_ENTITY = with(with(KTP, "sellerType", "BUSINESS"), "identity",
            Map.of("documentType", "LOCAL_ENTITY", "legalName", "PT Batik Sekar Jagad", "entityType", "PT", "nib",
                    "9120001234567", "npwp", "01.234.567.8-901.000", "countryOfIncorporation", "ID"));

    private static final Map<DocumentType, String> APPLICATIONS = Map.of(DocumentType.KTP, KTP, DocumentType.PASSPORT,
            PASSPORT, DocumentType.LOCAL_ENTITY, LOCAL_ENTITY);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SellerOnboarding onboarding;

    @MockitoBean
    DataAccessLog accessLog;

    @Test
    void appliesWithTheNikWithoutItsSeparators() {
        SellerView pending = mock(SellerView.class);
        given(pending.getStatus()).willReturn(SellerStatus.PENDING_REVIEW);
        given(onboarding.apply(eq(USER), any())).willReturn(pending);

        assertThat(apply(KTP)).hasStatus(HttpStatus.CREATED)
            .hasHeader("Location", "/api/v1/sellers/me")
            .bodyJson()
            .extractingPath("$.status")
            .isEqualTo("PENDING_REVIEW");
        then(onboarding).should()
            .apply(USER,
                    Application.of("Batik Sekar Jagad", false, 350_000_000, "Jl. Melati 5", RegencyCode.parse("3204"),
                            "40921", new Ktp("3204110609970001", "Budi Santoso", LocalDate.of(1997, 9, 6), Gender.MALE,
                                    Citizenship.WNI)));
    }

    @Test
    void namesEveryMissingField() {
        assertThat(apply("{}")).satisfies(invalid("shopName", "sellerType", "annualRevenueIdr", "address", "identity"));
    }

    @ParameterizedTest(name = "{0}: {1} = \"{2}\"")
    @CsvSource({ "KTP, shopName, ' '", "KTP, address.street, ''", "KTP, address.regencyCode, 32.4",
            "KTP, address.postalCode, 4092", "KTP, identity.nik, 320411060997000",
            "KTP, identity.nik, 32041106O9970001", "KTP, identity.nik, ", "KTP, identity.fullName, ' '",
            "KTP, identity.dateOfBirth, ", "KTP, identity.gender, ", "KTP, identity.citizenship, ",
            "PASSPORT, identity.passportNumber, C1234", "PASSPORT, identity.passportNumber, C1234-567",
            "PASSPORT, identity.passportNumber, ", "PASSPORT, identity.fullName, ",
            "PASSPORT, identity.nationality, idn", "PASSPORT, identity.nationality, INDO",
            "PASSPORT, identity.nationality, ", "PASSPORT, identity.expiryDate, ",
            "LOCAL_ENTITY, identity.legalName, ' '", "LOCAL_ENTITY, identity.entityType, ",
            "LOCAL_ENTITY, identity.nib, 912000123456", "LOCAL_ENTITY, identity.nib, ",
            "LOCAL_ENTITY, identity.npwp, NPWP", "LOCAL_ENTITY, identity.npwp, ",
            "LOCAL_ENTITY, identity.countryOfIncorporation, id", "LOCAL_ENTITY, identity.countryOfIncorporation, IDN",
            "LOCAL_ENTITY, identity.countryOfIncorporation, ", })
    void refusesAMalformedFieldOfEachDocument(DocumentType document, String field, String value) {
        assertThat(apply(with(APPLICATIONS.get(document), field, value))).satisfies(invalid(field));
    }

    @Test
    void refusesMoreThanThreeMrzLinesOrALineOver60Characters() {
        assertThat(apply(with(PASSPORT, "identity.mrz", List.of("a", "b", "c", "d"))))
            .satisfies(invalid("identity.mrz"));
        assertThat(apply(with(PASSPORT, "identity.mrz", List.of("P<IDN".repeat(13), "x"))))
            .satisfies(invalid("identity.mrz[0]"));
    }

    @Test
    void anIndividualProvesAPersonAndABusinessAnEntity() {
        assertThat(apply(with(KTP, "sellerType", "BUSINESS"))).satisfies(invalid("identity.documentType"));
        assertThat(apply(with(LOCAL_ENTITY, "sellerType", "INDIVIDUAL"))).satisfies(invalid("identity.documentType"));
    }

    @Test
    void refusesANegativeAnnualRevenue() {
        assertThat(apply(with(KTP, "annualRevenueIdr", -1))).satisfies(invalid("annualRevenueIdr"));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @CsvSource({ "identity.documentType, SIM", "identity.dateOfBirth, 06-09-1997", "identity.gender, 1" })
    void refusesAnUnreadableValueNamingItsField(String field, String value) {
        assertThat(apply(with(KTP, field, value))).satisfies(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST"))
            .bodyJson()
            .extractingPath("$.errors[0].field")
            .isEqualTo(field);
    }

    @Test
    void pagesTheDataAccessLogInOneTo100() {
        assertThat(mvc.get().uri("/api/v1/sellers/me/data-access?size=0").with(as(SELLER, USER)))
            .satisfies(invalid("size"));
        assertThat(mvc.get().uri("/api/v1/sellers/me/data-access?size=101").with(as(SELLER, USER)))
            .satisfies(invalid("size"));
    }

    private MockMvcRequestBuilder apply(String body) {
        return mvc.post().uri("/api/v1/sellers").with(as(SELLER, USER)).contentType(APPLICATION_JSON).content(body);
    }

}
