package id.pasar.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.onboarding.SellerFixtures;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OWASP API5 (broken function-level authorization). {@link RoleMatrixTest} calls every
 * endpoint with every role; here the attacks that matter most are played out to the end,
 * and the state behind them is checked unchanged: a seller approving its own application
 * or revoking a competitor, a shopper making itself staff, an auditor writing, and method
 * tricks.
 */
@IntegrationTest
class Api5FunctionLevelAuthorizationTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aSellerCannotApproveItsOwnApplication() {
        String token = api.newAccount("SELLER");
        String sellerId = api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication())
            .bearer(token)
            .send()
            .expect(201)
            .json()
            .get("sellerId")
            .asString();

        forbidden(api
            .post("/api/v1/compliance/seller-applications/" + sellerId + "/decision",
                    Map.of("decision", "APPROVE", "note", "saya sendiri"))
            .bearer(token)
            .send());
        forbidden(api.get("/api/v1/compliance/seller-applications?status=PENDING_REVIEW")
            .bearer(token)
            .header("X-Access-Reason", "curious seller")
            .send());

        assertThat(api.get("/api/v1/sellers/me").bearer(token).send().expect(200).json().get("status").asString())
            .isEqualTo("PENDING_REVIEW");
    }

    @Test
    void aSellerCannotRevokeACompetitor() {
        Seller competitor = CatalogFixtures.verifiedSeller(api);
        Seller attacker = CatalogFixtures.verifiedSeller(api);

        forbidden(
                api.post("/api/v1/compliance/sellers/" + competitor.sellerId() + "/revoke", Map.of("reason", "pesaing"))
                    .bearer(attacker.token())
                    .send());

        assertThat(api.get("/api/v1/sellers/me")
            .bearer(competitor.token())
            .send()
            .expect(200)
            .json()
            .get("status")
            .asString()).isEqualTo("VERIFIED");
    }

    @Test
    void noSelfServiceRoleCreatesAccounts() {
        for (String role : new String[] { "SHOPPER", "SELLER" }) {
            String email = "staff-" + UUID.randomUUID() + "@example.id";
            forbidden(api
                .post("/api/v1/admin/users",
                        Map.of("email", email, "password", "rahasia-sekali", "displayName", "Me", "role", "ADMIN"))
                .bearer(api.newAccount(role))
                .send());
            api.post("/api/v1/auth/token", Map.of("email", email, "password", "rahasia-sekali")).send().expect(401);
        }
    }

    @Test
    void auditorsOnlyReadAndOfficersDoNotReadTheAuditorsReports() {
        String auditor = api.newStaffAccount("AUDITOR");
        Seller seller = CatalogFixtures.pendingSeller(api);
        forbidden(api
            .post("/api/v1/compliance/seller-applications/" + seller.sellerId() + "/decision",
                    Map.of("decision", "APPROVE"))
            .bearer(auditor)
            .send());
        forbidden(api.post("/api/v1/compliance/sellers/" + seller.sellerId() + "/revoke", Map.of("reason", "x"))
            .bearer(auditor)
            .send());
        forbidden(api.post("/api/v1/admin/users", Map.of()).bearer(auditor).send());

        String officer = api.newStaffAccount("COMPLIANCE_OFFICER");
        forbidden(api.get("/api/v1/compliance/decisions").bearer(officer).send());
        forbidden(api.get("/api/v1/compliance/reports/sellers").bearer(officer).send());
        forbidden(api.post("/api/v1/admin/users", Map.of()).bearer(officer).send());
    }

    @Test
    void aMethodOverrideHeaderIsNotAWayAround() {
        String shopper = api.newAccount("SHOPPER");
        // A GET the shopper may not make does not become allowed by asking for another
        // method, nor the reverse.
        forbidden(api.get("/api/v1/compliance/decisions")
            .bearer(shopper)
            .header("X-HTTP-Method-Override", "POST")
            .send());
        forbidden(api.post("/api/v1/admin/users", Map.of())
            .bearer(shopper)
            .header("X-HTTP-Method-Override", "GET")
            .send());
        forbidden(api.post("/api/v1/admin/users?_method=GET", Map.of()).bearer(shopper).send());
    }

    private static void forbidden(Api.Response response) {
        response.expect(403);
        assertThat(response.json().get("code").asString()).isEqualTo("FORBIDDEN");
    }

}
