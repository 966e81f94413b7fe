package id.pasar.ledger;

import static id.pasar.ledger.LedgerFixtures.balanceOnceSettled;
import static id.pasar.ledger.LedgerFixtures.completed;
import static id.pasar.ledger.LedgerFixtures.paid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.ledger.LedgerFixtures.Paid;
import id.pasar.orders.OrderSteps;
import id.pasar.orders.internal.OrderJobs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The money reports (issue 20): the month's PPh 22 per seller with its tax number masked,
 * the effective fee rate by group, and the reconciliation of what shoppers paid.
 */
@IntegrationTest
class MoneyReportsTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @LocalServerPort
    int port;

    @Autowired
    OrderJobs orderJobs;

    @Test
    void theTaxReportShowsEachSellersMaskedTaxNumberGrossAndWithheldAndTheMonthsTotal() throws Exception {
        Api api = new Api(port);
        String shopper = api.newAccount("SHOPPER");
        Seller person = CatalogFixtures.verifiedSeller(api);
        Seller business = LedgerFixtures.verifiedBusiness(api);
        Paid fromPerson = paid(api, person, shopper, 200_000, 1);
        Paid fromBusiness = paid(api, business, shopper, 300_000, 1);
        completed(api, person, shopper, fromPerson, orderJobs);
        completed(api, business, shopper, fromBusiness, orderJobs);
        balanceOnceSettled(api, person, fromPerson.totalIdr() - 7_000 - 1_000);
        balanceOnceSettled(api, business, fromBusiness.totalIdr() - 10_500 - 1_500);

        String month = YearMonth.now(JAKARTA).toString();
        String auditor = api.newStaffAccount("AUDITOR");
        JsonNode report = api.get("/api/v1/compliance/reports/tax?month=" + month)
            .bearer(auditor)
            .send()
            .expect(200)
            .json();
        JsonNode personLine = line(report, person);
        assertThat(personLine.get("taxIdKind").asString()).isEqualTo("NIK");
        assertThat(personLine.get("maskedTaxId").asString()).matches("\\d{6}\\*{8}\\d{2}");
        assertThat(personLine.get("grossIdr").asLong()).isEqualTo(200_000);
        assertThat(personLine.get("withheldIdr").asLong()).isEqualTo(1_000);
        JsonNode businessLine = line(report, business);
        assertThat(businessLine.get("taxIdKind").asString()).isEqualTo("NPWP");
        assertThat(businessLine.get("maskedTaxId").asString()).matches("\\*+\\d{3}");
        assertThat(businessLine.get("withheldIdr").asLong()).isEqualTo(1_500);
        long sum = report.get("sellers").valueStream().mapToLong(s -> s.get("withheldIdr").asLong()).sum();
        assertThat(report.get("withheldIdr").asLong()).isEqualTo(sum);
        assertThat(report.get("payableIdr").asLong()).isEqualTo(sum);
        assertThat(report.toString()).as("no unmasked number, no name").doesNotContain("Budi");

        String csv = api.get("/api/v1/compliance/reports/tax?month=" + month)
            .bearer(auditor)
            .header("Accept", "text/csv")
            .send()
            .expect(200)
            .body();
        assertThat(csv.lines().findFirst().orElseThrow())
            .isEqualTo("month,sellerId,taxIdKind,maskedTaxId,sellerOrders,grossIdr,withheldIdr");
        assertThat(csv).contains(month + "," + person.sellerId() + ",NIK,").contains(month + ",TOTAL,,,");
        assertThat(api.get("/api/v1/compliance/reports/tax?month=" + YearMonth.now(JAKARTA).minusYears(3))
            .bearer(auditor)
            .send()
            .expect(200)
            .json()
            .get("sellers")).isEmpty();

        // who may not, and bad months
        api.get("/api/v1/compliance/reports/tax?month=" + month).bearer(person.token()).send().expect(403);
        api.get("/api/v1/compliance/reports/tax?month=" + month).bearer(shopper).send().expect(403);
        for (String bad : new String[] { "2026-13", "2026-1", "12-2026", "2026-12-01", "%00" }) {
            Api.Response response = api.get("/api/v1/compliance/reports/tax?month=" + bad).bearer(auditor).send();
            assertThat(response.status()).as(bad).isEqualTo(400);
        }
        OrderSteps.problem(api.get("/api/v1/compliance/reports/tax").bearer(auditor).send(), 400, "MISSING_PARAMETER");
    }

    @Test
    void theFeeReportShowsOnlyGroupsOfFiveSellersOrMoreAndTheReconciliationBalances() throws Exception {
        Api api = new Api(port);
        String shopper = api.newAccount("SHOPPER");
        for (int i = 0; i < 5; i++) {
            Seller seller = CatalogFixtures.verifiedSeller(api);
            Paid paid = paid(api, seller, shopper, 100_000, 1);
            completed(api, seller, shopper, paid, orderJobs);
            balanceOnceSettled(api, seller, paid.totalIdr() - 3_500 - 500);
        }
        String auditor = api.newStaffAccount("AUDITOR");
        JsonNode fees = api.get("/api/v1/compliance/reports/fees").bearer(auditor).send().expect(200).json();
        assertThat(fees.get("smallestGroup").asInt()).isEqualTo(5);
        assertThat(fees.get("feesIdr").asLong()).isPositive();
        JsonNode micro = fees.get("byUmkmClass")
            .valueStream()
            .filter(g -> g.get("key").asString().equals("MICRO"))
            .findFirst()
            .orElseThrow();
        assertThat(micro.get("suppressed").asBoolean()).isFalse();
        assertThat(micro.get("sellers").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(micro.get("effectiveRatePercent").decimalValue()).isBetween(new BigDecimal("3.0"),
                new BigDecimal("5.0"));
        for (String section : new String[] { "byUmkmClass", "byProvince" }) {
            fees.get(section).valueStream().forEach(group -> {
                if (group.get("suppressed").asBoolean()) {
                    assertThat(group.get("sellers").isNull()).as(group.toString()).isTrue();
                    assertThat(group.get("feesIdr").isNull()).isTrue();
                }
                else {
                    assertThat(group.get("sellers").asLong()).as(group.toString()).isGreaterThanOrEqualTo(5);
                }
            });
        }
        assertThat(api.get("/api/v1/compliance/reports/fees")
            .bearer(auditor)
            .header("Accept", "text/csv")
            .send()
            .expect(200)
            .body()).startsWith("group,key,name,suppressed,sellers,itemsIdr,feesIdr,effectiveRatePercent");

        String admin = api.newStaffAccount("ADMIN");
        String today = LocalDate.now(JAKARTA).toString();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode reconciliation = api.get("/api/v1/admin/reconciliation?from=" + today + "&to=" + today)
                .bearer(admin)
                .send()
                .expect(200)
                .json();
            JsonNode day = reconciliation.get("days").get(0);
            assertThat(day.get("ordersPaidIdr").asLong()).isPositive();
            assertThat(day.get("ledgerPaidIdr").asLong()).isEqualTo(day.get("ordersPaidIdr").asLong());
            assertThat(day.get("sellersNetIdr").asLong() + day.get("feesIdr").asLong() + day.get("taxIdr").asLong()
                    + day.get("commissionsIdr").asLong() + day.get("refundsIdr").asLong()
                    + day.get("pendingIdr").asLong())
                .isEqualTo(day.get("ledgerPaidIdr").asLong());
            assertThat(day.get("balanced").asBoolean()).isTrue();
        });
        api.get("/api/v1/admin/reconciliation").bearer(auditor).send().expect(403);
    }

    private static JsonNode line(JsonNode report, Seller seller) {
        return report.get("sellers")
            .valueStream()
            .filter(s -> s.get("sellerId").asString().equals(seller.sellerId()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no line of " + seller.sellerId() + " in " + report));
    }

}
