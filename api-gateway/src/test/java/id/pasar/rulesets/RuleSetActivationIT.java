package id.pasar.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.TestInstances;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The day a new rule set takes effect: an application whose v2 instant is seconds ahead,
 * with its own database (its shelf must not be the shared test shelf). Listings published
 * under v1 that fail v2 leave the shelf within a minute of the instant; the others are
 * passed again under v2, once each.
 */
class RuleSetActivationIT {

    @Test
    void atV2sInstantTheShelfIsRecheckedAndWhatFailsComesDown() throws Exception {
        TestDatabase database = TestDatabase.instance();
        String jdbcUrl = database.newDatabase("activation_" + Long.toHexString(System.nanoTime()));
        OffsetDateTime v2 = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusSeconds(25);
        try (ConfigurableApplicationContext app = TestInstances.start(jdbcUrl,
                "--pasar.compliance.rule-sets.v2-effective-from=" + v2, "--pasar.publishing.recheck-initial-delay=PT1S",
                "--pasar.publishing.recheck-interval=PT2S")) {
            Api api = TestInstances.api(app);
            assertThat(active(api)).isEqualTo("v1");
            Seller seller = CatalogFixtures.verifiedSeller(api);
            Map<String, Object> food = CatalogFixtures.with(CatalogFixtures
                .with(CatalogFixtures.listing("Rendang Daging Sapi"), "categoryCode", "makanan-beku"),
                    "regulatoryLicence", "MD 224510001234");
            String silent = CatalogFixtures.publishedListing(api, seller, food);
            String certified = CatalogFixtures.publishedListing(api, seller,
                    CatalogFixtures.with(CatalogFixtures.with(food, "halalStatus", "CERTIFIED"),
                            "halalCertificateNumber", "ID31110001234567"));
            String nonHalal = CatalogFixtures.publishedListing(api, seller,
                    CatalogFixtures.with(food, "halalStatus", "NON_HALAL"));
            String craft = CatalogFixtures.publishedListing(api, seller, CatalogFixtures.listing("Tas Anyaman Pandan"));
            assertThat(OffsetDateTime.now()).as("the set-up finished before v2's instant").isBefore(v2);

            String auditor = auditor(api);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode report = api.get("/api/v1/compliance/reports/listings")
                    .bearer(auditor)
                    .send()
                    .expect(200)
                    .json();
                assertThat(report.get("activeRuleSetVersion").asString()).isEqualTo("v2");
                assertThat(report.get("recheck").get("state").asString()).isEqualTo("DONE");
            });

            JsonNode report = api.get("/api/v1/compliance/reports/listings").bearer(auditor).send().json();
            assertThat(report.get("recheck").get("checked").asLong()).isEqualTo(4);
            assertThat(report.get("recheck").get("suspended").asLong()).isEqualTo(1);
            assertThat(report.get("publishedWithoutPass").asLong()).isZero();
            assertThat(report.get("publishedNow").asLong()).isEqualTo(3);
            JsonNode suspended = api.get("/api/v1/listings/" + silent).bearer(seller.token()).send().expect(200).json();
            assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
            assertThat(suspended.get("reasons").valueStream().map(JsonNode::asString))
                .containsExactly("HALAL_CERTIFICATE_REQUIRED");
            assertThat(api.get("/api/v1/catalog/listings/" + silent).send().status()).isEqualTo(404);
            for (String kept : List.of(certified, nonHalal, craft)) {
                assertThat(api.get("/api/v1/catalog/listings/" + kept).send().status()).isEqualTo(200);
            }
            assertThat(decisions(jdbcUrl, database, silent)).containsExactly("LISTING_PUBLICATION PASS v1",
                    "LISTING_SUSPENSION FAIL v2");
            for (String kept : List.of(certified, nonHalal, craft)) {
                assertThat(decisions(jdbcUrl, database, kept)).as("checked exactly once under v2")
                    .containsExactly("LISTING_PUBLICATION PASS v1", "LISTING_PUBLICATION PASS v2");
            }
            Api.Response late = api
                .post("/api/v1/listings/" + CatalogFixtures.createDraft(api, seller, food) + "/publish", Map.of())
                .bearer(seller.token())
                .send();
            late.expect(422);
            assertThat(late.json().get("reasons").get(0).asString()).isEqualTo("HALAL_CERTIFICATE_REQUIRED");
            assertThat(api.get("/api/v1/compliance/decisions/verification")
                .bearer(auditor)
                .send()
                .json()
                .get("valid")
                .asBoolean()).isTrue();
        }
    }

    private static String active(Api api) {
        return api.get("/api/v1/compliance/rule-sets")
            .send()
            .json()
            .get("items")
            .valueStream()
            .filter(set -> set.get("active").asBoolean())
            .findFirst()
            .orElseThrow()
            .get("version")
            .asString();
    }

    private static String auditor(Api api) {
        return api.newStaffAccount("AUDITOR");
    }

    private static List<String> decisions(String jdbcUrl, TestDatabase database, String listingId) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, database.username(), database.password());
                PreparedStatement select = connection
                    .prepareStatement("SELECT subject_type || ' ' || outcome || ' ' || "
                            + "rule_set_version FROM compliance.decisions WHERE subject_id = ? ORDER BY sequence")) {
            select.setObject(1, UUID.fromString(listingId));
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
