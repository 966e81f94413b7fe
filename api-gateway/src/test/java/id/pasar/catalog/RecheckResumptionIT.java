package id.pasar.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.TestInstances;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.catalog.internal.PublishingWorkflow;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The re-check stops half-way (an instance goes away after a committed batch) and two
 * instances pick it up: it finishes with every published listing checked exactly once
 * under the new rule set.
 */
class RecheckResumptionIT {

    private static final String V2_IN_THE_FUTURE = "--pasar.compliance.rule-sets.v2-effective-from=2099-01-01T00:00+07:00";

    private static final String V2_IN_THE_PAST = "--pasar.compliance.rule-sets.v2-effective-from=2026-10-18T00:00+07:00";

    @Test
    void aRecheckCutShortFinishesAfterARestartCheckingEveryListingOnce() throws Exception {
        TestDatabase database = TestDatabase.instance();
        String jdbcUrl = database.newDatabase("resumption_" + Long.toHexString(System.nanoTime()));
        List<String> listings = new ArrayList<>();
        try (ConfigurableApplicationContext underV1 = TestInstances.start(jdbcUrl, V2_IN_THE_FUTURE)) {
            Api api = TestInstances.api(underV1);
            Seller seller = CatalogFixtures.verifiedSeller(api);
            for (int i = 0; i < 7; i++) {
                listings
                    .add(CatalogFixtures.publishedListing(api, seller, CatalogFixtures.listing("Tampah Bambu " + i)));
            }
        }

        // v2 is in force; this instance re-checks one batch of 3, commits, and goes away.
        try (ConfigurableApplicationContext cutShort = TestInstances.start(jdbcUrl, V2_IN_THE_PAST)) {
            assertThat(cutShort.getBean(PublishingWorkflow.class).recheckBatch(3).checked()).isEqualTo(3);
        }
        assertThat(count(jdbcUrl, "SELECT checked FROM compliance.rule_set_rechecks WHERE rule_set_version = 'v2' "
                + "AND finished_at IS NULL"))
            .isEqualTo(3);

        // Two instances with their timers on finish it between them.
        try (ConfigurableApplicationContext one = TestInstances.start(jdbcUrl, V2_IN_THE_PAST,
                "--pasar.publishing.recheck-initial-delay=PT1S", "--pasar.publishing.recheck-interval=PT1S");
                ConfigurableApplicationContext two = TestInstances.start(jdbcUrl, V2_IN_THE_PAST,
                        "--pasar.publishing.recheck-initial-delay=PT1S", "--pasar.publishing.recheck-interval=PT1S")) {
            await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(count(jdbcUrl,
                        "SELECT count(*) FROM compliance.rule_set_rechecks WHERE rule_set_version = 'v2' AND finished_at IS NOT NULL"))
                    .isEqualTo(1));
            Api api = TestInstances.api(two);
            for (String listing : listings) {
                assertThat(api.get("/api/v1/catalog/listings/" + listing).send().status()).isEqualTo(200);
            }
            assertThat(api.get("/api/v1/compliance/decisions/verification")
                .bearer(api.newStaffAccount("AUDITOR"))
                .send()
                .json()
                .get("valid")
                .asBoolean()).isTrue();
        }
        assertThat(count(jdbcUrl, "SELECT checked FROM compliance.rule_set_rechecks WHERE rule_set_version = 'v2'"))
            .isEqualTo(listings.size());
        assertThat(count(jdbcUrl,
                "SELECT count(*) FROM compliance.decisions WHERE subject_type = 'LISTING_PUBLICATION' "
                        + "AND rule_set_version = 'v2'"))
            .as("one v2 PASS per listing, none twice")
            .isEqualTo(listings.size());
        assertThat(count(jdbcUrl,
                "SELECT count(DISTINCT subject_id) FROM compliance.decisions WHERE rule_set_version = 'v2' "
                        + "AND subject_type = 'LISTING_PUBLICATION'"))
            .isEqualTo(listings.size());
    }

    private static long count(String jdbcUrl, String sql) throws Exception {
        TestDatabase database = TestDatabase.instance();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, database.username(), database.password());
                ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

}
