package id.pasar.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.TestIdentityRegistry;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.compliance.DecisionLog;
import id.pasar.compliance.DecisionLog.NewDecision;
import id.pasar.compliance.DecisionLog.Outcome;
import id.pasar.compliance.DecisionLog.SubjectType;
import id.pasar.fairness.FairnessFixtures;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.onboarding.SellerReviewTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * After a scripted scenario the reports move by exactly what happened, in JSON and in
 * CSV. Other test classes share the database, so the report is read before and after and
 * the difference is what is asserted (tests of one JVM run one at a time).
 */
@IntegrationTest
class AuditorReportsTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    static final String PERIOD = "?from=" + TODAY.minusDays(1) + "&to=" + TODAY.plusDays(1);

    @LocalServerPort
    int port;

    @Autowired
    DecisionLog decisions;

    @Autowired
    TransactionTemplate transaction;

    Api api;

    String auditor;

    @BeforeEach
    void client() {
        api = new Api(port);
        auditor = api.newStaffAccount("AUDITOR");
    }

    @Test
    void bothReportsMoveByExactlyWhatTheScenarioDid() {
        Map<String, Long> sellersBefore = sellerFigures(), listingsBefore = listingFigures();
        String officer = api.newStaffAccount("COMPLIANCE_OFFICER");

        // A KTP seller approved by an officer, then revoked; another approved and kept.
        String revoked = apply(SellerFixtures.pendingKtpApplication());
        String kept = apply(SellerFixtures.pendingKtpApplication());
        for (String sellerId : List.of(revoked, kept)) {
            api.post("/api/v1/compliance/seller-applications/" + sellerId + "/decision", Map.of("decision", "APPROVE"))
                .bearer(officer)
                .send()
                .expect(200);
        }
        api.post("/api/v1/compliance/sellers/" + revoked + "/revoke", Map.of("reason", "fraud"))
            .bearer(officer)
            .send()
            .expect(200);
        // A business confirmed by OSS (VERIFIED, SMALL) and a passport holder still
        // pending.
        String nib = SellerFixtures.nib();
        TestIdentityRegistry.confirm(nib);
        String businessToken = api.newAccount("SELLER");
        api.post("/api/v1/sellers", SellerFixtures.application("BUSINESS",
                SellerFixtures.entity(nib, SellerFixtures.npwp(), "ID", "PT"), "3204", 5_000_000_000L))
            .bearer(businessToken)
            .send()
            .expect(201);
        Seller business = new Seller(businessToken, null);
        LocalDate born = SellerFixtures.someAdultBirthDate();
        String pendingPassport = apply(SellerFixtures.application("INDIVIDUAL", SellerFixtures
            .passport(SellerFixtures.passportNumber(), "IDN", born, "MALE", TODAY.plusYears(2), null)));
        // Refusals: two cross-border, one invalid NPWP, one by an officer.
        apply(SellerFixtures.ktpApplication(SellerFixtures.nik(born, false), born, "MALE", "WNA"));
        apply(SellerFixtures.application("BUSINESS",
                SellerFixtures.entity(SellerFixtures.nib(), SellerFixtures.npwp(), "MY", "PT")));
        apply(SellerFixtures.application("BUSINESS",
                SellerFixtures.entity(SellerFixtures.nib(), "123456789012345", "ID", "CV")));
        String refusedByOfficer = apply(SellerFixtures.pendingKtpApplication());
        api.post("/api/v1/compliance/seller-applications/" + refusedByOfficer + "/decision",
                Map.of("decision", "REJECT"))
            .bearer(officer)
            .send()
            .expect(200);
        // Listings: two published, one refused for its licence, one refused twice over.
        CatalogFixtures.publishedListing(api, business, CatalogFixtures.listing("Kursi Rotan Teras"));
        CatalogFixtures.publishedListing(api, business, CatalogFixtures.listing("Meja Rotan Teras"));
        String sambal = CatalogFixtures.createDraft(api, business,
                CatalogFixtures.with(CatalogFixtures.listing("Sambal Roa"), "categoryCode", "sambal-bumbu"));
        api.post("/api/v1/listings/" + sambal + "/publish", Map.of()).bearer(business.token()).send().expect(422);
        Seller pending = new Seller(api.newAccount("SELLER"), null);
        api.post("/api/v1/sellers", SellerFixtures.pendingKtpApplication()).bearer(pending.token()).send().expect(201);
        String abroad = CatalogFixtures.createDraft(api, pending,
                CatalogFixtures.with(CatalogFixtures.listing("Tikar"), "shipFromRegencyCode", "9901"));
        api.post("/api/v1/listings/" + abroad + "/publish", Map.of()).bearer(pending.token()).send().expect(422);

        Map<String, Long> sellers = difference(sellersBefore, sellerFigures());
        // revoked, kept, business, pending passport, pending (listing) seller
        assertThat(sellers).containsAllEntriesOf(Map.ofEntries(Map.entry("totalSellers", 5L),
                Map.entry("verifiedSellers", 2L), Map.entry("byDocumentType.KTP", 1L),
                Map.entry("byDocumentType.LOCAL_ENTITY", 1L), Map.entry("byDocumentType.PASSPORT", 0L),
                Map.entry("byProvince.32", 2L), Map.entry("byUmkmClass.MICRO", 1L), Map.entry("byUmkmClass.SMALL", 1L),
                Map.entry("rejectedApplications", 4L), Map.entry("rejectedCrossBorder", 2L),
                Map.entry("revokedSellers", 1L)));
        Map<String, Long> listings = difference(listingsBefore, listingFigures());
        assertThat(listings).containsAllEntriesOf(Map.of("checks", 4L, "passed", 2L, "rejected", 2L,
                "byReason.LICENCE_REQUIRED", 1L, "byReason.HALAL_CERTIFICATE_REQUIRED", 1L,
                "byReason.SELLER_NOT_VERIFIED", 1L, "byReason.SHIP_FROM_NOT_DOMESTIC", 1L, "publishedNow", 2L));
        assertThat(listingFigures().get("publishedWithoutPass")).isZero();
        assertThat(pendingPassport).isNotNull();
    }

    /**
     * A pending application rejected later (its passport expired, its entity listed as a
     * platform affiliate) is a rejected application, not a revoked seller; entries logged
     * as revocations before that was fixed are counted by what they were, without
     * touching the append-only log.
     */
    @Test
    void aPendingApplicationRejectedLaterCountsAsRejectedNotRevoked() throws Exception {
        Map<String, Long> before = sellerFigures();
        String admin = api.adminToken();
        String npwp = SellerFixtures.npwp();
        Seller pending = FairnessFixtures.businessSeller(api, SellerFixtures.nib(), npwp, false);
        api.post("/api/v1/admin/platform-affiliates", Map.of("npwp", npwp, "legalName", "PT Afiliasi Laporan"))
            .bearer(admin)
            .send()
            .expect(201);
        assertThat(SellerReviewTest.decisionsAbout(pending.sellerId())).endsWith("SELLER_REVIEW FAIL");
        // As main logged such a rejection until 2026-12-06: a SELLER_REVOCATION of a
        // seller that was never verified.
        UUID neverVerified = UUID.randomUUID();
        transaction.executeWithoutResult(status -> decisions.append(new NewDecision(SubjectType.SELLER_APPLICATION,
                neverVerified, null, Outcome.REVIEW, List.of(), "system", "v2")));
        transaction.executeWithoutResult(status -> decisions.append(new NewDecision(SubjectType.SELLER_REVOCATION,
                neverVerified, null, Outcome.FAIL, List.of("PASSPORT_EXPIRED"), "system", "v2")));

        Map<String, Long> moved = difference(before, sellerFigures());

        assertThat(moved).containsAllEntriesOf(Map.of("rejectedApplications", 2L, "revokedSellers", 0L));
    }

    @Test
    void theCsvSaysWhatTheJsonSays() {
        assertThat(csvFigures("/api/v1/compliance/reports/sellers" + PERIOD)).isEqualTo(sellerFigures());
        assertThat(csvFigures("/api/v1/compliance/reports/listings" + PERIOD)).isEqualTo(listingFigures());
    }

    @Test
    void theDefaultPeriodIsTheThirtyDaysEndingToday() {
        JsonNode report = api.get("/api/v1/compliance/reports/listings").bearer(auditor).send().expect(200).json();
        assertThat(report.get("to").asString()).isEqualTo(TODAY.toString());
        assertThat(report.get("from").asString()).isEqualTo(TODAY.minusDays(29).toString());
        assertThat(api.get("/api/v1/compliance/reports/sellers")
            .bearer(auditor)
            .send()
            .json()
            .get("byProvince")
            .valueStream()
            .allMatch(p -> p.get("provinceName").isString())).isTrue();
    }

    @Test
    void badPeriodsAre400() {
        for (String query : List.of("?from=2026-12-01&to=2026-11-01", "?from=kemarin", "?to=2026-13-01")) {
            Api.Response response = api.get("/api/v1/compliance/reports/sellers" + query).bearer(auditor).send();
            response.expect(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "SELLER", "SHOPPER", "COMPLIANCE_OFFICER" })
    void onlyAuditorsAndAdminsReadReports(String role) {
        String token = role.equals("COMPLIANCE_OFFICER") ? api.newStaffAccount(role) : api.newAccount(role);
        for (String path : List.of("/api/v1/compliance/reports/sellers", "/api/v1/compliance/reports/listings",
                "/api/v1/compliance/decisions", "/api/v1/compliance/decisions/verification")) {
            api.get(path).bearer(token).send().expect(403);
            api.get(path).send().expect(401);
            api.get(path).bearer(api.adminToken()).send().expect(200);
        }
    }

    @Test
    void nothingCanBeChangedThroughTheReports() {
        for (String path : List.of("/api/v1/compliance/reports/sellers", "/api/v1/compliance/decisions",
                "/api/v1/compliance/decisions/verification")) {
            api.post(path, "{}").bearer(auditor).send().expect(405);
            api.delete(path).bearer(auditor).send().expect(405);
        }
    }

    private String apply(Map<String, Object> application) {
        return api.post("/api/v1/sellers", application)
            .bearer(api.newAccount("SELLER"))
            .send()
            .expect(201)
            .json()
            .get("sellerId")
            .asString();
    }

    private Map<String, Long> sellerFigures() {
        return figures(
                api.get("/api/v1/compliance/reports/sellers" + PERIOD).bearer(auditor).send().expect(200).json());
    }

    private Map<String, Long> listingFigures() {
        return figures(
                api.get("/api/v1/compliance/reports/listings" + PERIOD).bearer(auditor).send().expect(200).json());
    }

    /** Every number of a report, flattened: "byDocumentType.KTP", "byProvince.32", ... */
    private static Map<String, Long> figures(JsonNode report) {
        Map<String, Long> figures = new HashMap<>();
        report.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (value.isIntegralNumber()) {
                figures.put(field.getKey(), value.asLong());
            }
            else if (value.isObject()) {
                value.properties()
                    .stream()
                    .filter(inner -> inner.getValue().isIntegralNumber())
                    .forEach(inner -> figures.put(field.getKey() + "." + inner.getKey(), inner.getValue().asLong()));
            }
            else if (value.isArray()) {
                value.forEach(item -> figures.put(field.getKey() + "." + item.get("provinceCode").asString(),
                        item.get("sellers").asLong()));
            }
        });
        return figures;
    }

    private Map<String, Long> csvFigures(String path) {
        Api.Response response = api.get(path).bearer(auditor).header("Accept", "text/csv").send().expect(200);
        assertThat(response.contentType()).startsWith("text/csv");
        Map<String, Long> figures = new HashMap<>();
        try {
            for (CSVRecord row : CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(response.body()))) {
                String key = row.get("section").equals("summary") ? row.get("key")
                        : row.get("section") + "." + row.get("key");
                if (!row.get("section").equals("period") && row.get("value").matches("-?\\d+")) {
                    figures.put(key, Long.parseLong(row.get("value")));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return figures;
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> difference = new HashMap<>();
        after.forEach((key, value) -> difference.put(key, value - before.getOrDefault(key, 0L)));
        before.keySet()
            .stream()
            .filter(key -> !after.containsKey(key))
            .forEach(key -> difference.put(key, -before.get(key)));
        return difference;
    }

}
