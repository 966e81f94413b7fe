package id.pasar.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.TestIdentityRegistry;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Staff reads of seller data need a reason and leave an insert-only record per seller
 * read, which auditors list and the seller sees; identity numbers stay masked throughout.
 */
@IntegrationTest
class DataAccessLogTest {

    private static final String REASON = "X-Access-Reason";

    @LocalServerPort
    int port;

    Api api;

    String officer;

    String auditor;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        officer = api.newStaffAccount("COMPLIANCE_OFFICER");
        auditor = api.newStaffAccount("AUDITOR");
    }

    @Test
    void aCursorIsGoodOnlyForTheListThatGaveItOut() {
        String ofTheDecisionLog = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("decisions|1".getBytes(StandardCharsets.UTF_8));
        String ofTheAccessLog = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("data-access|1".getBytes(StandardCharsets.UTF_8));

        for (String path : List.of("/api/v1/compliance/reports/data-access?cursor=" + ofTheDecisionLog,
                "/api/v1/compliance/decisions?cursor=" + ofTheAccessLog,
                "/api/v1/compliance/reports/data-access?cursor=abc")) {
            Api.Response refused = api.get(path).bearer(auditor).send();
            refused.expect(400);
            assertThat(refused.json().get("code").asString()).as(path).isEqualTo("INVALID_CURSOR");
        }
        api.get("/api/v1/compliance/reports/data-access?cursor=" + ofTheAccessLog).bearer(auditor).send().expect(200);
    }

    @Test
    void aStaffReadWithoutAReasonIs400AndReadsNothing() {
        String sellerId = FairnessFixtures.verifiedKtpSeller(api, "MICRO", "3404").sellerId();
        for (String reason : new String[] { null, "", "    ", "why", "x".repeat(201) }) {
            Api.Request read = api.get("/api/v1/compliance/sellers/" + sellerId).bearer(officer);
            Api.Request queue = api.get("/api/v1/compliance/seller-applications").bearer(officer);
            if (reason != null) {
                read = read.header(REASON, reason);
                queue = queue.header(REASON, reason);
            }
            JsonNode problem = read.send().expect(400).json();
            assertThat(problem.get("code").asString()).isEqualTo("ACCESS_REASON_REQUIRED");
            assertThat(queue.send().expect(400).json().get("code").asString()).isEqualTo("ACCESS_REASON_REQUIRED");
        }
        // nothing was read, so nothing is logged
        assertThat(api.allItems("/api/v1/compliance/reports/data-access?sellerId=" + sellerId, auditor)).isEmpty();
        // an unknown seller is 404 once a reason is given
        api.get("/api/v1/compliance/sellers/" + UUID.randomUUID())
            .bearer(officer)
            .header(REASON, "checking a complaint")
            .send()
            .expect(404);
    }

    @Test
    void aReadWithAReasonIsSeenByTheAuditorAndByTheSellerAloneWithNumbersMasked() {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        String nik = SellerFixtures.nik(born, true);
        TestIdentityRegistry.confirm(nik);
        Seller seller = CatalogFixtures.apply(api,
                SellerFixtures.application("INDIVIDUAL", SellerFixtures.ktp(nik, born, "FEMALE", "WNI")), "VERIFIED");
        Seller other = FairnessFixtures.verifiedKtpSeller(api, "MICRO", "3404");
        String admin = api.adminToken();

        JsonNode read = api.get("/api/v1/compliance/sellers/" + seller.sellerId())
            .bearer(officer)
            .header(REASON, "Complaint #4411: counterfeit batik")
            .send()
            .expect(200)
            .json();
        assertThat(read.get("sellerId").asString()).isEqualTo(seller.sellerId());
        assertThat(read.toString()).doesNotContain(nik).contains(nik.substring(0, 6));
        api.get("/api/v1/compliance/sellers/" + seller.sellerId())
            .bearer(admin)
            .header(REASON, "Quarterly sample check")
            .send()
            .expect(200);

        List<JsonNode> audited = api.allItems("/api/v1/compliance/reports/data-access?sellerId=" + seller.sellerId(),
                auditor);
        assertThat(audited).hasSize(2);
        assertThat(audited.get(0).get("actorRole").asString()).isEqualTo("COMPLIANCE_OFFICER");
        assertThat(audited.get(0).get("reason").asString()).isEqualTo("Complaint #4411: counterfeit batik");
        assertThat(audited.get(0).get("resource").asString()).isEqualTo("GET /api/v1/compliance/sellers/{sellerId}");
        assertThat(audited.get(0).get("actor").asString()).isNotBlank();
        assertThat(audited.get(1).get("actorRole").asString()).isEqualTo("ADMIN");
        assertThat(audited.get(1).get("reason").asString()).isEqualTo("Quarterly sample check");

        String csv = api.get("/api/v1/compliance/reports/data-access?sellerId=" + seller.sellerId())
            .bearer(auditor)
            .header("Accept", "text/csv")
            .send()
            .expect(200)
            .body();
        assertThat(csv).startsWith("id,accessedAt,actor,actorRole,sellerId,resource,reason")
            .contains("Complaint #4411: counterfeit batik")
            .doesNotContain(nik);

        List<JsonNode> own = api.allItems("/api/v1/sellers/me/data-access", seller.token());
        assertThat(own).extracting(e -> e.get("reason").asString())
            .containsExactly("Complaint #4411: counterfeit batik", "Quarterly sample check");
        assertThat(api.allItems("/api/v1/sellers/me/data-access", other.token())).isEmpty();
    }

    /**
     * A reason is free text: in the auditors' CSV it must never become a spreadsheet
     * formula.
     */
    @Test
    void aReasonThatLooksLikeAFormulaIsExportedAsText() {
        Seller seller = FairnessFixtures.verifiedKtpSeller(api, "MICRO", "3404");
        List<String> formulas = List.of("=HYPERLINK(\"http://evil.example\",\"klik\")", "+1+cmd|' /C calc'!A0",
                "-2+3 as a sum", "@SUM(A1:A9) please");
        for (String reason : formulas) {
            api.get("/api/v1/compliance/sellers/" + seller.sellerId())
                .bearer(officer)
                .header(REASON, reason)
                .send()
                .expect(200);
        }

        String csv = api.get("/api/v1/compliance/reports/data-access?sellerId=" + seller.sellerId())
            .bearer(auditor)
            .header("Accept", "text/csv")
            .send()
            .expect(200)
            .body();

        List<String> reasons = csv.lines()
            .skip(1)
            .map(line -> line.substring(line.lastIndexOf(",GET ") + 1))
            .map(cells -> cells.substring(cells.indexOf(',') + 1))
            .toList();
        assertThat(reasons).hasSize(formulas.size()).allSatisfy(cell -> assertThat(cell).matches("^\"?'.*"));
        assertThat(csv).contains("'=HYPERLINK(").contains("'@SUM(A1:A9) please");
    }

    @Test
    void theApplicationQueueLogsEverySellerItReturns() {
        String pending = CatalogFixtures.apply(api, SellerFixtures.pendingKtpApplication(), "PENDING_REVIEW")
            .sellerId();
        List<String> returned = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api
                .get("/api/v1/compliance/seller-applications?size=100" + (cursor == null ? "" : "&cursor=" + cursor))
                .bearer(officer)
                .header(REASON, "Daily review of the queue")
                .send()
                .expect(200)
                .json();
            page.get("items").forEach(item -> returned.add(item.get("sellerId").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        while (cursor != null);
        assertThat(returned).contains(pending);

        List<JsonNode> logged = api.allItems("/api/v1/compliance/reports/data-access?sellerId=" + pending, auditor);
        assertThat(logged).extracting(e -> e.get("resource").asString())
            .contains("GET /api/v1/compliance/seller-applications");
    }

    @Test
    void onlyAuditorsAndAdminsListTheLogAndNobodyChangesIt() throws SQLException {
        for (String role : List.of("SHOPPER", "SELLER")) {
            api.get("/api/v1/compliance/reports/data-access").bearer(api.newAccount(role)).send().expect(403);
        }
        api.get("/api/v1/compliance/reports/data-access").bearer(officer).send().expect(403);
        api.get("/api/v1/compliance/reports/data-access").send().expect(401);
        api.get("/api/v1/compliance/reports/data-access").bearer(api.adminToken()).send().expect(200);
        api.get("/api/v1/compliance/reports/data-access?cursor=bm9wZQ").bearer(auditor).send().expect(400);
        // officers read sellers, not who read them; shoppers and sellers read no other
        // seller
        api.get("/api/v1/sellers/me/data-access").bearer(officer).send().expect(403);
        api.get("/api/v1/compliance/sellers/" + UUID.randomUUID())
            .bearer(api.newAccount("SELLER"))
            .header(REASON, "curious about a rival")
            .send()
            .expect(403);

        String sellerId = FairnessFixtures.verifiedKtpSeller(api, "MICRO", "3404").sellerId();
        api.get("/api/v1/compliance/sellers/" + sellerId)
            .bearer(officer)
            .header(REASON, "Checking a report")
            .send()
            .expect(200);
        try (Connection db = TestDatabase.instance().connect(); Statement sql = db.createStatement()) {
            assertThatThrownBy(
                    () -> sql.executeUpdate("UPDATE compliance.data_access_log SET reason = 'nothing to see'"))
                .hasMessageContaining("insert-only");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM compliance.data_access_log"))
                .hasMessageContaining("insert-only");
        }
    }

}
