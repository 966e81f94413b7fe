package id.pasar.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.onboarding.internal.SellerOnboarding;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Verification is ongoing: a passport that expires takes its seller's verification with
 * it.
 */
@IntegrationTest
class PassportExpiryTest {

    @LocalServerPort
    int port;

    @Autowired
    SellerOnboarding onboarding;

    @Test
    void aVerifiedSellerWhosePassportExpiredIsRevokedAndAPendingOneRejected() throws Exception {
        Api api = new Api(port);
        String officer = api.newStaffAccount("COMPLIANCE_OFFICER");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        String verifiedToken = api.newAccount("SELLER");
        String pendingToken = api.newAccount("SELLER");
        String verified = apply(api, verifiedToken, today.plusYears(1));
        String pending = apply(api, pendingToken, today.plusYears(1));
        api.post("/api/v1/compliance/seller-applications/" + verified + "/decision", Map.of("decision", "APPROVE"))
            .bearer(officer)
            .send()
            .expect(200);

        // Time passes: both passports expire (yesterday, Jakarta time).
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement expire = connection
                    .prepareStatement("UPDATE onboarding.sellers SET passport_expiry = ? WHERE id IN (?, ?)")) {
            expire.setObject(1, today.minusDays(1));
            expire.setObject(2, UUID.fromString(verified));
            expire.setObject(3, UUID.fromString(pending));
            expire.executeUpdate();
        }
        onboarding.expirePassports();

        JsonNode revoked = api.get("/api/v1/sellers/me").bearer(verifiedToken).send().expect(200).json();
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("reasons").get(0).asString()).isEqualTo("PASSPORT_EXPIRED");
        assertThat(SellerReviewTest.decisionsAbout(verified)).endsWith("SELLER_REVOCATION FAIL");
        JsonNode rejected = api.get("/api/v1/sellers/me").bearer(pendingToken).send().expect(200).json();
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("reasons").get(0).asString()).isEqualTo("PASSPORT_EXPIRED");
        assertThat(SellerReviewTest.decisionsAbout(pending)).as("a rejected application, not a revoked seller")
            .endsWith("SELLER_REVIEW FAIL")
            .noneMatch(d -> d.startsWith("SELLER_REVOCATION"));

        onboarding.expirePassports(); // a second run finds nothing left to do
        assertThat(SellerReviewTest.decisionsAbout(verified)).filteredOn(d -> d.startsWith("SELLER_REVOCATION"))
            .hasSize(1);
    }

    private static String apply(Api api, String token, LocalDate expiry) {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        return api
            .post("/api/v1/sellers", SellerFixtures.application("INDIVIDUAL",
                    SellerFixtures.passport(SellerFixtures.passportNumber(), "IDN", born, "MALE", expiry, null)))
            .bearer(token)
            .send()
            .expect(201)
            .json()
            .get("sellerId")
            .asString();
    }

}
