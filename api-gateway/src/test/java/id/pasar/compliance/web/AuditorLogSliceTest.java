package id.pasar.compliance.web;

import static id.pasar.gateway.security.Role.AUDITOR;
import static id.pasar.gateway.security.Role.COMPLIANCE_OFFICER;
import static id.pasar.gateway.security.SliceSecurity.as;
import static id.pasar.gateway.web.ProblemHandling.invalid;
import static id.pasar.gateway.web.ProblemHandling.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

import id.pasar.WebSlice;
import id.pasar.compliance.DataAccessLog;
import id.pasar.compliance.DecisionLog.Decision;
import id.pasar.compliance.DecisionLog.Outcome;
import id.pasar.compliance.DecisionLog.SubjectType;
import id.pasar.compliance.DecisionQueries;
import id.pasar.compliance.DecisionQueries.Filter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * The auditors' two logs, the decision log and the data-access log: periods, pages and
 * cursors.
 */
@WebSlice({ DecisionLogController.class, DataAccessController.class })
class AuditorLogSliceTest {

    private static final UUID AUDITOR_ID = UUID.randomUUID();

    private static final String DECISIONS = "/api/v1/compliance/decisions";

    private static final String DATA_ACCESS = "/api/v1/compliance/reports/data-access";

    /**
     * The 30 days ending today (15 March 2026) in Jakarta: from 14 February 00:00 to 16
     * March 00:00, UTC+7.
     */
    private static final Instant LAST_30_DAYS_FROM = Instant.parse("2026-02-13T17:00:00Z");

    private static final Instant LAST_30_DAYS_TO = Instant.parse("2026-03-15T17:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    DecisionQueries decisions;

    @MockitoBean
    DataAccessLog accessLog;

    @Test
    void readsTheLast30JakartaDaysByDefaultWithTimesInJakarta() {
        UUID decision = UUID.randomUUID();
        given(decisions.page(new Filter(LAST_30_DAYS_FROM, LAST_30_DAYS_TO, null, null), 0, 21))
            .willReturn(List.of(new Decision(7, decision, SubjectType.LISTING_PUBLICATION, UUID.randomUUID(), 1,
                    Outcome.FAIL, List.of("SELLER_NOT_VERIFIED"), "system", Instant.parse("2026-03-15T02:00:00Z"), "v1",
                    null, "h7", "h6")));

        assertThat(auditor(DECISIONS)).hasStatusOk()
            .bodyJson()
            .extractingPath("$.items[0].decidedAt")
            .isEqualTo("2026-03-15T09:00:00+07:00");
        assertThat(auditor(DATA_ACCESS)).hasStatusOk();
        then(accessLog).should().page(LAST_30_DAYS_FROM, LAST_30_DAYS_TO, null, null, null, 20);
    }

    @Test
    void filtersBySubjectTypeAndOutcomeNamedAsInTheLog() {
        assertThat(auditor(DECISIONS + "?subjectType=SELLER_REVIEW&outcome=REVIEW&size=100")).hasStatusOk();
        then(decisions).should()
            .page(new Filter(LAST_30_DAYS_FROM, LAST_30_DAYS_TO, SubjectType.SELLER_REVIEW, Outcome.REVIEW), 0, 101);
        assertThat(auditor(DECISIONS + "?subjectType=LISTING"))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER"));
        assertThat(auditor(DECISIONS + "?outcome=pass"))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { DECISIONS, DATA_ACCESS })
    void pagesOfOneTo100(String log) {
        assertThat(auditor(log + "?size=0")).satisfies(invalid("size"));
        assertThat(auditor(log + "?size=101")).satisfies(invalid("size"));
    }

    @Test
    void refusesACursorItDidNotGiveOut() {
        assertThat(auditor(DECISIONS + "?cursor=abc")).satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_CURSOR"));
        // well-formed, but of the orders list
        assertThat(auditor(DECISIONS + "?cursor=b3JkZXJzfDE"))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_CURSOR"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { DECISIONS, DATA_ACCESS })
    void refusesAPeriodThatEndsBeforeItStartsOrSpansOverTenYears(String log) {
        assertThat(auditor(log + "?from=2026-03-10&to=2026-03-01"))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PERIOD"));
        assertThat(auditor(log + "?from=2010-01-01&to=2026-03-01"))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PERIOD"));
        assertThat(auditor(log + "?from=2026-02-30")).satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER"));
        assertThat(auditor(log + "?to=kemarin")).satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER"));
    }

    @Test
    void aCsvRequestIsRefusedAsAProblemToo() {
        assertThat(auditor(DECISIONS + "?from=2026-03-10&to=2026-03-01").accept("text/csv"))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PERIOD"));
    }

    @Test
    void refusesASellerIdThatIsNotAUuid() {
        assertThat(auditor(DATA_ACCESS + "?sellerId=42"))
            .satisfies(problem(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER"));
    }

    @Test
    void onlyAuditorsAndAdminsReadTheLogs() {
        assertThat(mvc.get().uri(DECISIONS).with(as(COMPLIANCE_OFFICER, AUDITOR_ID)))
            .satisfies(problem(HttpStatus.FORBIDDEN, "FORBIDDEN"));
    }

    private MockMvcRequestBuilder auditor(String uri) {
        return mvc.get().uri(uri).with(as(AUDITOR, AUDITOR_ID));
    }

}
