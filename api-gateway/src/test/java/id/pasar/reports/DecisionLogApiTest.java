package id.pasar.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.testing.TestDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Invariant 5 from the auditors' side: the log is readable whole, and tampering is found
 * and named.
 */
@IntegrationTest
class DecisionLogApiTest {

    @LocalServerPort
    int port;

    Api api;

    String auditor;

    @BeforeEach
    void client() {
        api = new Api(port);
        auditor = api.newStaffAccount("AUDITOR");
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication())
                .bearer(api.newAccount("SELLER"))
                .send()
                .expect(201);
        }
    }

    @Test
    void pagesWalkTheWholeLogInSequenceOrderAndTheCsvHoldsTheSame() throws Exception {
        List<Long> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/compliance/decisions?size=7" + (cursor == null ? "" : "&cursor=" + cursor))
                .bearer(auditor)
                .send()
                .expect(200)
                .json();
            page.get("items").forEach(entry -> paged.add(entry.get("sequence").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        while (cursor != null);
        assertThat(paged).isSorted().doesNotHaveDuplicates().isNotEmpty();

        Api.Response csv = api.get("/api/v1/compliance/decisions")
            .bearer(auditor)
            .header("Accept", "text/csv")
            .send()
            .expect(200);
        List<Long> exported = new ArrayList<>();
        for (CSVRecord row : records(csv)) {
            exported.add(Long.parseLong(row.get("sequence")));
            assertThat(row.get("hash")).hasSize(64);
        }
        assertThat(exported).containsAll(paged);
    }

    @Test
    void filtersNarrowTheLog() {
        JsonNode reviews = api
            .get("/api/v1/compliance/decisions?subjectType=SELLER_APPLICATION&outcome=REVIEW&size=100")
            .bearer(auditor)
            .send()
            .expect(200)
            .json();
        assertThat(reviews.get("items")).isNotEmpty();
        reviews.get("items").forEach(entry -> {
            assertThat(entry.get("subjectType").asString()).isEqualTo("SELLER_APPLICATION");
            assertThat(entry.get("outcome").asString()).isEqualTo("REVIEW");
            assertThat(entry.get("decidedAt").asString()).endsWith("+07:00");
        });
        LocalDate longAgo = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusYears(2);
        assertThat(api.get("/api/v1/compliance/decisions?from=" + longAgo + "&to=" + longAgo.plusDays(1))
            .bearer(auditor)
            .send()
            .expect(200)
            .json()
            .get("items")).isEmpty();
        api.get("/api/v1/compliance/decisions?subjectType=GOSSIP").bearer(auditor).send().expect(400);
        api.get("/api/v1/compliance/decisions?cursor=abc").bearer(auditor).send().expect(400);
        api.get("/api/v1/compliance/decisions?size=1000").bearer(auditor).send().expect(400);
    }

    @Test
    void anUntouchedLogVerifiesAndATamperedEntryIsNamed() throws Exception {
        JsonNode intact = api.get("/api/v1/compliance/decisions/verification")
            .bearer(auditor)
            .send()
            .expect(200)
            .json();
        assertThat(intact.get("valid").asBoolean()).isTrue();
        assertThat(intact.get("firstBrokenSequence").isNull()).isTrue();
        long entries = intact.get("entries").asLong();
        long victim = entries / 2 + 1;

        try (Connection superuser = TestDatabase.instance().connect(); Statement sql = superuser.createStatement()) {
            // What only a database superuser can do: switch the guard off and rewrite
            // history.
            sql.execute("ALTER TABLE compliance.decisions DISABLE TRIGGER decisions_append_only");
            String original = null;
            try (var row = sql.executeQuery("SELECT outcome FROM compliance.decisions WHERE sequence = " + victim)) {
                row.next();
                original = row.getString(1);
            }
            String forged = original.equals("PASS") ? "FAIL" : "PASS";
            sql.executeUpdate("UPDATE compliance.decisions SET outcome = '" + forged + "' WHERE sequence = " + victim);
            try {
                JsonNode broken = api.get("/api/v1/compliance/decisions/verification")
                    .bearer(auditor)
                    .send()
                    .expect(200)
                    .json();
                assertThat(broken.get("valid").asBoolean()).isFalse();
                assertThat(broken.get("firstBrokenSequence").asLong()).isEqualTo(victim);
                assertThat(broken.get("entries").asLong()).isEqualTo(entries);
            }
            finally {
                sql.executeUpdate(
                        "UPDATE compliance.decisions SET outcome = '" + original + "' WHERE sequence = " + victim);
                sql.execute("ALTER TABLE compliance.decisions ENABLE TRIGGER decisions_append_only");
            }
        }
        assertThat(api.get("/api/v1/compliance/decisions/verification")
            .bearer(auditor)
            .send()
            .json()
            .get("valid")
            .asBoolean()).isTrue();
    }

    @Test
    void aListingDecisionShowsTheContentItCheckedAndOtherEntriesShowNone() throws Exception {
        String listing = CatalogFixtures.publishedListing(api, CatalogFixtures.verifiedSeller(api),
                CatalogFixtures.listing("Kotak Tisu Rotan"));

        // Every page: other tests' passes share the log, oldest first.
        JsonNode pass = api
            .allItems("/api/v1/compliance/decisions?subjectType=LISTING_PUBLICATION&outcome=PASS", auditor)
            .stream()
            .filter(e -> e.get("subjectId").asString().equals(listing))
            .findFirst()
            .orElseThrow();
        assertThat(pass.get("contentHash").asString()).matches("[0-9a-f]{64}");
        JsonNode applications = api.get("/api/v1/compliance/decisions?subjectType=SELLER_APPLICATION&size=5")
            .bearer(auditor)
            .send()
            .expect(200)
            .json();
        applications.get("items").forEach(entry -> assertThat(entry.get("contentHash").isNull()).isTrue());

        Api.Response csv = api.get("/api/v1/compliance/decisions?subjectType=LISTING_PUBLICATION")
            .bearer(auditor)
            .header("Accept", "text/csv")
            .send()
            .expect(200);
        CSVRecord row = records(csv).stream()
            .filter(r -> r.get("decisionId").equals(pass.get("decisionId").asString()))
            .findFirst()
            .orElseThrow();
        assertThat(row.get("contentHash")).isEqualTo(pass.get("contentHash").asString());
    }

    @Test
    void theVerificationIsAlsoCsv() throws Exception {
        Api.Response csv = api.get("/api/v1/compliance/decisions/verification")
            .bearer(auditor)
            .header("Accept", "text/csv")
            .send()
            .expect(200);
        CSVRecord row = records(csv).get(0);
        assertThat(row.get("valid")).isEqualTo("true");
        assertThat(row.get("headHash")).hasSize(64);
    }

    private static List<CSVRecord> records(Api.Response csv) throws IOException {
        return CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv.body()))
            .getRecords();
    }

}
