package id.pasar.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.catalog.internal.PublishingWorkflow;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** When the rule set changes, what is on the shelf is checked again under the new one. */
@IntegrationTest
class ShelfRecheckTest {

    @LocalServerPort
    int port;

    @Autowired
    PublishingWorkflow workflow;

    @Test
    void listingsPassedUnderAnOlderRuleSetAreRecheckedPassedAgainOrSuspended() throws Exception {
        Api api = new Api(port);
        Seller good = CatalogFixtures.verifiedSeller(api);
        Seller lapsed = CatalogFixtures.verifiedSeller(api);
        String stillFine = CatalogFixtures.publishedListing(api, good, CatalogFixtures.listing("Tempat Tisu Rotan"));
        String noLongerFine = CatalogFixtures.publishedListing(api, lapsed,
                CatalogFixtures.listing("Rak Rotan Dinding"));
        String before = decisionOf(stillFine);
        // As if both had passed under an older rule set, and the second seller had since
        // lost its verification.
        sql("UPDATE catalog.listings SET rule_set_version = 'v1' WHERE id IN ('" + stillFine + "', '" + noLongerFine
                + "')");
        sql("UPDATE onboarding.sellers SET status = 'REJECTED' WHERE id = '" + lapsed.sellerId() + "'");

        PublishingWorkflow.RecheckResult result = workflow.recheckBatch(200);

        assertThat(result.checked()).isGreaterThanOrEqualTo(2);
        JsonNode passed = api.get("/api/v1/listings/" + stillFine).bearer(good.token()).send().expect(200).json();
        assertThat(passed.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(passed.get("decisionId").asString()).isNotEqualTo(before);
        assertThat(api.get("/api/v1/catalog/listings/" + stillFine).send().status()).isEqualTo(200);
        JsonNode suspended = api.get("/api/v1/listings/" + noLongerFine)
            .bearer(lapsed.token())
            .send()
            .expect(200)
            .json();
        assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("reasons").get(0).asString()).isEqualTo("SELLER_NOT_VERIFIED");
        assertThat(api.get("/api/v1/catalog/listings/" + noLongerFine).send().status()).isEqualTo(404);
        assertThat(workflow.recheckBatch(200).checked()).as("nothing left to re-check").isZero();
        try (Connection connection = TestDatabase.instance().connect();
                ResultSet row = connection.createStatement()
                    .executeQuery("""
                            SELECT l.content_hash, d.content_hash AS checked FROM catalog.listings l
                            JOIN compliance.decisions d ON d.decision_id = l.decision_id WHERE l.id = '%s'"""
                        .formatted(stillFine))) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("checked")).as("the renewed PASS names what it checked")
                .matches("[0-9a-f]{64}")
                .isEqualTo(row.getString("content_hash"));
        }
    }

    @Test
    void aShelfWithNothingToRecheckDoesNotWaitForTheDecisionLog() throws Exception {
        workflow.recheckBatch(200); // whatever other tests left under an older rule set
        try (Connection holder = TestDatabase.instance().connect()) {
            // Another transaction holds the head of the decision log, as a long append
            // would.
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT * FROM compliance.decision_log_head FOR UPDATE");
            try {
                PublishingWorkflow.RecheckResult idle = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> workflow.recheckBatch(200), "an empty re-check queued on the log's head");
                assertThat(idle.checked()).isZero();
            }
            finally {
                holder.rollback();
            }
        }
    }

    private static String decisionOf(String listingId) throws Exception {
        try (Connection connection = TestDatabase.instance().connect();
                PreparedStatement select = connection
                    .prepareStatement("SELECT decision_id FROM catalog.listings WHERE id = ?")) {
            select.setObject(1, UUID.fromString(listingId));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = TestDatabase.instance().connect()) {
            connection.createStatement().executeUpdate(statement);
        }
    }

}
