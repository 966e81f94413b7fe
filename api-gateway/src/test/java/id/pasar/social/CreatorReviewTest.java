package id.pasar.social;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.onboarding.SellerReviewTest;
import id.pasar.social.Creators.CreatorStanding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Compliance officers review pending creators and revoke verified ones, as they do
 * sellers: every read needs a reason and is logged per creator, every decision is in the
 * decision log, and a revoked creator disappears from every view of the social side.
 */
@IntegrationTest
class CreatorReviewTest {

    private static final String REASON = "X-Access-Reason";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Creators creators;

    Api api;

    String officer;

    @BeforeEach
    void client() {
        api = new Api(port);
        officer = api.newStaffAccount("COMPLIANCE_OFFICER");
    }

    /** A creator whose KTP no registry confirmed: it waits for an officer. */
    private SocialFixtures.Creator pendingCreator() {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        return SocialFixtures.apply(api,
                SocialFixtures.application(SocialFixtures.handle(),
                        SellerFixtures.ktp(SellerFixtures.nik(born, false), born, "MALE", "WNI"), "3204"),
                "PENDING_REVIEW");
    }

    private Api.Response decide(String creatorId, String decision) {
        return api
            .post("/api/v1/compliance/creator-applications/" + creatorId + "/decision",
                    Map.of("decision", decision, "note", "KTP checked on a video call"))
            .bearer(officer)
            .send();
    }

    private Api.Response revoke(String creatorId) {
        return api
            .post("/api/v1/compliance/creators/" + creatorId + "/revoke",
                    Map.of("reason", "Promoted counterfeit goods after three warnings"))
            .bearer(officer)
            .send();
    }

    private static Map<String, Object> post(String text) {
        return Map.of("text", text, "photoIds", List.of(), "listingIds", List.of());
    }

    @Test
    void anOfficerApprovesAPendingCreatorWhoMayThenPost() throws Exception {
        SocialFixtures.Creator creator = pendingCreator();
        assertThat(api.post("/api/v1/posts", post("Sebelum diverifikasi"))
            .bearer(creator.token())
            .send()
            .expect(422)
            .json()
            .get("code")
            .asString()).isEqualTo("AUTHOR_NOT_VERIFIED");

        JsonNode approved = decide(creator.creatorId(), "APPROVE").expect(200).json();

        assertThat(approved.get("creatorId").asString()).isEqualTo(creator.creatorId());
        assertThat(approved.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(approved.get("reasons")).isEmpty();
        assertThat(approved.get("handle").asString()).isEqualTo(creator.handle());
        assertThat(approved.get("maskedIdentity").asString()).matches("\\d{6}\\*{8}\\d{2}");
        assertThat(SellerReviewTest.decisionsAbout(creator.creatorId())).containsExactly("CREATOR_APPLICATION REVIEW",
                "CREATOR_REVIEW PASS");
        Map<String, Object> logged = jdbc
            .sql("SELECT decision_id, actor FROM compliance.decisions WHERE subject_id = :id "
                    + "AND subject_type = 'CREATOR_REVIEW'")
            .param("id", UUID.fromString(creator.creatorId()))
            .query()
            .singleRow();
        assertThat(logged.get("decision_id").toString()).isEqualTo(approved.get("decisionId").asString());
        assertThat(logged.get("actor").toString()).isNotBlank().isNotEqualTo("system");
        assertThat(jdbc.sql("SELECT note FROM social.creator_reviews WHERE decision_id = :id")
            .param("id", UUID.fromString(approved.get("decisionId").asString()))
            .query(String.class)
            .single()).isEqualTo("KTP checked on a video call");

        SocialFixtures.post(api, creator.token(), post("Sudah diverifikasi"));
        assertThat(
                api.get("/api/v1/creators/" + creator.handle()).send().expect(200).json().get("verified").asBoolean())
            .isTrue();
        assertThat(creators.standing(UUID.fromString(creator.creatorId()))).hasValueSatisfying(standing -> {
            assertThat(standing.status()).isEqualTo(CreatorStatus.VERIFIED);
            assertThat(standing.verified()).isTrue();
            assertThat(standing.platformAffiliated()).isFalse();
        });
    }

    @Test
    void anOfficerRejectsAPendingCreatorWhoMayApplyAgain() throws Exception {
        SocialFixtures.Creator creator = pendingCreator();

        JsonNode rejected = decide(creator.creatorId(), "REJECT").expect(200).json();

        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("reasons").get(0).asString()).isEqualTo("OFFICER_REJECTED");
        assertThat(SellerReviewTest.decisionsAbout(creator.creatorId())).containsExactly("CREATOR_APPLICATION REVIEW",
                "CREATOR_REVIEW FAIL");
        api.get("/api/v1/creators/" + creator.handle()).send().expect(404);
        api.post("/api/v1/posts", post("Ditolak")).bearer(creator.token()).send().expect(422);

        LocalDate born = SellerFixtures.someAdultBirthDate();
        JsonNode again = api
            .post("/api/v1/creators",
                    SocialFixtures.application(creator.handle(),
                            SellerFixtures.ktp(SellerFixtures.nik(born, false), born, "MALE", "WNI"), "3204"))
            .bearer(creator.token())
            .send()
            .expect(201)
            .json();
        assertThat(again.get("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(again.get("creatorId").asString()).isEqualTo(creator.creatorId());
    }

    @Test
    void decidingACreatorThatIsNotPendingIs409() {
        SocialFixtures.Creator verified = SocialFixtures.verifiedCreator(api);
        Api.Response onVerified = decide(verified.creatorId(), "REJECT");
        onVerified.expect(409);
        assertThat(onVerified.json().get("code").asString()).isEqualTo("APPLICATION_NOT_PENDING");

        SocialFixtures.Creator pending = pendingCreator();
        Api.Response revokePending = revoke(pending.creatorId());
        revokePending.expect(409);
        assertThat(revokePending.json().get("code").asString()).isEqualTo("CREATOR_NOT_VERIFIED");
        decide(pending.creatorId(), "REJECT").expect(200);
        Api.Response twice = decide(pending.creatorId(), "APPROVE");
        twice.expect(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("APPLICATION_NOT_PENDING");
        assertThat(api.get("/api/v1/creators/me").bearer(pending.token()).send().json().get("status").asString())
            .isEqualTo("REJECTED");
    }

    @Test
    void aRevokedCreatorIsShownNowhereAndCanNeitherPostNorBeFollowed() throws Exception {
        SocialFixtures.Creator creator = SocialFixtures.verifiedCreator(api);
        String postId = SocialFixtures.post(api, creator.token(), post("Tas rotan dari Cirebon"));
        String shopper = api.newAccount("SHOPPER");
        api.put("/api/v1/follows/creators/" + creator.creatorId(), null).bearer(shopper).send().expect(204);
        api.post("/api/v1/posts/" + postId + "/comments", Map.of("text", "Bagus!")).bearer(shopper).send().expect(201);
        assertThat(feed(shopper)).contains(postId);
        assertThat(discover()).contains(postId);

        JsonNode revoked = revoke(creator.creatorId()).expect(200).json();

        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("reasons").get(0).asString()).isEqualTo("OFFICER_REVOKED");
        assertThat(SellerReviewTest.decisionsAbout(creator.creatorId())).endsWith("CREATOR_REVOCATION FAIL");
        assertThat(creators.standing(UUID.fromString(creator.creatorId()))).map(CreatorStanding::status)
            .hasValue(CreatorStatus.REVOKED);
        assertThat(api.get("/api/v1/creators/" + creator.handle()).send().expect(404).json().get("code").asString())
            .isEqualTo("CREATOR_NOT_FOUND");
        assertThat(api.get("/api/v1/posts/" + postId).send().expect(404).json().get("code").asString())
            .isEqualTo("POST_NOT_FOUND");
        api.get("/api/v1/posts/" + postId + "/comments").send().expect(404);
        api.put("/api/v1/posts/" + postId + "/like", null).bearer(shopper).send().expect(404);
        api.post("/api/v1/posts/" + postId + "/comments", Map.of("text", "Masih ada?"))
            .bearer(shopper)
            .send()
            .expect(404);
        assertThat(feed(shopper)).doesNotContain(postId);
        assertThat(discover()).doesNotContain(postId);
        // the follow stays, showing nothing; no new follow
        assertThat(jdbc.sql("SELECT count(*) FROM social.follows WHERE followee_id = :id")
            .param("id", UUID.fromString(creator.creatorId()))
            .query(Long.class)
            .single()).isEqualTo(1);
        assertThat(api.put("/api/v1/follows/creators/" + creator.creatorId(), null)
            .bearer(api.newAccount("SHOPPER"))
            .send()
            .expect(404)
            .json()
            .get("code")
            .asString()).isEqualTo("FOLLOWEE_NOT_FOUND");
        assertThat(api.post("/api/v1/posts", post("Masih bisa?"))
            .bearer(creator.token())
            .send()
            .expect(422)
            .json()
            .get("code")
            .asString()).isEqualTo("AUTHOR_NOT_VERIFIED");
        api.patch("/api/v1/posts/" + postId, Map.of("text", "diubah")).bearer(creator.token()).send().expect(404);

        // the creator sees its own status; revoking again is 409
        assertThat(api.get("/api/v1/creators/me").bearer(creator.token()).send().json().get("status").asString())
            .isEqualTo("REVOKED");
        assertThat(revoke(creator.creatorId()).expect(409).json().get("code").asString())
            .isEqualTo("CREATOR_NOT_VERIFIED");
    }

    @Test
    void aRevokedIdentityCannotComeBackUnderTheSameOrAnotherAccount() {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        String nik = SellerFixtures.nik(born, false);
        SocialFixtures.Creator creator = SocialFixtures.apply(api, SocialFixtures.application(SocialFixtures.handle(),
                SellerFixtures.ktp(nik, born, "MALE", "WNI"), "3204"), "PENDING_REVIEW");
        decide(creator.creatorId(), "APPROVE").expect(200);
        revoke(creator.creatorId()).expect(200);

        assertThat(api.post("/api/v1/creators",
                SocialFixtures.application(SocialFixtures.handle(), SellerFixtures.ktp(nik, born, "MALE", "WNI"),
                        "3204"))
            .bearer(creator.token())
            .send()
            .expect(409)
            .json()
            .get("code")
            .asString()).isEqualTo("CREATOR_EXISTS");
        JsonNode comeback = api
            .post("/api/v1/creators",
                    SocialFixtures.application(SocialFixtures.handle(), SellerFixtures.ktp(nik, born, "MALE", "WNI"),
                            "3204"))
            .bearer(api.newAccount("CREATOR"))
            .send()
            .expect(201)
            .json();
        assertThat(comeback.get("status").asString()).isEqualTo("REJECTED");
        assertThat(comeback.get("reasons").get(0).asString()).isEqualTo("IDENTITY_ALREADY_REGISTERED");
    }

    @Test
    void officersPageThroughPendingCreatorsOldestFirstAndEachReadIsLogged() {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        String nik = SellerFixtures.nik(born, false);
        List<String> mine = new ArrayList<>();
        mine.add(
                SocialFixtures
                    .apply(api,
                            SocialFixtures.application(SocialFixtures.handle(),
                                    SellerFixtures.ktp(nik, born, "MALE", "WNI"), "3204"),
                            "PENDING_REVIEW")
                    .creatorId());
        for (int i = 0; i < 2; i++) {
            mine.add(pendingCreator().creatorId());
        }
        List<String> seen = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api
                .get("/api/v1/compliance/creator-applications?status=PENDING_REVIEW&size=2"
                        + (cursor != null ? "&cursor=" + cursor : ""))
                .bearer(officer)
                .header(REASON, "Daily review of the creator queue")
                .send()
                .expect(200)
                .json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(item -> {
                seen.add(item.get("creatorId").asString());
                items.add(item);
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(mine);
        assertThat(items).allSatisfy(item -> assertThat(item.get("status").asString()).isEqualTo("PENDING_REVIEW"));
        JsonNode first = items.get(seen.indexOf(mine.get(0)));
        assertThat(first.get("maskedIdentity").asString())
            .isEqualTo(nik.substring(0, 6) + "********" + nik.substring(14));
        assertThat(first.get("regencyCode").asString()).isEqualTo("32.04");
        assertThat(first.get("displayName").asString()).isEqualTo("Kriya Nusantara");
        assertThat(first.has("decisionId") && first.has("createdAt") && first.has("reasons")).isTrue();
        assertThat(items.toString()).doesNotContain(nik);

        JsonNode one = api.get("/api/v1/compliance/creators/" + mine.get(0))
            .bearer(api.adminToken())
            .header(REASON, "Complaint #5120 about a creator")
            .send()
            .expect(200)
            .json();
        assertThat(one.get("creatorId").asString()).isEqualTo(mine.get(0));
        assertThat(one.toString()).doesNotContain(nik);

        String auditor = api.newStaffAccount("AUDITOR");
        List<JsonNode> logged = api.allItems("/api/v1/compliance/reports/data-access?creatorId=" + mine.get(0),
                auditor);
        assertThat(logged).extracting(entry -> entry.get("resource").asString())
            .containsExactly("GET /api/v1/compliance/creator-applications",
                    "GET /api/v1/compliance/creators/{creatorId}");
        assertThat(logged).extracting(entry -> entry.get("reason").asString())
            .containsExactly("Daily review of the creator queue", "Complaint #5120 about a creator");
        assertThat(logged).extracting(entry -> entry.get("actorRole").asString())
            .containsExactly("COMPLIANCE_OFFICER", "ADMIN");
        assertThat(logged).allSatisfy(entry -> {
            assertThat(entry.get("creatorId").asString()).isEqualTo(mine.get(0));
            assertThat(entry.get("sellerId").isNull()).isTrue();
        });
        for (String other : mine.subList(1, 3)) {
            assertThat(api.allItems("/api/v1/compliance/reports/data-access?creatorId=" + other, auditor)).hasSize(1);
        }
        String csv = api.get("/api/v1/compliance/reports/data-access?creatorId=" + mine.get(0))
            .bearer(auditor)
            .header("Accept", "text/csv")
            .send()
            .expect(200)
            .body();
        assertThat(csv).startsWith("id,accessedAt,actor,actorRole,sellerId,resource,reason,creatorId")
            .contains("Complaint #5120 about a creator," + mine.get(0))
            .doesNotContain(nik);
    }

    @Test
    void aStaffReadWithoutAReasonIs400AndLogsNothing() {
        SocialFixtures.Creator creator = pendingCreator();
        for (String reason : new String[] { null, "", "   ", "why", "x".repeat(201) }) {
            Api.Request one = api.get("/api/v1/compliance/creators/" + creator.creatorId()).bearer(officer);
            Api.Request queue = api.get("/api/v1/compliance/creator-applications").bearer(officer);
            if (reason != null) {
                one = one.header(REASON, reason);
                queue = queue.header(REASON, reason);
            }
            assertThat(one.send().expect(400).json().get("code").asString()).isEqualTo("ACCESS_REASON_REQUIRED");
            assertThat(queue.send().expect(400).json().get("code").asString()).isEqualTo("ACCESS_REASON_REQUIRED");
        }
        assertThat(api.allItems("/api/v1/compliance/reports/data-access?creatorId=" + creator.creatorId(),
                api.newStaffAccount("AUDITOR")))
            .isEmpty();
    }

    @Test
    void unknownCreatorsAre404AndBadInputIs400() throws Exception {
        String unknown = UUID.randomUUID().toString();
        for (Api.Response response : List.of(decide(unknown, "APPROVE"), revoke(unknown),
                api.get("/api/v1/compliance/creators/" + unknown)
                    .bearer(officer)
                    .header(REASON, "Checking a complaint")
                    .send())) {
            response.expect(404);
            assertThat(response.json().get("code").asString()).isEqualTo("CREATOR_NOT_FOUND");
        }
        String creatorId = pendingCreator().creatorId();
        String decision = "/api/v1/compliance/creator-applications/" + creatorId + "/decision";
        assertThat(
                api.post(decision, "{\"decision\": ").bearer(officer).send().expect(400).json().get("code").asString())
            .isEqualTo("MALFORMED_REQUEST");
        assertThat(api.post(decision, Map.of("decision", 5))
            .bearer(officer)
            .send()
            .expect(400)
            .json()
            .get("code")
            .asString()).isIn("MALFORMED_REQUEST", "VALIDATION_FAILED");
        assertThat(api.post(decision, Map.of("decision", "MAYBE")).bearer(officer).send().status()).isEqualTo(400);
        assertThat(api.post(decision, Map.of("note", "no decision"))
            .bearer(officer)
            .send()
            .expect(400)
            .json()
            .get("code")
            .asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post(decision, Map.of("decision", "APPROVE", "note", "x".repeat(1001)))
            .bearer(officer)
            .send()
            .status()).isEqualTo(400);
        api.post("/api/v1/compliance/creator-applications/not-a-uuid/decision", Map.of("decision", "APPROVE"))
            .bearer(officer)
            .send()
            .expect(400);
        for (Object reason : List.of("", "   ", "x".repeat(1001))) {
            assertThat(api.post("/api/v1/compliance/creators/" + creatorId + "/revoke", Map.of("reason", reason))
                .bearer(officer)
                .send()
                .status()).isEqualTo(400);
        }
        api.post("/api/v1/compliance/creators/" + creatorId + "/revoke", "{}").bearer(officer).send().expect(400);
        for (String query : List.of("size=0", "size=101", "status=SLEEPING", "cursor=bm9wZQ",
                "cursor=" + sellerQueueCursor())) {
            assertThat(api.get("/api/v1/compliance/creator-applications?" + query)
                .bearer(officer)
                .header(REASON, "Daily review of the creator queue")
                .send()
                .status()).as(query).isEqualTo(400);
        }
        // nothing above changed the application
        assertThat(SellerReviewTest.decisionsAbout(creatorId)).isNotEmpty();
        assertThat(api.get("/api/v1/compliance/creators/" + creatorId)
            .bearer(officer)
            .header(REASON, "Checking after bad requests")
            .send()
            .expect(200)
            .json()
            .get("status")
            .asString()).isEqualTo("PENDING_REVIEW");
    }

    /** A cursor of the sellers' queue: not one this list gave out. */
    private String sellerQueueCursor() {
        api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication())
            .bearer(api.newAccount("SELLER"))
            .send()
            .expect(201);
        JsonNode page = api.get("/api/v1/compliance/seller-applications?size=1")
            .bearer(officer)
            .header(REASON, "Getting a cursor for a test")
            .send()
            .expect(200)
            .json();
        return page.get("nextCursor").isNull() ? "bm9wZQ" : page.get("nextCursor").asString();
    }

    @ParameterizedTest
    @ValueSource(strings = { "SELLER", "CREATOR", "SHOPPER", "AUDITOR" })
    void onlyOfficersAndAdminsReviewCreators(String role) {
        String token = role.equals("AUDITOR") ? api.newStaffAccount(role) : api.newAccount(role);
        String creatorId = pendingCreator().creatorId();
        for (Api.Request request : List.of(
                api.get("/api/v1/compliance/creator-applications").header(REASON, "curious about creators"),
                api.get("/api/v1/compliance/creators/" + creatorId).header(REASON, "curious about creators"),
                api.post("/api/v1/compliance/creator-applications/" + creatorId + "/decision",
                        Map.of("decision", "APPROVE")),
                api.post("/api/v1/compliance/creators/" + creatorId + "/revoke", Map.of("reason", "because")))) {
            assertThat(request.bearer(token).send().expect(403).json().get("code").asString()).isEqualTo("FORBIDDEN");
        }
        api.get("/api/v1/compliance/creators/" + creatorId).header(REASON, "anonymous").send().expect(401);
        assertThat(api.allItems("/api/v1/compliance/reports/data-access?creatorId=" + creatorId,
                api.newStaffAccount("AUDITOR")))
            .isEmpty();
        assertThat(decide(creatorId, "APPROVE").status()).isEqualTo(200);
    }

    @Test
    void anAdminDecidesAndRevokesToo() throws Exception {
        String admin = api.adminToken();
        String creatorId = pendingCreator().creatorId();
        api.post("/api/v1/compliance/creator-applications/" + creatorId + "/decision", Map.of("decision", "APPROVE"))
            .bearer(admin)
            .send()
            .expect(200);
        api.post("/api/v1/compliance/creators/" + creatorId + "/revoke", Map.of("reason", "Fraudulent giveaways"))
            .bearer(admin)
            .send()
            .expect(200);
        assertThat(SellerReviewTest.decisionsAbout(creatorId)).containsExactly("CREATOR_APPLICATION REVIEW",
                "CREATOR_REVIEW PASS", "CREATOR_REVOCATION FAIL");
        assertThat(jdbc
            .sql("SELECT concat_ws(' ', status, note) FROM social.creator_reviews WHERE creator_id = :id "
                    + "ORDER BY decided_at")
            .param("id", UUID.fromString(creatorId))
            .query(String.class)
            .list()).containsExactly("VERIFIED", "REVOKED Fraudulent giveaways");
    }

    private List<String> feed(String shopper) {
        return api.allItems("/api/v1/feed", shopper).stream().map(post -> post.get("postId").asString()).toList();
    }

    private List<String> discover() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/discover?size=100" + (cursor == null ? "" : "&cursor=" + cursor))
                .send()
                .expect(200)
                .json();
            page.get("items").forEach(item -> ids.add(item.get("postId").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        while (cursor != null);
        return ids;
    }

}
