package id.pasar.social;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.TestIdentityRegistry;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.onboarding.SellerFixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Creators are verified by the sellers' identity rules and decision log; one identity
 * backs one creator; the public profile shows no identity data.
 */
@IntegrationTest
class CreatorsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aConfirmedCreatorIsVerifiedLoggedAndHasAPublicProfile() {
        Map<String, Object> ktp = SocialFixtures.confirmedKtp();
        String nik = (String) ktp.get("nik");
        String handle = SocialFixtures.handle();
        String token = api.newAccount("CREATOR");
        JsonNode created = api.post("/api/v1/creators", SocialFixtures.application(handle, ktp, "3204"))
            .bearer(token)
            .send()
            .expect(201)
            .json();
        assertThat(created.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(created.get("maskedIdentity").asString())
            .isEqualTo(nik.substring(0, 6) + "********" + nik.substring(14));
        assertThat(created.toString()).doesNotContain(nik);
        String creatorId = created.get("creatorId").asString();

        Map<String, Object> decision = jdbc
            .sql("SELECT subject_type, outcome, decision_id FROM compliance.decisions WHERE subject_id = :id")
            .param("id", UUID.fromString(creatorId))
            .query()
            .singleRow();
        assertThat(decision.get("subject_type")).isEqualTo("CREATOR_APPLICATION");
        assertThat(decision.get("outcome")).isEqualTo("PASS");
        assertThat(decision.get("decision_id").toString()).isEqualTo(created.get("decisionId").asString());

        JsonNode profile = api.get("/api/v1/creators/" + handle.toUpperCase(Locale.ROOT)).send().expect(200).json();
        assertThat(profile.get("handle").asString()).isEqualTo(handle);
        assertThat(profile.get("displayName").asString()).isEqualTo("Kriya Nusantara");
        assertThat(profile.get("verified").asBoolean()).isTrue();
        assertThat(profile.get("followerCount").asLong()).isZero();
        assertThat(profile.get("platformAffiliated").asBoolean()).isFalse();
        assertThat(profile.toString()).doesNotContain(nik.substring(0, 6), "Budi", "maskedIdentity", "documentType");

        JsonNode mine = api.get("/api/v1/creators/me").bearer(token).send().expect(200).json();
        assertThat(mine.get("creatorId").asString()).isEqualTo(creatorId);
        byte[] stored = jdbc.sql("SELECT identity_ciphertext FROM social.creators WHERE id = :id")
            .param("id", UUID.fromString(creatorId))
            .query(byte[].class)
            .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(nik);
    }

    /**
     * The same identity refused as a seller is refused as a creator, for the same
     * reasons.
     */
    @Test
    void aCreatorIsRefusedByTheSellersRules() {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        LocalDate expiry = LocalDate.now().plusYears(3);
        List<List<Object>> cases = List.of(
                List.of(SellerFixtures.passport(SellerFixtures.passportNumber(), "MYS", born, "FEMALE", expiry, null),
                        SellerFixtures.passport(SellerFixtures.passportNumber(), "MYS", born, "FEMALE", expiry, null),
                        "3204"),
                List.of(SellerFixtures.ktp(SellerFixtures.nik(born, false), born, "MALE", "WNI"),
                        SellerFixtures.ktp(SellerFixtures.nik(born, false), born, "MALE", "WNI"), "9999"),
                List.of(SellerFixtures.ktp(SellerFixtures.nik(born, false), born, "MALE", "WNA"),
                        SellerFixtures.ktp(SellerFixtures.nik(born, false), born, "MALE", "WNA"), "3204"));
        for (List<Object> refused : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> asSeller = (Map<String, Object>) refused.get(0);
            @SuppressWarnings("unchecked")
            Map<String, Object> asCreator = (Map<String, Object>) refused.get(1);
            String regency = (String) refused.get(2);
            JsonNode seller = api
                .post("/api/v1/sellers", SellerFixtures.application("INDIVIDUAL", asSeller, regency, 100_000_000L))
                .bearer(api.newAccount("SELLER"))
                .send()
                .expect(201)
                .json();
            JsonNode creator = api
                .post("/api/v1/creators", SocialFixtures.application(SocialFixtures.handle(), asCreator, regency))
                .bearer(api.newAccount("CREATOR"))
                .send()
                .expect(201)
                .json();
            assertThat(seller.get("status").asString()).isEqualTo("REJECTED");
            assertThat(creator.get("status").asString()).isEqualTo("REJECTED");
            assertThat(reasons(creator)).isNotEmpty().isEqualTo(reasons(seller));
        }
        JsonNode foreign = api.post("/api/v1/creators", SocialFixtures.application(SocialFixtures.handle(),
                SellerFixtures.passport(SellerFixtures.passportNumber(), "SGP", born, "MALE", expiry, null), "3204"))
            .bearer(api.newAccount("CREATOR"))
            .send()
            .expect(201)
            .json();
        assertThat(reasons(foreign)).contains("FOREIGN_NATIONALITY");
        JsonNode abroad = api
            .post("/api/v1/creators",
                    SocialFixtures.application(SocialFixtures.handle(), SocialFixtures.confirmedKtp(), "99.99"))
            .bearer(api.newAccount("CREATOR"))
            .send()
            .expect(201)
            .json();
        assertThat(reasons(abroad)).containsExactly("ADDRESS_NOT_DOMESTIC");
        assertThat(api.get("/api/v1/creators/" + abroad.get("handle").asString()).send().status()).isEqualTo(404);
    }

    @Test
    void oneNikBacksOneCreatorAndMayBackASellerToo() {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        String nik = SellerFixtures.nik(born, true);
        TestIdentityRegistry.confirm(nik);
        CatalogFixtures.apply(api, SellerFixtures.ktpApplication(nik, born, "FEMALE", "WNI"), "VERIFIED");
        SocialFixtures.apply(api, SocialFixtures.application(SocialFixtures.handle(),
                SellerFixtures.ktp(nik, born, "FEMALE", "WNI"), "3204"), "VERIFIED");
        JsonNode second = api
            .post("/api/v1/creators", SocialFixtures.application(SocialFixtures.handle(),
                    SellerFixtures.ktp(nik.substring(0, 6) + "." + nik.substring(6), born, "FEMALE", "WNI"), "3204"))
            .bearer(api.newAccount("CREATOR"))
            .send()
            .expect(201)
            .json();
        assertThat(second.get("status").asString()).isEqualTo("REJECTED");
        assertThat(reasons(second)).containsExactly("IDENTITY_ALREADY_REGISTERED");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        String token = api.newAccount("CREATOR");
        Map<String, Object> ktp = SocialFixtures.confirmedKtp();
        assertThat(api.post("/api/v1/creators", null)
            .rawBody(java.net.http.HttpRequest.BodyPublishers.ofString("{\"handle\": "), "application/json")
            .bearer(token)
            .send()
            .expect(400)
            .json()
            .get("code")
            .asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(api.post("/api/v1/creators", Map.of("handle", 42, "displayName", List.of(), "identity", "x"))
            .bearer(token)
            .send()
            .status()).isEqualTo(400);
        for (String bad : List.of("me", "ab", "a".repeat(31), "budi santoso", "budi-art", "büdi", "")) {
            assertThat(api.post("/api/v1/creators", SocialFixtures.application(bad, ktp, "3204"))
                .bearer(token)
                .send()
                .expect(400)
                .json()
                .get("code")
                .asString()).as(bad).isEqualTo("VALIDATION_FAILED");
        }
        Map<String, Object> noNik = new java.util.HashMap<>(ktp);
        noNik.put("nik", "12");
        assertThat(api.post("/api/v1/creators", SocialFixtures.application(SocialFixtures.handle(), noNik, "3204"))
            .bearer(token)
            .send()
            .status()).isEqualTo(400);

        SocialFixtures.Creator first = SocialFixtures.verifiedCreator(api);
        assertThat(api
            .post("/api/v1/creators", SocialFixtures.application(first.handle().toUpperCase(Locale.ROOT), ktp, "3204"))
            .bearer(token)
            .send()
            .expect(409)
            .json()
            .get("code")
            .asString()).isEqualTo("HANDLE_TAKEN");
        assertThat(api.post("/api/v1/creators", SocialFixtures.application(SocialFixtures.handle(), ktp, "3204"))
            .bearer(first.token())
            .send()
            .expect(409)
            .json()
            .get("code")
            .asString()).isEqualTo("CREATOR_EXISTS");
        assertThat(api.get("/api/v1/creators/nobody.here").send().expect(404).json().get("code").asString())
            .isEqualTo("CREATOR_NOT_FOUND");
        assertThat(api.post("/api/v1/creators", SocialFixtures.application(SocialFixtures.handle(), ktp, "3204"))
            .bearer(api.newAccount("SHOPPER"))
            .send()
            .status()).isEqualTo(403);
    }

    /**
     * Every seller route and every auditor report of the role matrix, tried with a
     * verified creator's token: 403, whatever the path's ids.
     */
    @Test
    void aCreatorCannotReadAnySellersSales() throws Exception {
        SocialFixtures.Creator creator = SocialFixtures.verifiedCreator(api);
        List<String> paths = new ArrayList<>();
        try (BufferedReader matrix = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/security/role-matrix.csv"), StandardCharsets.UTF_8))) {
            for (String line = matrix.readLine(); line != null; line = matrix.readLine()) {
                String[] columns = line.split(",", -1);
                if (columns.length == 3 && columns[0].equals("GET") && (columns[1].startsWith("/api/v1/sellers/")
                        || columns[1].startsWith("/api/v1/compliance/reports/"))) {
                    paths.add(columns[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString()));
                }
            }
        }
        assertThat(paths).contains("/api/v1/sellers/me/orders", "/api/v1/sellers/me/ledger",
                "/api/v1/compliance/reports/sellers");
        for (String path : paths) {
            assertThat(api.get(path).bearer(creator.token()).send().status()).as(path).isEqualTo(403);
        }
    }

    private static List<String> reasons(JsonNode creatorOrSeller) {
        List<String> reasons = new ArrayList<>();
        creatorOrSeller.get("reasons").forEach(reason -> reasons.add(reason.asString()));
        return reasons;
    }

}
