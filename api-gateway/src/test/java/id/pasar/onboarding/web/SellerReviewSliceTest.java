package id.pasar.onboarding.web;

import static id.pasar.JsonBody.with;
import static id.pasar.gateway.security.Role.COMPLIANCE_OFFICER;
import static id.pasar.gateway.security.Role.SELLER;
import static id.pasar.gateway.security.SliceSecurity.as;
import static id.pasar.gateway.web.ProblemHandling.invalid;
import static id.pasar.gateway.web.ProblemHandling.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import id.pasar.WebSlice;
import id.pasar.compliance.DataAccessLog;
import id.pasar.onboarding.SellerStatus;
import id.pasar.onboarding.internal.SellerOnboarding;
import id.pasar.onboarding.internal.SellerView;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/** Officers read sellers only with a reason, and decide with APPROVE or REJECT. */
@WebSlice(SellerReviewController.class)
@Import(SellerResponseMapperImpl.class)
class SellerReviewSliceTest {

    private static final UUID OFFICER = UUID.randomUUID();

    private static final UUID SELLER_ID = UUID.randomUUID();

    private static final String REASON = "Weekly review of pending KTP applications";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SellerOnboarding onboarding;

    @MockitoBean
    DataAccessLog accessLog;

    @Test
    void listsApplicationsAndRecordsWhoReadThemAndWhy() {
        SellerView pending = mock(SellerView.class);
        given(pending.getId()).willReturn(SELLER_ID);
        given(onboarding.withStatus(SellerStatus.PENDING_REVIEW, null, null, 21)).willReturn(List.of(pending));

        assertThat(officer(mvc.get().uri("/api/v1/compliance/seller-applications")).header("X-Access-Reason", REASON))
            .hasStatusOk()
            .bodyJson()
            .extractingPath("$.items[0].sellerId")
            .isEqualTo(SELLER_ID.toString());
        then(accessLog).should()
            .record(new DataAccessLog.Reader(OFFICER.toString(), "COMPLIANCE_OFFICER"),
                    "GET /api/v1/compliance/seller-applications", REASON, List.of(SELLER_ID));
    }

    static List<String> reasonsTooShortOrTooLong() {
        return List.of("", "      ", "four", "x".repeat(201));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("reasonsTooShortOrTooLong")
    void refusesToReadSellersWithoutAReasonOf5To200Characters(String reason) {
        assertThat(officer(mvc.get().uri("/api/v1/compliance/seller-applications")).header("X-Access-Reason", reason))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "ACCESS_REASON_REQUIRED"));
        assertThat(
                officer(mvc.get().uri("/api/v1/compliance/sellers/{id}", SELLER_ID)).header("X-Access-Reason", reason))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "ACCESS_REASON_REQUIRED"));
    }

    @Test
    void refusesToReadSellersWithoutTheHeader() {
        assertThat(officer(mvc.get().uri("/api/v1/compliance/sellers/{id}", SELLER_ID)))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "ACCESS_REASON_REQUIRED"));
    }

    @Test
    void refusesAnUnknownStatusAndPagesOutside1To100() {
        assertThat(applications("status=WAITING")).satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER"));
        assertThat(applications("size=0")).satisfies(invalid("size"));
        assertThat(applications("size=101")).satisfies(invalid("size"));
        assertThat(applications("cursor=abc")).satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_CURSOR"));
    }

    @Test
    void decidesWithApproveOrReject() {
        SellerView verified = mock(SellerView.class);
        given(verified.getStatus()).willReturn(SellerStatus.VERIFIED);
        given(onboarding.decide(SELLER_ID, true, "KTP checked", OFFICER)).willReturn(verified);

        assertThat(decide("{\"decision\": \"APPROVE\", \"note\": \"KTP checked\"}")).hasStatusOk()
            .bodyJson()
            .extractingPath("$.status")
            .isEqualTo("VERIFIED");
    }

    @Test
    void refusesADecisionOutsideTheEnum() {
        assertThat(decide("{\"decision\": \"MAYBE\"}")).satisfies(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST"))
            .bodyJson()
            .extractingPath("$.errors[0].field")
            .isEqualTo("decision");
        assertThat(decide("{\"decision\": 0}")).satisfies(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST"));
        assertThat(decide("{\"note\": \"no decision\"}")).satisfies(invalid("decision"));
    }

    @Test
    void refusesANoteOrARevocationReasonOver1000Characters() {
        assertThat(decide(with("{\"decision\": \"REJECT\"}", "note", "x".repeat(1001)))).satisfies(invalid("note"));
        assertThat(revoke("{\"reason\": \"" + "x".repeat(1001) + "\"}")).satisfies(invalid("reason"));
        assertThat(revoke("{\"reason\": \" \"}")).satisfies(invalid("reason"));
    }

    @Test
    void onlyOfficersAndAdminsReview() {
        assertThat(mvc.post()
            .uri("/api/v1/compliance/sellers/{id}/revoke", SELLER_ID)
            .with(as(SELLER, OFFICER))
            .contentType(APPLICATION_JSON)
            .content("{\"reason\": \"counterfeit\"}")).satisfies(problem(HttpStatus.FORBIDDEN, "FORBIDDEN"));
    }

    private MockMvcRequestBuilder applications(String query) {
        return officer(mvc.get().uri("/api/v1/compliance/seller-applications?" + query)).header("X-Access-Reason",
                REASON);
    }

    private MockMvcRequestBuilder decide(String body) {
        return officer(mvc.post().uri("/api/v1/compliance/seller-applications/{id}/decision", SELLER_ID))
            .contentType(APPLICATION_JSON)
            .content(body);
    }

    private MockMvcRequestBuilder revoke(String body) {
        return officer(mvc.post().uri("/api/v1/compliance/sellers/{id}/revoke", SELLER_ID))
            .contentType(APPLICATION_JSON)
            .content(body);
    }

    private static MockMvcRequestBuilder officer(MockMvcRequestBuilder request) {
        return request.with(as(COMPLIANCE_OFFICER, OFFICER));
    }

}
