package id.pasar.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Compliance officers review pending applications and revoke sellers; every step is a
 * logged decision.
 */
@IntegrationTest
public class SellerReviewTest {

    @LocalServerPort
    int port;

    Api api;

    String officer;

    @BeforeEach
    void client() {
        api = new Api(port);
        officer = api.newStaffAccount("COMPLIANCE_OFFICER");
    }

    private String pendingSeller() {
        return api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication())
            .bearer(api.newAccount("SELLER"))
            .send()
            .expect(201)
            .json()
            .get("sellerId")
            .asString();
    }

    private Api.Response decide(String sellerId, String decision) {
        return api
            .post("/api/v1/compliance/seller-applications/" + sellerId + "/decision",
                    Map.of("decision", decision, "note", "checked"))
            .bearer(officer)
            .send();
    }

    @Test
    void anOfficerApprovesAPendingApplication() throws Exception {
        String sellerId = pendingSeller();

        JsonNode seller = decide(sellerId, "APPROVE").expect(200).json();

        assertThat(seller.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(decisionsAbout(sellerId)).containsExactly("SELLER_APPLICATION REVIEW", "SELLER_REVIEW PASS");
    }

    @Test
    void anOfficerRejectsAPendingApplicationAndTheUserMayApplyAgain() throws Exception {
        String sellerToken = api.newAccount("SELLER");
        String sellerId = api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication())
            .bearer(sellerToken)
            .send()
            .expect(201)
            .json()
            .get("sellerId")
            .asString();

        JsonNode rejected = decide(sellerId, "REJECT").expect(200).json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("reasons").get(0).asString()).isEqualTo("OFFICER_REJECTED");

        api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication()).bearer(sellerToken).send().expect(201);
        assertThat(decisionsAbout(sellerId)).containsExactly("SELLER_APPLICATION REVIEW", "SELLER_REVIEW FAIL",
                "SELLER_APPLICATION REVIEW");
    }

    @Test
    void decidingAnApplicationThatIsNotPendingIs409() {
        String sellerId = pendingSeller();
        decide(sellerId, "APPROVE").expect(200);

        Api.Response again = decide(sellerId, "REJECT");

        again.expect(409);
        assertThat(again.json().get("code").asString()).isEqualTo("APPLICATION_NOT_PENDING");
    }

    @Test
    void revokingAVerifiedSellerIsLoggedAndFinal() throws Exception {
        String sellerId = pendingSeller();
        decide(sellerId, "APPROVE").expect(200);

        JsonNode revoked = api
            .post("/api/v1/compliance/sellers/" + sellerId + "/revoke", Map.of("reason", "counterfeit goods"))
            .bearer(officer)
            .send()
            .expect(200)
            .json();

        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("reasons").get(0).asString()).isEqualTo("OFFICER_REVOKED");
        assertThat(decisionsAbout(sellerId)).endsWith("SELLER_REVOCATION FAIL");
        Api.Response again = api.post("/api/v1/compliance/sellers/" + sellerId + "/revoke", Map.of("reason", "again"))
            .bearer(officer)
            .send();
        again.expect(409);
        assertThat(again.json().get("code").asString()).isEqualTo("SELLER_NOT_VERIFIED");
    }

    @Test
    void aRevokedIdentityCannotComeBackUnderAnotherAccount() {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        String nik = SellerFixtures.nik(born, false);
        String sellerId = api.post("/api/v1/sellers", SellerFixtures.ktpApplication(nik, born, "MALE", "WNI"))
            .bearer(api.newAccount("SELLER"))
            .send()
            .expect(201)
            .json()
            .get("sellerId")
            .asString();
        decide(sellerId, "APPROVE").expect(200);
        api.post("/api/v1/compliance/sellers/" + sellerId + "/revoke", Map.of("reason", "fraud"))
            .bearer(officer)
            .send()
            .expect(200);

        JsonNode comeback = api.post("/api/v1/sellers", SellerFixtures.ktpApplication(nik, born, "MALE", "WNI"))
            .bearer(api.newAccount("SELLER"))
            .send()
            .expect(201)
            .json();

        assertThat(comeback.get("status").asString()).isEqualTo("REJECTED");
        assertThat(comeback.get("reasons").get(0).asString()).isEqualTo("IDENTITY_ALREADY_REGISTERED");
    }

    @Test
    void officersPageThroughPendingApplicationsOldestFirst() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(pendingSeller());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api
                .get("/api/v1/compliance/seller-applications?status=PENDING_REVIEW&size=2"
                        + (cursor != null ? "&cursor=" + cursor : ""))
                .bearer(officer)
                .header("X-Access-Reason", "daily review queue")
                .send()
                .expect(200)
                .json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(item -> seen.add(item.get("sellerId").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(mine);
    }

    @Test
    void badListParametersAre400() {
        api.get("/api/v1/compliance/seller-applications?size=101")
            .bearer(officer)
            .header("X-Access-Reason", "daily review queue")
            .send()
            .expect(400);
        api.get("/api/v1/compliance/seller-applications?size=0")
            .bearer(officer)
            .header("X-Access-Reason", "daily review queue")
            .send()
            .expect(400);
        api.get("/api/v1/compliance/seller-applications?status=SLEEPING")
            .bearer(officer)
            .header("X-Access-Reason", "daily review queue")
            .send()
            .expect(400);
        api.get("/api/v1/compliance/seller-applications?cursor=bm9wZQ")
            .bearer(officer)
            .header("X-Access-Reason", "daily review queue")
            .send()
            .expect(400);
    }

    @Test
    void unknownSellersAre404() {
        api.post("/api/v1/compliance/seller-applications/" + UUID.randomUUID() + "/decision",
                Map.of("decision", "APPROVE"))
            .bearer(officer)
            .send()
            .expect(404);
        api.post("/api/v1/compliance/sellers/not-a-uuid/revoke", Map.of("reason", "x"))
            .bearer(officer)
            .send()
            .expect(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "SELLER", "SHOPPER" })
    void sellersAndShoppersCannotReview(String role) {
        String token = api.newAccount(role);
        String sellerId = pendingSeller();
        api.get("/api/v1/compliance/seller-applications").bearer(token).send().expect(403);
        api.post("/api/v1/compliance/seller-applications/" + sellerId + "/decision", Map.of("decision", "APPROVE"))
            .bearer(token)
            .send()
            .expect(403);
        api.post("/api/v1/compliance/sellers/" + sellerId + "/revoke", Map.of("reason", "x"))
            .bearer(token)
            .send()
            .expect(403);
    }

    @Test
    void auditorsCannotReviewButAdminsCan() {
        String auditor = api.newStaffAccount("AUDITOR");
        String sellerId = pendingSeller();
        api.post("/api/v1/compliance/seller-applications/" + sellerId + "/decision", Map.of("decision", "APPROVE"))
            .bearer(auditor)
            .send()
            .expect(403);
        api.post("/api/v1/compliance/seller-applications/" + sellerId + "/decision", Map.of("decision", "APPROVE"))
            .bearer(api.adminToken())
            .send()
            .expect(200);
    }

    public static List<String> decisionsAbout(String sellerId) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT subject_type || ' ' || outcome FROM compliance.decisions WHERE subject_id = ? ORDER BY sequence")) {
            select.setObject(1, UUID.fromString(sellerId));
            List<String> decisions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    decisions.add(rows.getString(1));
                }
            }
            return decisions;
        }
    }

}
