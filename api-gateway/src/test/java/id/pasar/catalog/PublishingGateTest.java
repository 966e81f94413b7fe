package id.pasar.catalog;

import static id.pasar.catalog.CatalogFixtures.createDraft;
import static id.pasar.catalog.CatalogFixtures.listing;
import static id.pasar.catalog.CatalogFixtures.publishedListing;
import static id.pasar.catalog.CatalogFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.catalog.internal.ListingVersion;
import id.pasar.catalog.internal.Shelf;
import id.pasar.compliance.DecisionLog;
import id.pasar.compliance.DecisionLog.NewDecision;
import id.pasar.compliance.DecisionLog.Outcome;
import id.pasar.compliance.DecisionLog.SubjectType;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Invariant 1: nothing is visible to shoppers without a PASS for its current version. */
@IntegrationTest
class PublishingGateTest {

    @LocalServerPort
    int port;

    @Autowired
    Shelf shelf;

    @Autowired
    DecisionLog decisions;

    @Autowired
    TransactionTemplate transaction;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private boolean visible(String listingId) {
        return api.get("/api/v1/catalog/listings/" + listingId).send().status() == 200;
    }

    private boolean foundBySearch(String title) {
        JsonNode page = api.get("/api/v1/catalog/listings?q=" + title.replace(' ', '+') + "&size=100")
            .send()
            .expect(200)
            .json();
        return page.get("items").valueStream().anyMatch(item -> item.get("title").asString().equals(title));
    }

    private Api.Response publish(Seller seller, String listingId) {
        return api.post("/api/v1/listings/" + listingId + "/publish", Map.of()).bearer(seller.token()).send();
    }

    @Test
    void aVerifiedSellersCompliantListingIsPublishedAndFoundAtOnce() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String title = "Tas Rotan Bulat " + UUID.randomUUID().toString().substring(0, 6);
        String id = createDraft(api, seller, listing(title));
        assertThat(visible(id)).isFalse();

        JsonNode published = publish(seller, id).expect(200).json();

        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.get("decisionId").asString()).isNotBlank();
        assertThat(visible(id)).isTrue();
        assertThat(foundBySearch(title)).isTrue();
        JsonNode detail = api.get("/api/v1/catalog/listings/" + id).send().json();
        assertThat(detail.get("shopName").asString()).isEqualTo("Batik Sekar Jagad");
        assertThat(detail.get("provinceCode").asString()).isEqualTo("34");
    }

    @Test
    void anUnverifiedSellerIsRefusedWithTheReasonAndTheRefusalIsLogged() throws Exception {
        Seller seller = CatalogFixtures.pendingSeller(api);
        String id = createDraft(api, seller, listing("Keranjang Rotan"));

        Api.Response refused = publish(seller, id);

        refused.expect(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("COMPLIANCE_REJECTED");
        assertThat(refused.json().get("reasons").valueStream().map(JsonNode::asString))
            .containsExactly("SELLER_NOT_VERIFIED");
        assertThat(decisionsAbout(id)).containsExactly("LISTING_PUBLICATION FAIL v2");
        assertThat(visible(id)).isFalse();
        JsonNode mine = api.get("/api/v1/listings/" + id).bearer(seller.token()).send().expect(200).json();
        assertThat(mine.get("status").asString()).isEqualTo("DRAFT");
        assertThat(mine.get("reasons").get(0).asString()).isEqualTo("SELLER_NOT_VERIFIED");
    }

    @Test
    void aListingWithSeveralProblemsGetsEveryReason() {
        Seller seller = CatalogFixtures.pendingSeller(api);
        String id = createDraft(api, seller,
                with(with(listing("Senapan Angin"), "categoryCode", "senjata"), "shipFromRegencyCode", "99.01"));

        Api.Response refused = publish(seller, id);

        refused.expect(422);
        assertThat(refused.json().get("reasons").valueStream().map(JsonNode::asString))
            .containsExactly("SELLER_NOT_VERIFIED", "SHIP_FROM_NOT_DOMESTIC", "PROHIBITED_CATEGORY");
    }

    @Test
    void regulatedCategoriesNeedALicenceOfTheRightForm() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        Map<String, Object> sambal = with(listing("Sambal Bawang Pedas"), "categoryCode", "sambal-bumbu");
        String without = createDraft(api, seller, sambal);
        String wrongForm = createDraft(api, seller, with(sambal, "regulatoryLicence", "NA18150900279"));
        String pirt = createDraft(api, seller,
                with(with(with(sambal, "regulatoryLicence", "P-IRT 206327101023225"), "halalStatus", "CERTIFIED"),
                        "halalCertificateNumber", "ID 3111 0001 2345 67"));

        assertThat(publish(seller, without).expect(422).json().get("reasons").get(0).asString())
            .isEqualTo("LICENCE_REQUIRED");
        assertThat(publish(seller, wrongForm).expect(422).json().get("reasons").get(0).asString())
            .isEqualTo("LICENCE_REQUIRED");
        publish(seller, pirt).expect(200);
    }

    @Test
    void aWellFormedForeignShipFromIsADraftButIsRefusedAtPublishing() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String id = createDraft(api, seller, with(listing("Tikar Pandan"), "shipFromRegencyCode", "9901"));
        assertThat(publish(seller, id).expect(422).json().get("reasons").valueStream().map(JsonNode::asString))
            .containsExactly("SHIP_FROM_NOT_DOMESTIC");
    }

    @Test
    void editingAPublishedListingTakesItDownUntilItPassesAgain() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String id = publishedListing(api, seller, listing("Lampu Rotan Gantung"));

        JsonNode edited = api
            .put("/api/v1/listings/" + id, with(listing("Lampu Rotan Gantung Besar"), "priceIdr", 275_000))
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();

        assertThat(edited.get("status").asString()).isEqualTo("DRAFT");
        assertThat(edited.get("version").asInt()).isEqualTo(2);
        assertThat(visible(id)).isFalse();
        publish(seller, id).expect(200);
        assertThat(visible(id)).isTrue();
        assertThat(decisionsAbout(id)).containsExactly("LISTING_PUBLICATION PASS v2", "LISTING_PUBLICATION PASS v2");
    }

    @Test
    void stockAloneNeedsNoNewCheck() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String id = publishedListing(api, seller, listing("Nampan Rotan"));

        JsonNode restocked = api.put("/api/v1/listings/" + id + "/stock", Map.of("stock", 0))
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();

        assertThat(restocked.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(restocked.get("version").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/catalog/listings/" + id).send().expect(200).json().get("inStock").asBoolean())
            .isFalse();
    }

    @Test
    void unpublishingTakesTheListingOffTheShelf() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String id = publishedListing(api, seller, listing("Kap Lampu Anyaman"));
        JsonNode draft = api.post("/api/v1/listings/" + id + "/unpublish", Map.of())
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(visible(id)).isFalse();
    }

    @Test
    void revokingASellerSuspendsAllItsListingsEachWithADecision() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(publishedListing(api, seller, listing("Kursi Rotan " + i)));
        }
        String draft = createDraft(api, seller, listing("Meja Rotan"));
        String officer = api.newStaffAccount("COMPLIANCE_OFFICER");

        api.post("/api/v1/compliance/sellers/" + seller.sellerId() + "/revoke", Map.of("reason", "counterfeit"))
            .bearer(officer)
            .send()
            .expect(200);

        for (String id : ids) {
            assertThat(visible(id)).isFalse();
            JsonNode listing = api.get("/api/v1/listings/" + id).bearer(seller.token()).send().expect(200).json();
            assertThat(listing.get("status").asString()).isEqualTo("SUSPENDED");
            assertThat(listing.get("reasons").get(0).asString()).isEqualTo("SELLER_NOT_VERIFIED");
            assertThat(decisionsAbout(id)).endsWith("LISTING_SUSPENSION FAIL v2");
        }
        assertThat(decisionsAbout(draft)).isEmpty();
        Api.Response again = publish(seller, ids.get(0));
        again.expect(422);
        assertThat(again.json().get("reasons").get(0).asString()).isEqualTo("SELLER_NOT_VERIFIED");
    }

    @Test
    void theCatalogRefusesToPublishWithoutAPassForThatVersion() throws Exception {
        Seller seller = CatalogFixtures.pendingSeller(api);
        String id = createDraft(api, seller, listing("Tudung Saji"));
        UUID listingId = UUID.fromString(id);
        publish(seller, id).expect(422);
        UUID fail = UUID.fromString(
                api.get("/api/v1/listings/" + id).bearer(seller.token()).send().json().get("decisionId").asString());
        UUID passForAnotherVersion = transaction.execute(status -> decisions
            .append(new NewDecision(SubjectType.LISTING_PUBLICATION, listingId, 7, Outcome.PASS, List.of(), "test",
                    "v1"))
            .decisionId());
        UUID passForOtherContent = transaction.execute(status -> decisions
            .append(new NewDecision(SubjectType.LISTING_PUBLICATION, listingId, 1, Outcome.PASS, List.of(), "test",
                    "v2", "0".repeat(64)))
            .decisionId());
        UUID passNamingNoContent = transaction.execute(status -> decisions
            .append(new NewDecision(SubjectType.LISTING_PUBLICATION, listingId, 1, Outcome.PASS, List.of(), "test",
                    "v2"))
            .decisionId());
        ListingVersion draft = new ListingVersion(listingId, 1, contentHashOf(id));

        for (UUID proof : List.of(fail, passForAnotherVersion, passForOtherContent, passNamingNoContent,
                UUID.randomUUID())) {
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> shelf.publish(draft, proof, "v1", "X")))
                .isInstanceOf(IllegalStateException.class);
        }
        assertThat(visible(id)).isFalse();
    }

    @Test
    void theDatabaseRefusesAPublishedRowWithoutAPass() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String draft = createDraft(api, seller, listing("Bakul Nasi"));
        String published = publishedListing(api, seller, listing("Bakul Nasi Kecil"));
        try (Connection connection = TestDatabase.instance().connect()) {
            assertThatThrownBy(() -> connection.createStatement()
                .executeUpdate("UPDATE catalog.listings SET status = 'PUBLISHED' WHERE id = '" + draft + "'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no compliance PASS");
            // a PASS bound to version 1 does not cover version 2
            assertThatThrownBy(() -> connection.createStatement()
                .executeUpdate("UPDATE catalog.listings SET version = version + 1, title = 'diganti' WHERE id = '"
                        + published + "'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no compliance PASS");
            // another listing's PASS does not cover this one
            assertThatThrownBy(() -> connection.createStatement()
                .executeUpdate(
                        "UPDATE catalog.listings SET status = 'PUBLISHED', decision_id = (SELECT decision_id FROM catalog.listings "
                                + "WHERE id = '" + published + "') WHERE id = '" + draft + "'"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no compliance PASS");
        }
        assertThat(visible(draft)).isFalse();
    }

    @Test
    void theDatabaseRefusesAChangeOfCheckedContentUnderThePassThatCheckedOtherContent() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        Seller other = CatalogFixtures.pendingSeller(api);
        String published = publishedListing(api, seller, listing("Baki Rotan Persegi"));
        try (Connection connection = TestDatabase.instance().connect()) {
            for (String change : List.of("category_code = 'senjata'", "regulatory_licence = 'tanpa izin'",
                    "halal_status = 'CERTIFIED', halal_certificate_number = 'KH 123'", "halal_status = 'NON_HALAL'",
                    "ship_from_regency_code = '99.01'", "seller_id = '" + other.sellerId() + "'")) {
                refusedByTheGate(connection,
                        "UPDATE catalog.listings SET " + change + " WHERE id = '" + published + "'");
            }
            // what the rules do not look at, and stock above all (every order), needs no
            // new PASS
            assertThat(connection.createStatement()
                .executeUpdate("UPDATE catalog.listings SET stock = stock + 1, "
                        + "price_idr = price_idr + 500, title = 'Baki Rotan Persegi Besar' WHERE id = '" + published
                        + "'"))
                .isOne();
            assertThat(connection.createStatement()
                .executeUpdate(
                        "UPDATE catalog.listings SET category_code = category_code WHERE id = '" + published + "'"))
                .isOne();
        }
        assertThat(visible(published)).isTrue();
    }

    @Test
    void theDatabaseRefusesARepublishUnderTheOldPassAfterTheContentChanged() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String kept = publishedListing(api, seller, listing("Keranjang Rotan Tutup"));
        String unpublished = publishedListing(api, seller, listing("Keranjang Rotan Kecil"));
        String oldPass = api.get("/api/v1/listings/" + unpublished)
            .bearer(seller.token())
            .send()
            .json()
            .get("decisionId")
            .asString();
        api.post("/api/v1/listings/" + unpublished + "/unpublish", Map.of()).bearer(seller.token()).send().expect(200);
        try (Connection connection = TestDatabase.instance().connect()) {
            // off the shelf by SQL, the PASS left on the row; changed while a draft; back
            // on under the same PASS
            connection.createStatement()
                .executeUpdate("UPDATE catalog.listings SET status = 'DRAFT' WHERE id = '" + kept + "'");
            connection.createStatement()
                .executeUpdate("UPDATE catalog.listings SET regulatory_licence = 'tanpa izin', "
                        + "category_code = 'senjata' WHERE id IN ('" + kept + "', '" + unpublished + "')");
            refusedByTheGate(connection, "UPDATE catalog.listings SET status = 'PUBLISHED' WHERE id = '" + kept + "'");
            refusedByTheGate(connection, "UPDATE catalog.listings SET status = 'PUBLISHED', " + "decision_id = '"
                    + oldPass + "' WHERE id = '" + unpublished + "'");
        }
        assertThat(visible(kept)).isFalse();
        assertThat(visible(unpublished)).isFalse();
    }

    @Test
    void aListingPublishedUnderAPassThatNamesNoContentKeepsItOnlyWhileItsCheckedContentStaysAsItWas() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String id = publishedListing(api, seller, listing("Tampah Rotan"));
        UUID legacyPass = transaction.execute(status -> decisions
            .append(new NewDecision(SubjectType.LISTING_PUBLICATION, UUID.fromString(id), 1, Outcome.PASS, List.of(),
                    "test", "v2"))
            .decisionId());
        try (Connection connection = TestDatabase.instance().connect()) {
            // as published before PASSes named the content they checked (the trigger of
            // the time is not this one)
            connection.createStatement().execute("SET session_replication_role = replica");
            connection.createStatement()
                .executeUpdate(
                        "UPDATE catalog.listings SET decision_id = '" + legacyPass + "' WHERE id = '" + id + "'");
            connection.createStatement().execute("SET session_replication_role = DEFAULT");

            assertThat(connection.createStatement()
                .executeUpdate("UPDATE catalog.listings SET stock = 3, status = 'PUBLISHED', "
                        + "category_code = category_code WHERE id = '" + id + "'"))
                .isOne();
            refusedByTheGate(connection,
                    "UPDATE catalog.listings SET halal_status = 'NON_HALAL' WHERE id = '" + id + "'");
            connection.createStatement()
                .executeUpdate("UPDATE catalog.listings SET status = 'DRAFT' WHERE id = '" + id + "'");
            connection.createStatement()
                .executeUpdate("UPDATE catalog.listings SET category_code = 'senjata' WHERE id = '" + id + "'");
            refusedByTheGate(connection, "UPDATE catalog.listings SET status = 'PUBLISHED' WHERE id = '" + id + "'");
        }
        assertThat(visible(id)).isFalse();
    }

    @Test
    void aPassNamesTheContentItChecked() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String id = publishedListing(api, seller, listing("Tatakan Gelas Rotan"));
        api.put("/api/v1/listings/" + id, with(listing("Tatakan Gelas Rotan"), "categoryCode", "ukiran-kayu"))
            .bearer(seller.token())
            .send()
            .expect(200);
        publish(seller, id).expect(200);
        try (Connection connection = TestDatabase.instance()
            .connect(); ResultSet row = connection.createStatement().executeQuery("""
                    SELECT l.content_hash, d.content_hash AS checked, l.version FROM catalog.listings l
                    JOIN compliance.decisions d ON d.decision_id = l.decision_id WHERE l.id = '%s'""".formatted(id))) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("checked")).matches("[0-9a-f]{64}").isEqualTo(row.getString("content_hash"));
            assertThat(row.getInt("version")).isEqualTo(2);
        }
        assertThat(visible(id)).isTrue();
    }

    @Test
    void anotherSellersListingIsNotFound() {
        Seller owner = CatalogFixtures.verifiedSeller(api);
        Seller other = CatalogFixtures.verifiedSeller(api);
        String id = createDraft(api, owner, listing("Vas Bunga Rotan"));

        for (Api.Response response : List.of(api.get("/api/v1/listings/" + id).bearer(other.token()).send(),
                api.put("/api/v1/listings/" + id, listing("Punya saya")).bearer(other.token()).send(),
                api.put("/api/v1/listings/" + id + "/stock", Map.of("stock", 1)).bearer(other.token()).send(),
                api.post("/api/v1/listings/" + id + "/publish", Map.of()).bearer(other.token()).send(),
                api.post("/api/v1/listings/" + id + "/unpublish", Map.of()).bearer(other.token()).send())) {
            response.expect(404);
            assertThat(response.json().get("code").asString()).isEqualTo("LISTING_NOT_FOUND");
        }
        assertThat(api.get("/api/v1/listings/" + id)
            .bearer(owner.token())
            .send()
            .expect(200)
            .json()
            .get("title")
            .asString()).isEqualTo("Vas Bunga Rotan");
    }

    @Test
    void badListingInputIs400NamingTheField() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        Map<String, Object> good = listing("Topi Anyaman");
        Map<Map<String, Object>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(with(good, "priceIdr", 0), "priceIdr");
        cases.put(with(good, "priceIdr", -5000), "priceIdr");
        cases.put(with(good, "stock", -1), "stock");
        cases.put(with(good, "stock", 2_000_000_000), "stock");
        cases.put(with(good, "categoryCode", "mobil-bekas"), "categoryCode");
        cases.put(with(good, "shipFromRegencyCode", "34-04"), "shipFromRegencyCode");
        cases.put(with(good, "title", "x".repeat(10_000)), "title");
        cases.put(with(good, "title", ""), "title");
        cases.put(with(good, "weightGrams", 0), "weightGrams");
        cases.forEach((body, field) -> {
            Api.Response response = api.post("/api/v1/listings", body).bearer(seller.token()).send();
            response.expect(400);
            assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString())).contains(field);
        });
        api.post("/api/v1/listings", "{\"title\": \"Topi\", \"priceIdr\": \"murah\"}")
            .bearer(seller.token())
            .send()
            .expect(400);
    }

    @Test
    void aShopperOrAnonymousCannotWriteListings() {
        api.post("/api/v1/listings", listing("Topi")).bearer(api.newAccount("SHOPPER")).send().expect(403);
        api.post("/api/v1/listings", listing("Topi")).send().expect(401);
        Api.Response noApplication = api.post("/api/v1/listings", listing("Topi"))
            .bearer(api.newAccount("SELLER"))
            .send();
        noApplication.expect(422);
        assertThat(noApplication.json().get("code").asString()).isEqualTo("SELLER_APPLICATION_REQUIRED");
    }

    /**
     * The gate's refusal of a statement that would leave a row PUBLISHED without a PASS
     * for its content.
     */
    private static void refusedByTheGate(Connection connection, String update) {
        assertThatThrownBy(() -> connection.createStatement().executeUpdate(update)).as(update)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("no compliance PASS");
    }

    private static String contentHashOf(String listingId) throws SQLException {
        try (Connection connection = TestDatabase.instance().connect();
                ResultSet row = connection.createStatement()
                    .executeQuery("SELECT content_hash FROM catalog.listings WHERE id = '" + listingId + "'")) {
            row.next();
            return row.getString(1);
        }
    }

    static List<String> decisionsAbout(String subjectId) throws SQLException {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement select = connection
                    .prepareStatement("SELECT subject_type || ' ' || outcome || ' ' || "
                            + "rule_set_version FROM compliance.decisions WHERE subject_id = ? ORDER BY sequence")) {
            select.setObject(1, UUID.fromString(subjectId));
            List<String> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }

}
